// The readable text of a stored answer, in one language: for the conflict dialog, the assessor's
// view, the signed report and exports. Plain function (no React), so server modules can use it.

import { countryName } from "../../reference-data/countries";
import { labelKey } from "../../utils/i18n";
import type { Locale, MessageKey } from "../../utils/i18n";

export interface FormattableQuestion {
  type: string;
  options?: { value: string; label: { en: string; de: string } }[];
}

/** `t` of useT() in components, or `(key, params) => translate(locale, key, params)` on the server. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A readable rendering of a stored answer. */
export function formatAnswer(
  question: FormattableQuestion,
  value: unknown,
  locale: Locale,
  t: Translate,
): string {
  if (value === null || value === undefined || value === "") return "—";
  if (value === "unknown") return t("portal.unknown");
  if (value === "na") return t("portal.na");
  const optionLabel = (v: string) =>
    question.options?.find((o) => o.value === v)?.label[locale] ?? v;
  if (
    question.type === "yes_no" &&
    typeof value === "string" &&
    ["yes", "partial", "no"].includes(value)
  ) {
    return t(labelKey("portal.", value as "yes" | "partial" | "no") ?? "common.unknownValue");
  }
  if (question.type === "subprocessors" && Array.isArray(value)) {
    return value
      .map(
        (row: { name?: string; country?: string; mechanism?: string }) =>
          `${row.name ?? "?"} (${row.country ? countryName(row.country, locale) : "?"}, ${t(labelKey("portal.mechanism_", row.mechanism ?? "unknown") ?? "common.unknownValue")})`,
      )
      .join("; ");
  }
  if (question.type === "evidence" && typeof value === "object" && !Array.isArray(value)) {
    const evidence = value as { documentType?: string; validUntil?: string; files?: unknown[] };
    const parts = [
      t(labelKey("portal.doc_", evidence.documentType ?? "other") ?? "common.unknownValue"),
      t("portal.evidenceFiles", { count: evidence.files?.length ?? 0 }),
    ];
    if (evidence.validUntil) parts.push(t("portal.validUntil", { date: evidence.validUntil }));
    return parts.join(" · ");
  }
  if (question.type === "countries" && Array.isArray(value))
    return value.map((v) => countryName(String(v), locale)).join(", ");
  if (Array.isArray(value)) return value.map((v) => optionLabel(String(v))).join(", ");
  if (typeof value === "string") return optionLabel(value);
  return String(value);
}
