import type { ReactNode } from "react";

/** "Unknown" answers are marked by a symbol and weight, not by colour alone. */
export function UnknownMark({ children }: { children: ReactNode }) {
  return (
    <span className="font-semibold text-amber-800">
      <span aria-hidden="true">? </span>
      {children}
    </span>
  );
}
