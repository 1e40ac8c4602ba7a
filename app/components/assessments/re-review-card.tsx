import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { DeltaReasons } from "~/components/portal/re-review-parts";
import { Card } from "~/components/ui/layout";
import type { ReReviewView } from "~/modules/assessments/re-review/re-review-view.server";
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
                <a href={`#answer-${entry.questionKey}`} className="underline">
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
