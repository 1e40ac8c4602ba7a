import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";
import { Icon } from "./icon";

/**
 * What a list shows when it has nothing to show: what would be here, and the first step to fill
 * it (a link or a form), instead of an empty table.
 */
export function EmptyState({
  icon,
  title,
  children,
  action,
  className,
}: {
  icon?: LucideIcon;
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn(
        "flex flex-col items-center rounded-lg border border-dashed border-border-strong bg-surface px-6 py-10 text-center",
        className,
      )}
    >
      {icon ? <Icon icon={icon} className="mb-3 size-8 text-slate-500" /> : null}
      <p className="text-base font-semibold text-slate-900">{title}</p>
      {children ? <div className="mt-1 max-w-prose text-sm text-slate-600">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
