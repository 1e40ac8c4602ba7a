import { useNavigate } from "@remix-run/react";
import { useCallback, type MouseEvent } from "react";

/**
 * Client-side navigation for many plain links through ONE click handler on their container.
 *
 * A Remix <Link> runs about a dozen hooks (path resolution, prefetch state, click handler) while
 * the server renders it; a table of fifty rows with two links each spent a large part of a fresh
 * render there (issue 12). The rows use plain <a href> instead, which work without JavaScript as
 * they are; once hydrated, this handler turns an ordinary left click on one of them into the
 * same client-side navigation a <Link> makes. Clicks with a modifier key, other buttons, links
 * with a target or download attribute and anything not a same-origin path stay the browser's.
 */
export function useDelegatedNavigation() {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.altKey ||
        event.ctrlKey ||
        event.shiftKey
      )
        return;
      const anchor = event.target instanceof Element ? event.target.closest("a") : null;
      if (!anchor || !event.currentTarget.contains(anchor)) return;
      const href = anchor.getAttribute("href");
      if (!href || !href.startsWith("/") || href.startsWith("//")) return;
      if (anchor.hasAttribute("target") || anchor.hasAttribute("download")) return;
      event.preventDefault();
      navigate(href);
    },
    [navigate],
  );
}
