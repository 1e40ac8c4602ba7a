import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { ConditionRows } from "~/components/review/condition-rows";
import { Button } from "~/components/ui/button";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import { assessmentTabHref } from "~/modules/assessments/assessment-tabs";
import type { getAssessmentPage } from "~/modules/assessments/get-assessment-page.server";
import type { AssessmentPageActionData } from "~/modules/assessments/run-assessment-page-action.server";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

export interface DecisionCardProps {
  assessment: SerializeFrom<typeof getAssessmentPage>["assessment"];
  canDecide: boolean;
  blockers: string[];
  stepUpFresh: boolean;
  stepUpMinutes: number;
  actionData: AssessmentPageActionData | undefined;
  /** Where the form posts (the assessment page, carrying its tab). */
  formAction: string;
  /** Show the decision form unfolded (the next-step link asked for it). */
  formOpen?: boolean;
}

/**
 * The DPO's decision: earlier decisions (superseded ones struck through), the recommendation, and
 * the form (outcome, rationale, conditions, a TOTP code unless the last step-up is recent), or
 * why separation of duties forbids this DPO to decide.
 */
export function DecisionCard({
  assessment: a,
  canDecide,
  blockers,
  stepUpFresh,
  stepUpMinutes,
  actionData,
  formAction,
  formOpen = false,
}: DecisionCardProps) {
  const { t, date } = useT();
  const errorText = (key: string | undefined) =>
    key ? t(labelKey("assessments.", key) ?? "errors.invalidInput") : null;
  const decideErrors = actionData?.intent === "decide" ? actionData.errors : undefined;
  // After the decision the form is gone (or folded away): focus goes to the message saying the
  // decision was recorded, not to <body>.
  const decisionRecorded = actionData?.intent === "decide" && !actionData.errors;
  const recordedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (decisionRecorded) recordedRef.current?.focus();
  }, [decisionRecorded, actionData]);
  // Awaiting a decision, or decided: a new decision then supersedes the current one.
  const decidable = [
    "AWAITING_DECISION",
    "APPROVED",
    "APPROVED_WITH_CONDITIONS",
    "REJECTED",
  ].includes(a.status);
  if (a.decisions.length === 0 && !(canDecide && decidable)) return null;
  return (
    <Card title={t("assessments.decisionTitle")}>
      {decisionRecorded ? (
        <p
          ref={recordedRef}
          tabIndex={-1}
          role="status"
          className="mb-3 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900"
          data-testid="decision-recorded"
        >
          {t("assessments.decisionRecorded")}{" "}
          <Link to={assessmentTabHref(a.id, "reports")} className="underline">
            {t("assessmentTabs.toReports")}
          </Link>
        </p>
      ) : null}
      {a.recommendation ? (
        <p className="mb-3 text-sm" data-testid="recommendation">
          {t("assessments.recommendation", {
            recommendation: t(
              labelKey("assessments.recommend", a.recommendation) ?? "common.unknownValue",
            ),
          })}
        </p>
      ) : null}
      <ul className="mb-4 space-y-2 text-sm">
        {a.decisions.map((d) => (
          <li
            key={d.id}
            className={d.supersededAt ? "text-slate-500 line-through" : ""}
            data-testid="decision"
          >
            <p className="font-medium">
              {t("assessments.decidedBy", {
                outcome: t(labelKey("assessments.status", d.outcome) ?? "common.unknownValue"),
                name: d.decidedByName ?? "–",
                date: date(d.createdAt, true),
              })}
              {d.supersededAt ? ` (${t("assessments.superseded")})` : ""}
            </p>
            <p className="whitespace-pre-line text-slate-700">{d.rationale}</p>
            {d.conditions.map((c) => (
              <p key={c.text} className="text-slate-700">
                • {c.text} ({date(c.dueDate)})
              </p>
            ))}
          </li>
        ))}
      </ul>
      {canDecide && decidable ? (
        blockers.length > 0 ? (
          <Alert tone="warning">
            <div data-testid="decision-blocked">
              <p>{t("assessments.separationOfDuties")}</p>
              <ul className="mt-1 list-disc pl-5">
                {blockers.map((blocker) => (
                  <li key={blocker}>
                    {t(labelKey("assessments.blocked_", blocker) ?? "common.unknownValue")}
                  </li>
                ))}
              </ul>
            </div>
          </Alert>
        ) : (
          <DecisionDisclosure
            decided={a.status !== "AWAITING_DECISION"}
            summary={
              a.status === "AWAITING_DECISION"
                ? t("assessmentTabs.step_decideAction")
                : t("assessments.newDecision")
            }
            open={formOpen || Boolean(decideErrors)}
          >
            <Form method="post" action={formAction} className="space-y-3">
              <input type="hidden" name="intent" value="decide" />
              <input type="hidden" name="expectedVersion" value={a.version} />
              {decideErrors?._form === "conflict" ? (
                <Alert tone="error">{t("assessments.conflict")}</Alert>
              ) : null}
              <SelectField
                label={t("assessments.outcome")}
                name="outcome"
                defaultValue={a.recommendation === "REJECT" ? "REJECTED" : "APPROVED"}
                options={(["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"] as const).map(
                  (o) => ({
                    value: o,
                    label: t(labelKey("assessments.outcome", o) ?? "common.unknownValue"),
                  }),
                )}
              />
              <TextAreaField
                label={t("assessments.rationale")}
                name="rationale"
                rows={3}
                required
                error={actionData?.intent === "decide" ? errorText(decideErrors?.rationale) : null}
              />
              <ConditionRows
                error={
                  actionData?.intent === "decide"
                    ? conditionsError(decideErrors, errorText, t("review.conditionsInvalid"))
                    : null
                }
              />
              {stepUpFresh ? (
                <p className="text-sm text-green-800">{t("assessments.stepUpFresh")}</p>
              ) : (
                <>
                  <Alert tone="info">
                    {t("assessments.stepUpNeeded", { minutes: stepUpMinutes })}
                  </Alert>
                  <TextField
                    label={t("assessments.totpForDecision")}
                    name="code"
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    required
                    error={actionData?.intent === "decide" ? errorText(decideErrors?.code) : null}
                  />
                </>
              )}
              <Button type="submit">{t("assessments.decide")}</Button>
            </Form>
          </DecisionDisclosure>
        )
      ) : null}
    </Card>
  );
}

/** Condition rows come back as conditions, conditions.N.text or conditions.N.dueDate. */
function conditionsError(
  errors: Record<string, string> | undefined,
  errorText: (key: string | undefined) => string | null,
  fallback: string,
): string | null {
  const key = Object.keys(errors ?? {}).find(
    (k) => k === "conditions" || k.startsWith("conditions."),
  );
  if (!key) return null;
  return key === "conditions" && errors?.[key] === "conditionsRequired"
    ? errorText("conditionsRequired")
    : fallback;
}

/**
 * The decision form sits behind a disclosure, closed until opened (the next-step link opens it,
 * and a refused submission reopens it with its errors); once decided, a new decision (which
 * supersedes the current one) sits behind it the same way.
 */
function DecisionDisclosure({
  decided,
  summary,
  open,
  children,
}: {
  decided: boolean;
  summary: string;
  open: boolean;
  children: React.ReactNode;
}) {
  return (
    <details
      id="decide"
      open={open}
      className="mt-2 rounded-md border border-slate-200 p-3"
      data-testid={decided ? "new-decision" : "decision-form"}
    >
      <summary className="cursor-pointer font-medium">{summary}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}
