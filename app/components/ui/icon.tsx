import type { LucideIcon, LucideProps } from "lucide-react";
import { cn } from "./cn";

/**
 * One way to draw an icon (lucide-react underneath). Without `label` the icon is decoration: hidden
 * from assistive technology, because the text beside it already says what it means. With `label`
 * it stands alone (an icon-only control) and is announced as an image with that name.
 */
export function Icon({
  icon: Glyph,
  label,
  className,
  ...props
}: { icon: LucideIcon; label?: string } & Omit<LucideProps, "ref">) {
  const shared = { className: cn("size-4 shrink-0", className), strokeWidth: 2, ...props };
  return label ? (
    <Glyph role="img" aria-label={label} {...shared} />
  ) : (
    <Glyph aria-hidden="true" focusable="false" {...shared} />
  );
}
