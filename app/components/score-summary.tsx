import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { formatScore } from "~/utils/score-format";

interface ScoreProps {
  score: {
    overall: number | null;
    riskTier: string | null;
    methodVersion: string;
    sections: {
      key: string;
      score: number | null;
      weight: number;
      answeredCount: number;
      applicableCount: number;
      unknownCount: number;
      questionCount: number;
    }[];
    knockOuts: { questionKey: string; label: string }[];
    completeness: { required: number; answeredRequired: number };
  };
  sections: { key: string; title: { en: string; de: string } }[];
  questions: {
    key: string;
    label: { en: string; de: string };
    knockOutLabel: { en: string; de: string } | null;
  }[];
}

/** Overall score, section table with bars (numbers always in text), knock-outs and completeness. */
export function ScoreSummary({ score, sections, questions }: ScoreProps) {
  const { t, locale, number } = useT();
  const titleOf = (key: string) => sections.find((s) => s.key === key)?.title[locale] ?? key;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-4">
        <p className="text-4xl font-bold tabular-nums" data-testid="overall-score">
          {formatScore(locale, score.overall)}
        </p>
        <p className="text-slate-700">
          {t("assessments.overall")} · {t("assessments.tier")}:{" "}
          {score.riskTier
            ? t(labelKey("assessments.tier", score.riskTier) ?? "common.unknownValue")
            : "–"}
        </p>
        <p className="text-xs text-slate-500">
          {t("assessments.methodVersion", { version: score.methodVersion })}
        </p>
      </div>
      <ScrollRegion label={t("assessments.sectionScore")}>
        <table className="min-w-full text-sm" data-testid="section-scores">
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3">
                {t("assessments.section")}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t("assessments.sectionScore")}
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                {t("assessments.weight")}
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                {t("assessments.answered")}
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                {t("assessments.unknownAnswers")}
              </th>
            </tr>
          </thead>
          <tbody>
            {score.sections.map((s) => (
              <tr key={s.key} className="border-t border-slate-100">
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  {titleOf(s.key)}
                </th>
                <td className="py-2 pr-3">
                  <div className="flex items-center gap-2">
                    <div className="h-2 w-40 rounded bg-slate-100" aria-hidden="true">
                      <div
                        className="h-2 rounded bg-brand-600"
                        style={{ width: `${Math.max(0, Math.min(100, s.score ?? 0))}%` }}
                      />
                    </div>
                    <span className="tabular-nums">{formatScore(locale, s.score)}</span>
                  </div>
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">{number(s.weight)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {s.answeredCount}/{s.questionCount}
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">{s.unknownCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="text-sm text-slate-700">
        {t("assessments.completeness", {
          answered: score.completeness.answeredRequired,
          required: score.completeness.required,
        })}
      </p>
      <div>
        <h3 className="font-semibold">{t("assessments.knockOutsTitle")}</h3>
        {score.knockOuts.length === 0 ? (
          <p className="text-sm text-slate-600">{t("assessments.noKnockOuts")}</p>
        ) : (
          <ul className="list-disc pl-5 text-sm text-red-800" data-testid="knock-outs">
            {score.knockOuts.map((k) => (
              <li key={k.questionKey}>
                {questions.find((q) => q.key === k.questionKey)?.knockOutLabel?.[locale] ?? k.label}{" "}
                — {questions.find((q) => q.key === k.questionKey)?.label[locale] ?? k.questionKey}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
