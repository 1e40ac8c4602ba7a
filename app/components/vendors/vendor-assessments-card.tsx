import { Link } from "@remix-run/react";
import { StatusBadge } from "~/components/assessment-badges";
import { Card } from "~/components/ui/layout";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { useT } from "~/utils/use-t";
import type { VendorView } from "./vendor-view";

/** The vendor's assessments: title (linked), product, status, score, due date. */
export function VendorAssessmentsCard({ assessments }: { assessments: VendorView["assessments"] }) {
  const { t, date, number } = useT();
  return (
    <Card title={t("vendors.assessmentsTitle")}>
      {assessments.length === 0 ? (
        <p className="text-sm text-slate-600">{t("vendors.noAssessments")}</p>
      ) : (
        <ScrollRegion label={t("vendors.assessmentsTitle")}>
          <table className="min-w-full text-sm">
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t("vendors.columnTitle")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("vendors.columnProduct")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("vendors.columnStatus")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("vendors.columnScore")}
                </th>
                <th scope="col" className="py-2">
                  {t("vendors.columnDueDate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {assessments.map((assessment) => (
                <tr
                  key={assessment.id}
                  className="border-t border-slate-100"
                  data-testid="vendor-assessment-row"
                >
                  <td className="py-2 pr-3">
                    <Link to={`/assessments/${assessment.id}`} className="text-brand-700 underline">
                      {assessment.title}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">
                    {assessment.product?.name ?? t("vendors.wholeVendor")}
                  </td>
                  <td className="py-2 pr-3">
                    <StatusBadge status={assessment.status} />
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">
                    {number(assessment.overallScore)}
                  </td>
                  <td className="py-2">{date(assessment.dueDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Card>
  );
}
