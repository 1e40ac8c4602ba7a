import { labelKey, translate, type Locale, type MessageKey } from "../../utils/i18n";
import type { UserActor } from "../auth/actor";
import { attachmentHeaders, toCsv, toJson, toXlsx, type Cell } from "../exports/spreadsheet";
import { listPortfolio, type PortfolioRow } from "./list-portfolio.server";
import { portfolioParams, type PortfolioQuery } from "./portfolio-query";

export const EXPORT_FORMATS = ["csv", "xlsx", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** At most this many rows per export (a whole 10,000-vendor portfolio fits). */
export const EXPORT_MAX_ROWS = 50_000;

/** The portfolio table as localised headers and rows (numbers stay numbers, dates ISO days). */
export function portfolioTable(
  locale: Locale,
  items: PortfolioRow[],
): { headers: string[]; rows: Cell[][] } {
  const t = (key: MessageKey) => translate(locale, key);
  const headers = (
    [
      "columnVendor",
      "columnProduct",
      "columnCriticality",
      "columnScore",
      "columnTier",
      "columnTransparency",
      "columnResidency",
      "columnStatus",
      "columnDue",
      "columnExpiry",
      "columnFindings",
      "columnTags",
    ] as const
  ).map((key) => t(labelKey("portfolio.", key) ?? "common.unknownValue"));
  const rows = items.map((row): Cell[] => [
    row.name,
    row.product,
    t(labelKey("vendors.criticality", row.criticality) ?? "common.unknownValue"),
    row.overall,
    row.tier ? t(labelKey("assessments.tier", row.tier) ?? "common.unknownValue") : null,
    row.transparency,
    row.residencyClass
      ? t(labelKey("assessments.class_", row.residencyClass) ?? "common.unknownValue")
      : null,
    row.status ? t(labelKey("assessments.status", row.status) ?? "common.unknownValue") : null,
    row.dueDate,
    row.certificateExpiry,
    row.openFindings,
    row.tags.join(", "),
  ]);
  return { headers, rows };
}

/** The current portfolio view (same filters and sort, every page) as a download. */
export async function exportPortfolio(
  actor: UserActor,
  input: { query: PortfolioQuery; format: ExportFormat; locale: Locale; now?: Date },
): Promise<Response> {
  const now = input.now ?? new Date();
  const { items, total } = await listPortfolio(actor, { query: input.query, pageSize: null, now });
  const { headers, rows } = portfolioTable(input.locale, items.slice(0, EXPORT_MAX_ROWS));
  const day = now.toISOString().slice(0, 10);
  const name = `portfolio-${day}`;
  if (input.format === "csv") {
    return new Response(toCsv(headers, rows), {
      headers: attachmentHeaders(`${name}.csv`, "text/csv; charset=utf-8"),
    });
  }
  if (input.format === "xlsx") {
    const body = await toXlsx([
      { name: translate(input.locale, "portfolio.exportSheet"), headers, rows },
    ]);
    return new Response(new Uint8Array(body), {
      headers: attachmentHeaders(
        `${name}.xlsx`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      ),
    });
  }
  const filters = Object.fromEntries(portfolioParams({ ...input.query, page: 1 }));
  return new Response(
    toJson(headers, rows, { exportedAt: now.toISOString(), locale: input.locale, filters, total }),
    {
      headers: attachmentHeaders(`${name}.json`, "application/json; charset=utf-8"),
    },
  );
}
