import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import { formatAnswer } from "~/modules/questionnaires/format-answer";
import { useT } from "~/utils/use-t";
import type { PortalQuestion, PortalView } from "./portal-view";

type ReReview = NonNullable<PortalView["reReview"]>;
type Reason = ReReview["delta"][number]["reasons"][number];

/** Why a question is asked again, in plain words (the change's own summary in the reader's language). */
export function DeltaReasons({ reasons }: { reasons: Reason[] }) {
  const { t, locale } = useT();
  return (
    <ul className="mb-1 space-y-0.5 text-sm text-amber-900" data-testid="delta-reasons">
      {reasons.map((reason, index) => (
        <li key={index} className="rounded bg-amber-50 px-2 py-1">
          {reason.kind === "provision_changed"
            ? t("reReview.reasonProvisionChanged", { summary: reason.summary[locale] })
            : reason.kind === "question_new"
              ? t("reReview.reasonNew")
              : reason.kind === "question_changed"
                ? t("reReview.reasonChanged")
                : reason.kind === "evidence_again"
                  ? t("reReview.reasonEvidence")
                  : t("reReview.reasonNotAnswered")}
        </li>
      ))}
    </ul>
  );
}

/**
 * The answers carried from the previous review: read-only and collapsed, with the day each was
 * first given, and ONE button that confirms them all (its own small form: no answers travel with it).
 */
export function CarriedAnswersCard({
  reReview,
  questions,
  answers,
  editable,
}: {
  reReview: ReReview;
  questions: PortalQuestion[];
  answers: PortalView["answers"];
  editable: boolean;
}) {
  const { t, locale, date } = useT();
  if (reReview.carried.length === 0) return null;
  const byKey = new Map(questions.map((q) => [q.key, q]));
  return (
    <Card>
      <details data-testid="carried-answers">
        <summary className="cursor-pointer font-semibold">
          {t("reReview.carriedTitle", { count: reReview.carried.length })}
        </summary>
        <dl className="mt-3 space-y-2 text-sm">
          {reReview.carried.map((carried) => {
            const question = byKey.get(carried.questionKey);
            if (!question) return null;
            return (
              <div key={carried.questionKey} data-testid={`carried-${carried.questionKey}`}>
                <dt className="font-medium">{question.label[locale]}</dt>
                <dd>
                  {formatAnswer(question, answers[carried.questionKey]?.value, locale, t)}{" "}
                  <span className="text-slate-600">
                    ({t("reReview.carriedFrom", { date: date(carried.firstGivenAt) })})
                  </span>
                </dd>
              </div>
            );
          })}
        </dl>
      </details>
      <div className="mt-3" data-testid="carried-confirmation">
        {reReview.confirmedAt ? (
          <p className="text-sm text-emerald-800">
            {t("reReview.carriedConfirmedOn", { date: date(reReview.confirmedAt) })}
          </p>
        ) : editable ? (
          <Form method="post">
            <Button type="submit" name="intent" value="confirm_carried" variant="secondary">
              {t("reReview.confirmCarried")}
            </Button>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}
