// Display helpers shared by the vendor's evidence input and the assessor's evidence list
// (client-safe): readable sizes, the kind behind a stored Content-Type, translated outcomes.

import type { MessageKey } from "../../utils/i18n";
import { EVIDENCE_KINDS, contentTypeOf, type EvidenceKind } from "./detect-file-type";
import type { EvidenceErrorParams, EvidenceOutcomeCode } from "./evidence-outcome";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
type FormatNumber = (value: number, digits?: number) => string;

/** What a file is from its stored Content-Type (set from detection at upload). */
export function kindOfContentType(contentType: string): EvidenceKind | null {
  return EVIDENCE_KINDS.find((kind) => contentTypeOf(kind) === contentType) ?? null;
}

export function kindName(t: Translate, kind: EvidenceKind | null): string {
  return kind ? t(`evidence.kind_${kind}`) : "—";
}

export function formatFileSize(t: Translate, number: FormatNumber, bytes: number): string {
  if (bytes < 1024) return t("evidence.sizeBytes", { size: number(bytes) });
  if (bytes < 1024 * 1024) return t("evidence.sizeKilobytes", { size: number(bytes / 1024, 0) });
  return t("evidence.sizeMegabytes", { size: number(bytes / (1024 * 1024), 1) });
}

/** Megabytes for "up to … MB" texts. */
export function megabytesOf(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

/** The translated text of an upload/removal outcome (success or why it was refused). */
export function evidenceOutcomeMessage(
  t: Translate,
  outcome: EvidenceOutcomeCode,
  params: EvidenceErrorParams = {},
): string {
  switch (outcome) {
    case "uploaded":
      return t("evidence.uploaded");
    case "removed":
      return t("evidence.removed");
    case "name_mismatch": {
      const vars = {
        extension: params.extension ?? "?",
        expected: kindName(t, params.expected ?? null),
      };
      return params.actual
        ? t("evidence.err_name_mismatch_actual", { ...vars, actual: kindName(t, params.actual) })
        : t("evidence.err_name_mismatch", vars);
    }
    case "extension_not_accepted":
      return t("evidence.err_extension_not_accepted", { extension: params.extension ?? "?" });
    case "too_large":
      return t("evidence.err_too_large", {
        size: params.max ? megabytesOf(Number(params.max)) : "?",
      });
    case "too_many_files":
      return t("evidence.err_too_many_files", { max: params.max ?? "?" });
    default:
      return t(`evidence.err_${outcome}`);
  }
}
