import type { SerializeFrom } from "@remix-run/node";
import { assessmentTabHref } from "~/modules/assessments/assessment-tabs";
import { Form, Link } from "@remix-run/react";
import { DeltaReasons } from "~/components/portal/re-review-parts";
import { Card } from "~/components/ui/layout";
import type { ReReviewView } from "~/modules/assessments/re-review/re-review-view.server";
import type { TemplateUpdateView } from "~/modules/assessments/re-review/template-update-view.server";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

type View = SerializeFrom<ReReviewView>;

/**
 * The assessor's view of a re-review: what it re-reviews and why, the questions asked again with
 * their reasons, whether the vendor confirmed the carried answers, and the link to the difference
 * from the previous review (answers changed, scores before and after: the vendor history page).
 */
export function ReReviewCard({
  reReview,
  assessmentId,
  vendorId,
  labelOf,
  scored,
}: {
  scored: boolean;
  reReview: View;
  assessmentId: string;
  vendorId: string;
  labelOf: (key: string) => string;
}) {
  const { t, locale, date } = useT();
  return (
    <Card title={t("reReview.assessorTitle")}>
      <div className="space-y-2 text-sm" data-testid="re-review-card">
        <p>
          <Link to={`/assessments/${reReview.source.id}`} className="underline">
            {t("reReview.reReviewOf", { title: reReview.source.title })}
          </Link>
        </p>
        {reReview.change ? (
          <p data-testid="re-review-cause">
            {t("reReview.causedBy", { summary: reReview.change.summary[locale] })}
          </p>
        ) : null}
        <p>
          {t("reReview.askedCount", { count: reReview.delta.length })} ·{" "}
          {t("reReview.carriedCount", { count: reReview.carried.length })}
        </p>
        {reReview.carried.length > 0 ? (
          <p data-testid="carried-status">
            {reReview.confirmedAt
              ? t("reReview.carriedConfirmed", { date: date(reReview.confirmedAt) })
              : t("reReview.carriedNotConfirmed")}
          </p>
        ) : null}
        {scored ? (
          <p>
            <Link
              to={`/vendors/${vendorId}/history?from=${reReview.source.id}&to=${assessmentId}`}
              className="underline"
              data-testid="re-review-diff-link"
            >
              {t("reReview.diffLink")}
            </Link>
          </p>
        ) : null}
        <details>
          <summary className="cursor-pointer font-medium">{t("reReview.deltaTitle")}</summary>
          <ul className="mt-2 space-y-2" data-testid="re-review-delta">
            {reReview.delta.map((entry) => (
              <li key={entry.questionKey}>
                <a
                  href={assessmentTabHref(assessmentId, "answers", `answer-${entry.questionKey}`)}
                  className="underline"
                >
                  {labelOf(entry.questionKey)}
                </a>
                <DeltaReasons reasons={entry.reasons} />
              </li>
            ))}
          </ul>
        </details>
      </div>
    </Card>
  );
}

/** "carried from <date>" under a carried answer on the assessor's page. */
export function CarriedMark({ firstGivenAt }: { firstGivenAt: string | Date }) {
  const { t, date } = useT();
  return (
    <p className="mt-1 text-xs text-slate-500" data-testid="carried-mark">
      {t("reReview.carriedMark", { date: date(firstGivenAt) })}
    </p>
  );
}

type TemplateUpdate = SerializeFrom<TemplateUpdateView>;

/**
 * On the source side (issue 21 item 8): a newer published version of the template, with the
 * button that starts a re-review on it (no change event: only new or reworded questions are
 * asked), and the re-reviews already started from this assessment. Nothing when neither exists.
 */
export function TemplateUpdateCard({
  update,
  canReReview,
}: {
  update: TemplateUpdate;
  canReReview: boolean;
}) {
  const { t, date } = useT();
  if (!update.newer && update.reReviews.length === 0) return null;
  return (
    <Card title={t("reReview.templateUpdateTitle")}>
      <div className="space-y-3 text-sm" data-testid="template-update-card">
        {update.newer ? (
          <>
            <p>
              {t("reReview.templateUpdateNewer", {
                current: update.currentVersion,
                newer: update.newer.version,
              })}
            </p>
            {update.openReReviewId ? (
              <p>
                {t("reReview.templateUpdateOpen")}{" "}
                <Link to={`/assessments/${update.openReReviewId}`} className="underline">
                  {t("reReview.templateUpdateOpenLink")}
                </Link>
              </p>
            ) : !update.reReviewable ? (
              <p className="text-slate-600">{t("reReview.templateUpdateNotReviewable")}</p>
            ) : canReReview ? (
              <Form method="post">
                <input type="hidden" name="intent" value="reReviewNewVersion" />
                <button
                  type="submit"
                  className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white"
                  data-testid="re-review-new-version"
                >
                  {t("reReview.templateUpdateStart", { newer: update.newer.version })}
                </button>
              </Form>
            ) : null}
          </>
        ) : null}
        {update.reReviews.length > 0 ? (
          <div>
            <h3 className="font-medium">{t("reReview.reReviewsTitle")}</h3>
            <ul className="list-disc pl-5" data-testid="re-reviews-of-source">
              {update.reReviews.map((r) => (
                <li key={r.id}>
                  <Link to={`/assessments/${r.id}`} className="underline">
                    {t("reReview.reReviewsRow", {
                      version: r.templateVersion,
                      status: t(labelKey("assessments.status", r.status) ?? "common.unknownValue"),
                      date: date(r.createdAt),
                    })}
                  </Link>{" "}
                  · {t("reReview.reReviewsCause")}:{" "}
                  {r.changeKey ?? t("reReview.reReviewsCauseTemplate")}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
