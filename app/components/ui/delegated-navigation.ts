import { useNavigate } from "@remix-run/react";
import { useCallback, type MouseEvent } from "react";

/**
 * Client-side navigation for many plain links through ONE click handler on their container.
 *
 * A Remix <Link> runs about a dozen hooks (path resolution, prefetch state, click handler) while
 * the server renders it; a table of fifty rows with two links each spent a large part of a fresh
 * render there (issue 12). The rows use plain <a href> instead, which work without JavaScript as
 * they are; once hydrated, this handler turns an ordinary left click on one of them into the
 * same client-side navigation a <Link> makes.
 */
export function useDelegatedNavigation() {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      const href = delegatedHref(event);
      if (href === null) return;
      event.preventDefault();
      navigate(href);
    },
    [navigate],
  );
}

/** The parts of a click event the decision reads (a React or DOM mouse event has them). */
export interface DelegatedClick {
  defaultPrevented: boolean;
  button: number;
  metaKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  target: unknown;
  currentTarget: { contains(node: Element): boolean };
}

/**
 * The path to navigate to client-side for this click, or null to leave it to the browser: clicks
 * with a modifier key or another button, links with a target or download attribute, links
 * outside the container, and anything that is not a same-origin path ("//host" is another origin).
 */
export function delegatedHref(event: DelegatedClick): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return null;
  const target = event.target as { closest?: (selector: string) => Element | null } | null;
  const anchor = typeof target?.closest === "function" ? target.closest("a") : null;
  if (!anchor || !event.currentTarget.contains(anchor)) return null;
  const href = anchor.getAttribute("href");
  if (!href || !href.startsWith("/") || href.startsWith("//")) return null;
  if (anchor.hasAttribute("target") || anchor.hasAttribute("download")) return null;
  return href;
}
