import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/layout";
import { ScrollRegion } from "~/components/ui/scroll-region";
import type { ComparisonPage } from "~/modules/comparison/comparison-view";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { UnknownMark } from "./unknown-mark";
import { formatScore } from "~/utils/score-format";

function RankChange({ stored, whatIf }: { stored: number; whatIf: number | null }) {
  const { t } = useT();
  if (whatIf === null) return null;
  const change = stored - whatIf;
  if (change === 0) return <span>{t("compare.rankSame")}</span>;
  return change > 0 ? (
    <span>▲ {t("compare.rankUp", { n: change })}</span>
  ) : (
    <span>▼ {t("compare.rankDown", { n: -change })}</span>
  );
}

/** The ranking table: stored ranks, and the what-if ranks under a weight profile when one is chosen. */
export function ComparisonRanking({
  comparison,
  ordered,
}: {
  comparison: ComparisonPage;
  ordered: ComparisonPage["candidates"];
}) {
  const { t, date, locale } = useT();
  const whatIf = Boolean(comparison.profile);
  const shown = (c: ComparisonPage["candidates"][number]) => c.whatIf ?? c.stored;
  return (
    <Card title={t("compare.ranking")}>
      <ScrollRegion label={t("compare.ranking")}>
        <table className="min-w-full text-sm" data-testid="ranking">
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="py-1 pr-3">
                {whatIf ? t("compare.rankWhatIf") : t("compare.rankStored")}
              </th>
              {whatIf ? (
                <th scope="col" className="py-1 pr-3">
                  {t("compare.rankStored")}
                </th>
              ) : null}
              {whatIf ? (
                <th scope="col" className="py-1 pr-3">
                  {t("compare.rankChange")}
                </th>
              ) : null}
              <th scope="col" className="py-1 pr-3">
                {t("compare.vendor")}
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                {t("compare.overallStored")}
              </th>
              {whatIf ? (
                <th scope="col" className="py-1 pr-3 text-right">
                  {t("compare.overallWhatIf")}
                </th>
              ) : null}
              <th scope="col" className="py-1 pr-3">
                {t("compare.tier")}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t("compare.transparency")}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t("compare.residency")}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t("compare.knockOuts")}
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                {t("compare.unknownAnswers")}
              </th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((c) => {
              const f = shown(c);
              return (
                <tr
                  key={c.vendorId}
                  className="border-b border-slate-100 align-top"
                  data-vendor={c.vendorId}
                >
                  <td className="py-1 pr-3 font-semibold">{c.whatIfRank ?? c.storedRank}</td>
                  {whatIf ? <td className="py-1 pr-3">{c.storedRank}</td> : null}
                  {whatIf ? (
                    <td className="py-1 pr-3">
                      <RankChange stored={c.storedRank} whatIf={c.whatIfRank} />
                    </td>
                  ) : null}
                  <th scope="row" className="py-1 pr-3 text-left">
                    <Link to={`/assessments/${c.assessmentId}`} className="underline">
                      {c.vendorName}
                    </Link>
                    <div className="text-xs font-normal text-slate-500">
                      {c.assessmentTitle} · {date(c.submittedAt)}
                    </div>
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">
                    {formatScore(locale, c.stored.overall)}
                  </td>
                  {whatIf ? (
                    <td className="py-1 pr-3 text-right tabular-nums">
                      {formatScore(locale, c.whatIf?.overall)}
                    </td>
                  ) : null}
                  <td className="py-1 pr-3">
                    {f.riskTier
                      ? t(labelKey("assessments.tier", f.riskTier) ?? "common.unknownValue")
                      : "–"}
                  </td>
                  <td className="py-1 pr-3">
                    {f.transparency
                      ? t("compare.transparencyValue", {
                          satisfied: f.transparency.satisfied,
                          total: f.transparency.total,
                        })
                      : "–"}
                  </td>
                  <td className="py-1 pr-3">
                    {f.residency
                      ? t(labelKey("assessments.class_", f.residency) ?? "common.unknownValue")
                      : "–"}
                  </td>
                  <td className="py-1 pr-3">
                    {f.knockOuts.length > 0 ? (
                      <span className="font-semibold text-red-800" data-testid="knock-out">
                        <span aria-hidden="true">⚠ </span>
                        {t("compare.knockOutFlag")}: {f.knockOuts.map((k) => k.label).join("; ")}
                      </span>
                    ) : (
                      t("compare.noKnockOuts")
                    )}
                  </td>
                  <td className="py-1 pr-3 text-right">
                    {f.unknownCount > 0 ? <UnknownMark>{f.unknownCount}</UnknownMark> : "0"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </Card>
  );
}
