import { Link } from "@remix-run/react";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

export interface ResidencyReratingView {
  id: string;
  vendorId: string;
  vendorName: string;
  changeEventId: string;
  changeSummaryDe: string;
  changeSummaryEn: string;
  oldClass: string | null;
  newClass: string;
  ratedOn: string;
}

/** Residency re-ratings (ADR 0034): on the vendor's page (show = change) or the change's (vendor). */
export function ResidencyReratingsTable({
  rows,
  show,
}: {
  rows: readonly ResidencyReratingView[];
  show: "vendor" | "change";
}) {
  const { t, date, locale } = useT();
  const className = (value: string | null) =>
    value === null
      ? t("impact.classNone")
      : t(labelKey("assessments.class_", value) ?? "common.unknownValue");
  if (rows.length === 0)
    return <p className="text-sm text-slate-600">{t("impact.reratingsNone")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm" data-testid="residency-reratings">
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th className="py-2 pr-4 font-medium">
              {show === "vendor" ? t("impact.columnVendor") : t("impact.columnChange")}
            </th>
            <th className="py-2 pr-4 font-medium">{t("impact.columnOldClass")}</th>
            <th className="py-2 pr-4 font-medium">{t("impact.columnNewClass")}</th>
            <th className="py-2 pr-4 font-medium">{t("impact.columnRatedOn")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100">
              <td className="py-2 pr-4">
                {show === "vendor" ? (
                  <Link className="text-brand-700 underline" to={`/vendors/${row.vendorId}`}>
                    {row.vendorName}
                  </Link>
                ) : (
                  <Link
                    className="text-brand-700 underline"
                    to={`/regulations/changes/${row.changeEventId}`}
                  >
                    {locale === "de" ? row.changeSummaryDe : row.changeSummaryEn}
                  </Link>
                )}
              </td>
              <td className="py-2 pr-4">{className(row.oldClass)}</td>
              <td className="py-2 pr-4 font-medium">{className(row.newClass)}</td>
              <td className="py-2 pr-4">{date(row.ratedOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
