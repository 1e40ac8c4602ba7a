import { Link } from "@remix-run/react";
import { StatusBadge } from "~/components/assessment-badges";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { countryName } from "~/reference-data/countries";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import type { VendorListItemView } from "./vendor-view";

/** One page of the vendor list: name, country, criticality, products, latest assessment. */
export function VendorTable({ items }: { items: VendorListItemView[] }) {
  const { t, locale, number } = useT();
  return (
    <ScrollRegion
      label={t("vendors.title")}
      className="rounded-lg border border-slate-200 bg-white"
    >
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("vendors.columnName")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("vendors.columnCountry")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("vendors.columnCriticality")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("vendors.columnProducts")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("vendors.columnLatestAssessment")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("vendors.columnScore")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((vendor) => (
            <tr key={vendor.id} data-testid="vendor-row" className="border-t border-slate-100">
              <td className="px-3 py-2">
                <Link
                  to={`/vendors/${vendor.id}`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {vendor.name}
                </Link>
                {vendor.archivedAt ? (
                  <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">
                    {t("vendors.archivedBadge")}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2">
                {vendor.country ? countryName(vendor.country, locale) : "–"}
              </td>
              <td className="px-3 py-2">
                {t(labelKey("vendors.criticality", vendor.criticality) ?? "common.unknownValue")}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{number(vendor.productCount)}</td>
              <td className="px-3 py-2">
                {vendor.latestAssessment ? (
                  <Link to={`/assessments/${vendor.latestAssessment.id}`}>
                    <StatusBadge status={vendor.latestAssessment.status} />
                  </Link>
                ) : (
                  <span className="text-slate-500">{t("vendors.noAssessmentYet")}</span>
                )}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {number(vendor.latestAssessment?.overallScore)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
