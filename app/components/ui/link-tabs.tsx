import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { cn } from "./cn";

export type LinkTab = {
  /** Where the tab leads (a path with its query, e.g. `?tab=answers`). */
  to: string;
  label: ReactNode;
  /** Whether this tab's page is the one shown. Exactly one tab should be current. */
  current: boolean;
  /** A small count after the label (open findings, unread messages); nothing when undefined. */
  count?: number;
};

/**
 * Tabs that are links: each tab is its own URL, so they work without JavaScript, can be opened in
 * a new window and survive a reload. Deliberately not the ARIA tab pattern (role="tablist"):
 * that promises arrow-key switching within one page, while these navigate. A labelled <nav> with
 * aria-current="page" on the active link is what screen readers announce for this.
 */
export function LinkTabs({
  label,
  tabs,
  className,
}: {
  /** The accessible name of the navigation ("Assessment sections"). */
  label: string;
  tabs: LinkTab[];
  className?: string;
}) {
  return (
    <nav aria-label={label} className={cn("border-b border-border", className)}>
      {/* Scrolls sideways on a narrow screen instead of wrapping into a second row. */}
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.to} className="shrink-0">
            <Link
              to={tab.to}
              aria-current={tab.current ? "page" : undefined}
              preventScrollReset
              className={cn(
                "inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm whitespace-nowrap",
                tab.current
                  ? "border-brand-600 font-semibold text-brand-900"
                  : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {tab.label}
              {tab.count !== undefined ? (
                <span className="rounded-full bg-slate-100 px-2 text-xs font-medium text-slate-700">
                  {tab.count}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
