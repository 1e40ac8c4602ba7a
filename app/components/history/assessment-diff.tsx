import { formatAnswer } from "~/modules/questionnaires/format-answer";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import type { VendorDiffView } from "./history-view";
import { formatScore } from "~/utils/score-format";

/** What changed between two assessments: scores per section, answers changed, added, removed. */
export function AssessmentDiff({ diff }: { diff: VendorDiffView }) {
  const { t, locale, number } = useT();
  const delta = (value: number | null) =>
    value === null ? "–" : `${value > 0 ? "+" : ""}${number(value, 1)}`;
  const answerText = (
    item: { type: string; options: { value: string; label: { en: string; de: string } }[] },
    value: unknown,
  ) => formatAnswer({ type: item.type, options: item.options }, value, locale, t);
  return (
    <div className="space-y-4">
      <div>
        <h3 className="font-semibold">{t("compare.scoreChanges")}</h3>
        <ScrollRegion label={t("compare.scoreChanges")}>
          <table className="min-w-full text-sm" data-testid="score-changes">
            <thead>
              <tr className="border-b border-slate-200 text-left">
                <th scope="col" className="py-1 pr-3">
                  {t("compare.section")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  {t("compare.before")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  {t("compare.after")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  {t("compare.delta")}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr className="border-b border-slate-100 font-semibold">
                <th scope="row" className="py-1 pr-3 text-left">
                  {t("compare.overall")}
                </th>
                <td className="py-1 pr-3 text-right tabular-nums">
                  {formatScore(locale, diff.overall.before)}
                </td>
                <td className="py-1 pr-3 text-right tabular-nums">
                  {formatScore(locale, diff.overall.after)}
                </td>
                <td className="py-1 pr-3 text-right tabular-nums">{delta(diff.overall.delta)}</td>
              </tr>
              <tr className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-3 text-left">
                  {t("compare.tier")}
                </th>
                <td className="py-1 pr-3 text-right">
                  {diff.riskTier.before
                    ? t(labelKey("assessments.tier", diff.riskTier.before) ?? "common.unknownValue")
                    : "–"}
                </td>
                <td className="py-1 pr-3 text-right">
                  {diff.riskTier.after
                    ? t(labelKey("assessments.tier", diff.riskTier.after) ?? "common.unknownValue")
                    : "–"}
                </td>
                <td />
              </tr>
              {diff.sections.map((s) => (
                <tr key={s.key} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {s.title[locale]}
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">
                    {formatScore(locale, s.before)}
                  </td>
                  <td className="py-1 pr-3 text-right tabular-nums">
                    {formatScore(locale, s.after)}
                  </td>
                  <td className="py-1 pr-3 text-right tabular-nums">{delta(s.delta)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
      <div>
        <h3 className="font-semibold">{t("compare.changedAnswers")}</h3>
        {diff.changed.length === 0 ? (
          <p className="text-sm">{t("compare.noChanges")}</p>
        ) : (
          <ScrollRegion label={t("compare.changedAnswers")}>
            <table className="min-w-full text-sm" data-testid="changed-answers">
              <thead>
                <tr className="border-b border-slate-200 text-left">
                  <th scope="col" className="py-1 pr-3">
                    {t("compare.question")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("compare.before")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("compare.after")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {diff.changed.map((c) => (
                  <tr key={c.key} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-1 pr-3 text-left font-medium">
                      {c.label[locale]}
                    </th>
                    <td className="py-1 pr-3">{answerText(c, c.before)}</td>
                    <td className="py-1 pr-3">{answerText(c, c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </div>
      {diff.added.length > 0 ? (
        <div>
          <h3 className="font-semibold">{t("compare.addedQuestions")}</h3>
          <ul className="list-disc pl-5 text-sm">
            {diff.added.map((q) => (
              <li key={q.key}>
                {q.label[locale]}: {answerText(q, q.after)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {diff.removed.length > 0 ? (
        <div>
          <h3 className="font-semibold">{t("compare.removedQuestions")}</h3>
          <ul className="list-disc pl-5 text-sm">
            {diff.removed.map((q) => (
              <li key={q.key}>
                {q.label[locale]}: {answerText(q, q.before)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
