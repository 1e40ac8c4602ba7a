import type { Locale } from "../../utils/i18n";
import { translate } from "../../utils/i18n";
import type { UserActor } from "../auth/actor";
import { attachmentHeaders, toCsv, toJson, toXlsx } from "../exports/spreadsheet";
import { comparisonMeta, comparisonSheets, renderComparisonPdf } from "./comparison-export.server";
import { compareVendors } from "./compare-vendors.server";
import { DomainError } from "../../utils/errors";

export const COMPARISON_EXPORT_FORMATS = ["csv", "xlsx", "json", "pdf"] as const;
export type ComparisonExportFormat = (typeof COMPARISON_EXPORT_FORMATS)[number];

/** A comparison (same input as the page) as a download in the user's language. */
export async function exportComparison(
  actor: UserActor,
  input: {
    vendorIds: string[];
    profileId: string | null;
    format: ComparisonExportFormat;
    locale: Locale;
    now?: Date;
  },
): Promise<Response> {
  const result = await compareVendors(actor, {
    vendorIds: input.vendorIds,
    profileId: input.profileId,
  });
  if (!result.ok)
    throw new DomainError("VALIDATION", "compare.refusedCount", { reason: result.refusal.reason });
  const now = input.now ?? new Date();
  const base =
    `${translate(input.locale, "compare.exportFileTitle")}-${now.toISOString().slice(0, 10)}`.replace(
      /\s+/g,
      "-",
    );
  if (input.format === "pdf") {
    const bytes = await renderComparisonPdf(result, input.locale, now);
    return new Response(new Uint8Array(bytes), {
      headers: attachmentHeaders(`${base}.pdf`, "application/pdf"),
    });
  }
  const sheets = comparisonSheets(result, input.locale);
  const [overview, differences] = sheets as [(typeof sheets)[number], (typeof sheets)[number]];
  if (input.format === "csv")
    return new Response(toCsv(overview.headers, overview.rows), {
      headers: attachmentHeaders(`${base}.csv`, "text/csv; charset=utf-8"),
    });
  if (input.format === "xlsx") {
    return new Response(new Uint8Array(await toXlsx(sheets)), {
      headers: attachmentHeaders(
        `${base}.xlsx`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      ),
    });
  }
  const differing = JSON.parse(toJson(differences.headers, differences.rows)) as {
    rows: unknown[];
  };
  return new Response(
    toJson(overview.headers, overview.rows, {
      ...comparisonMeta(result, input.locale),
      [differences.name]: differing.rows,
    }),
    {
      headers: attachmentHeaders(`${base}.json`, "application/json; charset=utf-8"),
    },
  );
}
