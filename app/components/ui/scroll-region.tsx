import type { ReactNode } from "react";

/**
 * Wide content (tables) that scrolls sideways in its own region on a narrow screen instead of
 * widening the page (390 px phones). The region is labelled and focusable, so keyboard users can
 * scroll it with the arrow keys and screen readers say what it holds (axe:
 * scrollable-region-focusable). `relative`: absolutely positioned descendants (sr-only labels)
 * stay inside it instead of stretching the document.
 */
export function ScrollRegion({
  label,
  labelledBy,
  children,
  className = "",
}: {
  /** What the region holds (or `labelledBy`: the id of a visible heading or label). */
  label?: string;
  labelledBy?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      role="region"
      aria-label={labelledBy ? undefined : label}
      aria-labelledby={labelledBy}
      tabIndex={0}
      className={`relative max-w-full overflow-x-auto ${className}`}
    >
      {children}
    </div>
  );
}
