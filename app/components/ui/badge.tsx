import { cva, type VariantProps } from "class-variance-authority";
import type { HTMLAttributes } from "react";
import { cn } from "./cn";

/** A small label for a status, tier or count. Each tone keeps AA contrast for its small text. */
export const badgeVariants = cva(
  "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap",
  {
    variants: {
      tone: {
        neutral: "border-border bg-surface-muted text-slate-700",
        info: "border-blue-200 bg-info-subtle text-info-fg",
        success: "border-green-200 bg-success-subtle text-success-fg",
        warning: "border-amber-200 bg-warning-subtle text-warning-fg",
        danger: "border-red-200 bg-danger-subtle text-danger-fg",
        brand: "border-brand-100 bg-brand-50 text-brand-900",
      },
    },
    defaultVariants: { tone: "neutral" },
  },
);

export function Badge({
  tone,
  className,
  ...props
}: VariantProps<typeof badgeVariants> & HTMLAttributes<HTMLSpanElement>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
