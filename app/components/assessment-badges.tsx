import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

const STATUS_STYLE: Record<string, string> = {
  APPROVED: "bg-green-100 text-green-900",
  APPROVED_WITH_CONDITIONS: "bg-lime-100 text-lime-900",
  REJECTED: "bg-red-100 text-red-900",
  AWAITING_DECISION: "bg-purple-100 text-purple-900",
  SUBMITTED: "bg-blue-100 text-blue-900",
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useT();
  return (
    <StatusPill
      status={status}
      label={t(labelKey("assessments.status", status) ?? "common.unknownValue")}
    />
  );
}

/** The status badge with its label already translated (tables of many rows: no hooks per cell). */
export function StatusPill({ status, label }: { status: string; label: string }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status] ?? "bg-slate-100 text-slate-800"}`}
      data-testid="status-badge"
      data-status={status}
    >
      {label}
    </span>
  );
}

// Tier colours are paired with the tier's name (never colour alone).
const TIER_STYLE: Record<string, string> = {
  low: "bg-green-100 text-green-900",
  medium: "bg-yellow-100 text-yellow-900",
  high: "bg-orange-100 text-orange-900",
  critical: "bg-red-100 text-red-900",
};

export function TierBadge({ tier, knockOuts = 0 }: { tier: string | null; knockOuts?: number }) {
  const { t } = useT();
  return (
    <TierPill
      tier={tier}
      label={tier ? t(labelKey("assessments.tier", tier) ?? "common.unknownValue") : ""}
      knockOuts={knockOuts}
    />
  );
}

/** The tier badge with its label already translated (tables of many rows: no hooks per cell). */
export function TierPill({
  tier,
  label,
  knockOuts = 0,
}: {
  tier: string | null;
  label: string;
  knockOuts?: number;
}) {
  if (!tier) return <span className="text-slate-400">–</span>;
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${TIER_STYLE[tier] ?? ""}`}
      data-testid="tier-badge"
    >
      {label}
      {knockOuts > 0 ? ` · K.O. ×${knockOuts}` : ""}
    </span>
  );
}
