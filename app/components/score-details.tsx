import type { ScoringResult } from "../../scoring";
import { limitedScopeNotes } from "~/reference-data/adequacy-scope-notes";
import { countryName } from "~/reference-data/countries";
import { labelKey } from "~/utils/i18n";
import type { Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import {
  describeBestAnswer,
  type ExplainableThresholds,
} from "~/modules/questionnaires/explain-answer";
import { transparencyAreaName } from "~/modules/questionnaires/transparency-area-name";
import { formatPointChange, formatScore } from "~/utils/score-format";
import { ScrollRegion } from "~/components/ui/scroll-region";

type Localized = { en: string; de: string };
export interface ScoreQuestionInfo {
  key: string;
  type: string;
  label: Localized;
  options: { value: string; label: Localized }[];
  indicatorRule: Localized | null;
  /** For the best answer's rule ("up to 7 days: full points"); optional for older callers. */
  thresholds?: ExplainableThresholds | null;
  unit?: string | null;
}

const country = (code: string, locale: Locale, unknown: string) =>
  code === "unknown" ? unknown : `${countryName(code, locale)} (${code})`;

/** FMTI-style transparency index: the count, by domain and subdomain, and each indicator with its award rule. */
export function TransparencyDetails({
  score,
  questions,
}: {
  score: ScoringResult;
  questions: ScoreQuestionInfo[];
}) {
  const { t, locale } = useT();
  const transparency = score.transparency;
  if (!transparency)
    return <p className="text-sm text-slate-600">{t("assessments.transparencyNone")}</p>;
  const labelOf = (key: string) => questions.find((q) => q.key === key);
  return (
    <div className="space-y-4">
      <p className="text-2xl font-bold tabular-nums" data-testid="transparency-index">
        {t("assessments.transparencyScore", {
          satisfied: transparency.satisfied,
          total: transparency.total,
        })}
      </p>
      <ScrollRegion label={t("assessments.transparencyTitle")}>
        <table className="min-w-full text-sm">
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3">
                {t("assessments.domain")}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t("assessments.subdomain")}
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                {t("assessments.indicatorsSatisfied")}
              </th>
            </tr>
          </thead>
          <tbody>
            {transparency.byDomain.flatMap((domain) =>
              domain.subdomains.map((sub, index) => (
                <tr key={`${domain.domain}/${sub.subdomain}`} className="border-t border-slate-100">
                  <td className="py-1 pr-3">
                    {index === 0
                      ? `${transparencyAreaName(domain.domain, t)} (${domain.satisfied}/${domain.total})`
                      : ""}
                  </td>
                  <td className="py-1 pr-3">{transparencyAreaName(sub.subdomain, t)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">
                    {sub.satisfied}/{sub.total}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </ScrollRegion>
      <ul className="space-y-1 text-sm">
        {transparency.indicators.map((indicator) => {
          const question = labelOf(indicator.questionKey);
          return (
            <li key={indicator.questionKey}>
              <span
                className={
                  indicator.satisfied ? "font-medium text-green-800" : "font-medium text-red-800"
                }
              >
                {indicator.satisfied ? "✓" : "✗"}{" "}
                {indicator.satisfied
                  ? t("assessments.indicatorMet")
                  : t("assessments.indicatorNotMet")}
              </span>{" "}
              — {question?.label[locale] ?? indicator.questionKey}
              <span className="block text-xs text-slate-600">
                {t("assessments.awardRule")}: {question?.indicatorRule?.[locale] ?? indicator.rule}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The residency rating: the worst flow sets it; every flow with its class. */
export function ResidencyDetails({ score }: { score: ScoringResult }) {
  const { t, locale } = useT();
  const residency = score.residency;
  if (!residency || residency.flows.length === 0)
    return <p className="text-sm text-slate-600">{t("assessments.residencyNone")}</p>;
  const classLabel = (c: string) => t(labelKey("assessments.class_", c) ?? "common.unknownValue");
  return (
    <div className="space-y-3">
      <p
        className="text-lg font-semibold"
        data-testid="residency-rating"
        data-rating={residency.rating}
      >
        {t("assessments.residencyRating", { rating: classLabel(residency.rating) })}
      </p>
      <p className="text-sm text-slate-600">{t("assessments.residencySetBy")}</p>
      <ScrollRegion label={t("assessments.residencyTitle")}>
        <table className="min-w-full text-sm" data-testid="residency-flows">
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3">
                {t("assessments.flowKind")}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t("assessments.country")}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t("assessments.residencyClass")}
              </th>
            </tr>
          </thead>
          <tbody>
            {residency.flows.map((flow) => {
              const worst = residency.setBy.includes(flow.index);
              return (
                <tr
                  key={flow.index}
                  className={`border-t border-slate-100 ${worst ? "bg-amber-50 font-medium" : ""}`}
                  data-worst={worst || undefined}
                >
                  <td className="py-1 pr-3">
                    {t(labelKey("assessments.flow_", flow.kind) ?? "common.unknownValue")}
                  </td>
                  <td className="py-1 pr-3">
                    {country(flow.country, locale, t("assessments.unknownCountry"))}
                  </td>
                  <td className="py-1 pr-3">
                    {classLabel(flow.class)}
                    {worst ? " ◀" : ""}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <ResidencyScopeNotes countries={residency.flows.map((flow) => flow.country)} />
    </div>
  );
}

/** Whom the adequacy decisions of the flows' countries cover, where a scope limits one (issue 21). */
function ResidencyScopeNotes({ countries }: { countries: string[] }) {
  const { t, locale } = useT();
  const notes = limitedScopeNotes(countries, locale);
  if (notes.length === 0) return null;
  return (
    <div className="text-sm text-slate-700" data-testid="residency-scope-notes">
      <p className="font-medium">{t("assessments.residencyScopeNotes")}</p>
      <ul className="list-disc pl-5">
        {notes.map(({ code, note }) => (
          <li key={code}>
            {country(code, locale, code)}: {note}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Tier reason, what would raise the score most, and where points were lost — all in the user's language. */
export function ScoreExplanationDetails({
  score,
  questions,
}: {
  score: ScoringResult;
  questions: ScoreQuestionInfo[];
}) {
  const { t, locale, number } = useT();
  const explanation = score.explanation;
  if (!explanation) return null;
  const question = (key: string) => questions.find((q) => q.key === key);
  const label = (key: string) => question(key)?.label[locale] ?? key;
  const tierName = (tier: string | null) =>
    tier ? t(labelKey("assessments.tier", tier) ?? "common.unknownValue") : "–";
  const tier = explanation.tier;
  return (
    <div className="space-y-4 text-sm">
      <div data-testid="tier-explanation">
        {tier.threshold ? (
          <p>
            {t("explain.tierReason", {
              overall: formatScore(locale, tier.overall),
              tier: tierName(tier.scoreTier),
              min: number(tier.threshold.min),
            })}
          </p>
        ) : (
          <p>
            {t("explain.tierBelow", {
              overall: formatScore(locale, tier.overall),
              tier: tierName(tier.scoreTier),
              min: number(tier.thresholds.high),
            })}
          </p>
        )}
        {tier.cappedBy.length > 0 ? (
          <p className="text-red-800">
            {t("assessments.tierCapped", {
              tier: tierName(tier.tier),
              questions: tier.cappedBy.map(label).join("; "),
            })}
          </p>
        ) : null}
      </div>
      <div>
        <h3 className="font-semibold">{t("assessments.improvementsTitle")}</h3>
        {explanation.overall.improvements.length === 0 ? (
          <p className="text-slate-600">{t("assessments.noImprovements")}</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-5" data-testid="improvements">
            {explanation.overall.improvements.map((item) => {
              const q = question(item.questionKey);
              return (
                <li key={item.questionKey}>
                  <span className="font-medium tabular-nums">
                    {t("assessments.improvementGain", {
                      gain: formatPointChange(locale, item.gain),
                    })}
                  </span>{" "}
                  — {label(item.questionKey)}
                  <span className="block text-xs text-slate-600" data-testid="best-answer">
                    {t("assessments.bestAnswer")}: {describeBestAnswer(q, item, locale, t)}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <div>
        <h3 className="font-semibold">{t("assessments.lostTitle")}</h3>
        <ul className="space-y-1" data-testid="contributions">
          {explanation.overall.contributions
            .filter((c) => c.lost > 0)
            .slice(0, 5)
            .map((c) => (
              <li key={c.questionKey}>
                <span className="tabular-nums">
                  {t("assessments.lost", { lost: formatPointChange(locale, c.lost) })}
                </span>{" "}
                — {label(c.questionKey)}
              </li>
            ))}
        </ul>
      </div>
    </div>
  );
}
