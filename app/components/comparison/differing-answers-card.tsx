import { Card } from "~/components/ui/layout";
import { ScrollRegion } from "~/components/ui/scroll-region";
import type { ComparisonPage } from "~/modules/comparison/comparison-view";
import { useT } from "~/utils/use-t";
import { UnknownMark } from "./unknown-mark";

/** The questions the compared vendors answered most differently, as shown text. */
export function DifferingAnswersCard({ comparison }: { comparison: ComparisonPage }) {
  const { t } = useT();
  return (
    <Card title={t("compare.differing")}>
      <p className="mb-2 text-sm text-slate-600">{t("compare.differingHelp")}</p>
      {comparison.differing.length === 0 ? (
        <p className="text-sm">{t("compare.differingNone")}</p>
      ) : (
        <ScrollRegion label={t("compare.differing")}>
          <table className="min-w-full text-sm" data-testid="differing">
            <thead>
              <tr className="border-b border-slate-200 text-left">
                <th scope="col" className="py-1 pr-3">
                  {t("compare.question")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  {t("compare.spread")}
                </th>
                {comparison.candidates.map((c) => (
                  <th key={c.vendorId} scope="col" className="py-1 pr-3">
                    {c.vendorName}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {comparison.differing.map((d) => (
                <tr key={d.key} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-1 pr-3 text-left font-medium">
                    {d.label}
                    <div className="text-xs font-normal text-slate-500">{d.key}</div>
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">{d.spread}</td>
                  {d.cells.map((cell, i) => (
                    <td key={i} className="py-1 pr-3">
                      {cell.unknown ? <UnknownMark>{cell.text}</UnknownMark> : cell.text}
                      {cell.points !== null ? (
                        <span className="ml-1 text-xs text-slate-500">({cell.points})</span>
                      ) : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Card>
  );
}
