import { Form, Link } from "@remix-run/react";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

export interface ChangeFeedTableRow {
  id: string;
  instrument: { key: string; titleDe: string; titleEn: string };
  type: string;
  legalStatus: string;
  effectiveAt: Date | string | null;
  summaryDe: string;
  summaryEn: string;
  sourceUrl: string | null;
  confirmed: boolean;
  candidate: boolean;
  /** An open candidate of the reader's organisation (global ones are an operator's to review). */
  reviewable: boolean;
  impact: { questions: number; vendors: number } | null;
}

/** The change events, one row each, with the organisation's impact count where there is one. */
export function ChangeFeedTable({
  rows,
  canReview,
}: {
  rows: ChangeFeedTableRow[];
  canReview: boolean;
}) {
  const { t, locale, date } = useT();
  const label = (prefix: "regulationChanges.type" | "regulationChanges.status", value: string) => {
    const key = labelKey(prefix, value);
    return key ? t(key) : value;
  };
  if (rows.length === 0)
    return <p className="text-sm text-slate-600">{t("regulationChanges.empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="change-table">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3">
              {t("regulationChanges.columnInstrument")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("regulationChanges.columnType")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("regulationChanges.columnStatus")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("regulationChanges.columnEffective")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("regulationChanges.columnSummary")}
            </th>
            <th scope="col" className="py-2">
              {t("regulationChanges.columnImpact")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              data-testid="change-row"
              data-candidate={row.candidate ? "true" : undefined}
              className={`border-b border-slate-100 align-top ${row.candidate ? "bg-amber-50" : ""}`}
            >
              <td className="py-2 pr-3">
                <Link
                  to={`/regulations/changes/${row.id}`}
                  className="font-medium text-brand-900 underline"
                >
                  {locale === "de" ? row.instrument.titleDe : row.instrument.titleEn}
                </Link>
                <div className="text-xs text-slate-500">{row.instrument.key}</div>
              </td>
              <td className="py-2 pr-3">{label("regulationChanges.type", row.type)}</td>
              <td className="py-2 pr-3">{label("regulationChanges.status", row.legalStatus)}</td>
              <td className="py-2 pr-3 whitespace-nowrap">
                {row.effectiveAt ? date(row.effectiveAt) : t("regulationChanges.noEffectiveDate")}
              </td>
              <td className="py-2 pr-3">
                <p>{locale === "de" ? row.summaryDe : row.summaryEn}</p>
                <p className="mt-1 flex flex-wrap gap-2 text-xs">
                  {row.candidate ? (
                    <span className="rounded bg-amber-200 px-1.5 py-0.5 font-medium text-amber-900">
                      {t("regulationChanges.candidate")}
                    </span>
                  ) : (
                    <span
                      className={`rounded px-1.5 py-0.5 ${row.confirmed ? "bg-green-100 text-green-900" : "bg-slate-100 text-slate-700"}`}
                    >
                      {row.confirmed
                        ? t("regulationChanges.confirmed")
                        : t("regulationChanges.unconfirmed")}
                    </span>
                  )}
                  {row.sourceUrl ? (
                    <a href={row.sourceUrl} rel="noopener noreferrer" className="underline">
                      {t("regulationChanges.source")}
                    </a>
                  ) : null}
                </p>
                {row.reviewable && canReview ? (
                  <Form method="post" className="mt-2 flex gap-2">
                    <input type="hidden" name="changeEventId" value={row.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="confirm"
                      className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100"
                    >
                      {t("regulationChanges.confirmCandidate")}
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value="dismiss"
                      className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100"
                    >
                      {t("regulationChanges.dismissCandidate")}
                    </button>
                  </Form>
                ) : null}
              </td>
              <td className="py-2 whitespace-nowrap" data-testid="change-impact">
                {row.impact
                  ? t("regulationChanges.impactCount", { ...row.impact })
                  : t("regulationChanges.impactNone")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
