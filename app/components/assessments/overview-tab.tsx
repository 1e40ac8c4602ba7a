import {
  ResidencyDetails,
  ScoreExplanationDetails,
  TransparencyDetails,
} from "~/components/score-details";
import { ScoreSummary } from "~/components/score-summary";
import { Card } from "~/components/ui/layout";
import { useT } from "~/utils/use-t";
import type { AssessmentPageView } from "./assessment-page";
import { ReReviewCard, TemplateUpdateCard } from "./re-review-card";

/**
 * The Overview tab: re-review and template-update notices, the score with tier and knock-outs,
 * its explanation, transparency and residency, and the assessor's note to the DPO. No forms
 * beyond the re-review ones, so the first view of an assessment stays short.
 */
export function OverviewTab({ view }: { view: AssessmentPageView }) {
  const { assessment: a, reReview, templateUpdate, canReReview, forwardNote } = view;
  const { t, locale, date } = useT();
  return (
    <div className="space-y-6" data-testid="overview-tab">
      {reReview ? (
        <ReReviewCard
          reReview={reReview}
          assessmentId={a.id}
          vendorId={a.vendor.id}
          scored={a.score !== null}
          labelOf={(key) => a.questions.find((q) => q.key === key)?.label[locale] ?? key}
        />
      ) : null}

      {templateUpdate ? (
        <TemplateUpdateCard update={templateUpdate} canReReview={canReReview} />
      ) : null}

      <Card title={t("assessments.scoresTitle")}>
        {a.score ? (
          <ScoreSummary score={a.score} sections={a.sections} questions={a.questions} />
        ) : (
          <p className="text-slate-600">{t("assessments.notScoredYet")}</p>
        )}
        {a.score ? (
          <p className="mt-3 text-xs text-slate-600" data-testid="weights-used">
            {a.weightProfile
              ? t("assessments.weightProfileUsed", { name: a.weightProfile.name })
              : t("assessments.templateWeightsUsed")}
          </p>
        ) : null}
      </Card>

      <Card title={t("assessmentTabs.forwardNoteTitle")}>
        {forwardNote ? (
          <div data-testid="forward-note">
            <p className="whitespace-pre-line text-sm text-slate-900">{forwardNote.note}</p>
            <p className="mt-1 text-xs text-slate-600">
              {t("assessmentTabs.forwardNoteMeta", {
                name: forwardNote.byLabel,
                date: date(forwardNote.at, true),
              })}
            </p>
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            {a.forwardedAt
              ? t("assessmentTabs.forwardedWithoutNote")
              : t("assessmentTabs.noForwardNote")}
          </p>
        )}
      </Card>

      {a.score?.explanation ? (
        <Card title={t("assessments.explanationTitle")}>
          <ScoreExplanationDetails score={a.score} questions={a.questions} />
        </Card>
      ) : null}

      {a.score && "transparency" in a.score ? (
        <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
          <Card title={t("assessments.transparencyTitle")}>
            <TransparencyDetails score={a.score} questions={a.questions} />
          </Card>
          <Card title={t("assessments.residencyTitle")}>
            <ResidencyDetails score={a.score} />
          </Card>
        </div>
      ) : null}
    </div>
  );
}
