import type { ReactNode } from "react";

const TONES = {
  green: "bg-green-100 text-green-900",
  slate: "bg-slate-100 text-slate-800",
  amber: "bg-amber-100 text-amber-900",
  red: "bg-red-100 text-red-900",
} as const;

/** A small coloured status label (MFA on/off, active/deactivated, pending/expired). */
export function AdminBadge({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>
      {children}
    </span>
  );
}
