import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { StatusBadge, TierBadge } from "~/components/assessment-badges";
import { AnswersCard } from "~/components/assessments/answers-card";
import { SignedReportsCard } from "~/components/assessments/signed-reports-card";
import { listPendingReports, listSignedReports } from "~/modules/reports/signed-reports.server";
import { startReportSigning } from "~/modules/reports/start-report-signing.server";
import { ResidencyDetails, ScoreExplanationDetails, TransparencyDetails } from "~/components/score-details";
import { ScoreSummary } from "~/components/score-summary";
import { Button } from "~/components/ui/button";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { hasRecentMfa, requireUser } from "~/modules/auth/guards.server";
import { can } from "~/utils/permissions";
import { stepUp } from "~/modules/auth/verify-second-factor.server";
import { createInviteLink, createInviteSchema } from "~/modules/assessments/create-invite-link.server";
import { decideAssessment, decisionSchema } from "~/modules/assessments/decide-assessment.server";
import { forwardToDpo } from "~/modules/assessments/forward-to-dpo.server";
import { getAssessment } from "~/modules/assessments/get-assessment.server";
import { revokeInviteLink } from "~/modules/assessments/revoke-invite-link.server";
import { reissueInviteLink } from "~/modules/assessments/reissue-invite-link.server";
import { decisionBlockers } from "~/modules/assessments/decision-blockers.server";
import { listInviteLinks } from "~/modules/assessments/list-invite-links.server";
import { InviteLinksPanel } from "~/components/assessments/invite-links-panel";
import { ClarificationThreads } from "~/components/questionnaire/clarification-threads";
import { listClarificationsForUser } from "~/modules/clarifications/list-clarifications.server";
import { getEnv } from "~/utils/env.server";
import { runUseCase } from "~/utils/http.server";
import { issueCodes } from "~/utils/validation-messages";
import { translate, labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { useEffect, useRef } from "react";
import { readFormData } from "~/utils/form-data.server";
import { getReviewWorkspace } from "~/modules/review/review-workspace.server";
import { conditionsFromForm } from "~/modules/review/decision-conditions";
import { FindingsCard } from "~/components/review/findings-card";
import { AnswerReviewExtras, CommentsCard } from "~/components/review/comments";
import { ChangeRequestHistory, RequestChangesCard } from "~/components/review/change-requests";
import { ConditionRows } from "~/components/review/condition-rows";
import { metaLocale, pageTitle } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => [
  pageTitle(loaderData?.assessment.title, translate(metaLocale(matches), "assessments.pageTitle")),
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const assessment = await runUseCase(() => getAssessment(actor, params.assessmentId ?? ""));
  const inviteLinks = await runUseCase(() => listInviteLinks(actor, assessment.id));
  const clarifications = await runUseCase(() => listClarificationsForUser(actor, assessment.id));
  const signedReports = await listSignedReports(actor, assessment.id);
  const pendingReports = await listPendingReports(actor, assessment.id);
  const review = await runUseCase(() => getReviewWorkspace(actor, assessment.id));
  return {
    assessment,
    review,
    inviteLinks: { ...inviteLinks, defaultTtlDays: getEnv().INVITE_TTL_DAYS },
    clarifications,
    signedReports,
    pendingReports,
    canWrite: can(actor.role, "assessment:edit"),
    canDecide: can(actor.role, "assessment:decide"),
    // Why this DPO may not decide (separation of duties over every round); empty: they may.
    decisionBlockers: can(actor.role, "assessment:decide") ? await runUseCase(() => decisionBlockers(actor, assessment.id)) : [],
    stepUpFresh: hasRecentMfa(actor),
    stepUpMinutes: getEnv().MFA_STEP_UP_MINUTES,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  let actor = await requireUser(request, context);
  const assessmentId = params.assessmentId ?? "";
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  switch (intent) {
    case "createInvite": {
      const parsed = createInviteSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) return data({ intent, errors: issueCodes(parsed.error.issues) }, { status: 400 });
      const invite = await runUseCase(() => createInviteLink(actor, assessmentId, parsed.data));
      return { intent, inviteUrl: invite.url, contactEmail: parsed.data.contactEmail };
    }
    case "revokeInvite":
      await runUseCase(() => revokeInviteLink(actor, { inviteId: String(form.get("inviteId") ?? "") }));
      return { intent };
    case "reissueInvite": {
      const reissued = await runUseCase(() => reissueInviteLink(actor, { inviteId: String(form.get("inviteId") ?? "") }));
      return { intent, inviteUrl: reissued.url, contactEmail: reissued.contactEmail };
    }
    case "forward":
      await runUseCase(() => forwardToDpo(actor, assessmentId, String(form.get("note") ?? "")));
      return { intent };
    case "decide": {
      const parsed = decisionSchema.safeParse({
        outcome: form.get("outcome"),
        rationale: form.get("rationale"),
        expectedVersion: form.get("expectedVersion"),
        conditions: conditionsFromForm(form),
      });
      if (!parsed.success) return data({ intent, errors: issueCodes(parsed.error.issues) }, { status: 400 });
      if (!hasRecentMfa(actor)) {
        const result = await stepUp(actor, String(form.get("code") ?? "").slice(0, 64));
        if (result.kind !== "ok") return data({ intent, errors: { code: "invalidCode" } }, { status: result.kind === "rate_limited" ? 429 : 400 });
        actor = { ...actor, mfaVerifiedAt: new Date() };
      }
      const decidingActor = actor;
      try {
        const decided = await runUseCase(() => decideAssessment(decidingActor, assessmentId, parsed.data));
        // After the commit: sign the report now, waiting briefly (the page says "being signed" after that).
        if (decided.reportPending) await startReportSigning(decided.decisionId);
      } catch (error) {
        if (error instanceof Response && error.status === 409) return data({ intent, errors: { _form: "conflict" } }, { status: 409 });
        throw error;
      }
      return { intent };
    }
    default:
      return data({ intent, errors: { _form: "unknown intent" } }, { status: 400 });
  }
}

/** Condition rows come back as conditions, conditions.N.text or conditions.N.dueDate. */
function conditionsError(errors: Record<string, string> | undefined, errorText: (key: string | undefined) => string | null, fallback: string): string | null {
  const key = Object.keys(errors ?? {}).find((k) => k === "conditions" || k.startsWith("conditions."));
  if (!key) return null;
  return key === "conditions" && errors?.[key] === "conditionsRequired" ? errorText("conditionsRequired") : fallback;
}

type ActionData = { intent: string; errors?: Record<string, string>; inviteUrl?: string; contactEmail?: string };

export default function AssessmentPage() {
  const { assessment, review, inviteLinks, clarifications, signedReports, pendingReports, canWrite, canDecide, decisionBlockers: blockers, stepUpFresh, stepUpMinutes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, locale, date } = useT();
  const a = assessment;
  const errorText = (key: string | undefined) => (key ? t(labelKey("assessments.", key) ?? "errors.invalidInput") : null);
  // After the decision the form is gone (or folded away): focus goes to the message saying the
  // decision was recorded, not to <body>.
  const decisionRecorded = actionData?.intent === "decide" && !actionData.errors;
  const recordedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (decisionRecorded) recordedRef.current?.focus();
  }, [decisionRecorded, actionData]);
  // Awaiting a decision, or decided: a new decision then supersedes the current one.
  const decidable = ["AWAITING_DECISION", "APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"].includes(a.status);
  return (
    <div className="space-y-6">
      <PageHeader title={a.title}>
        <Link to={`/vendors/${a.vendor.id}`} className="underline">{a.vendor.name}</Link>
        {a.product ? ` · ${a.product.name}` : ""} · {t("assessments.templateVersion", { name: a.templateName, version: a.templateVersion })}
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <StatusBadge status={a.status} />
          <TierBadge tier={a.score?.riskTier ?? null} knockOuts={a.score?.knockOuts.length ?? 0} />
          <span>{t("assessments.createdBy", { name: a.createdByName ?? "–", date: date(a.createdAt) })}</span>
          {a.dueDate ? <span>· {t("assessments.dueDate")}: {date(a.dueDate)}</span> : null}
        </div>
      </PageHeader>

      <Card title={t("assessments.scoresTitle")}>
        {a.score ? <ScoreSummary score={a.score} sections={a.sections} questions={a.questions} /> : <p className="text-slate-600">{t("assessments.notScoredYet")}</p>}
        {a.score ? (
          <p className="mt-3 text-xs text-slate-500" data-testid="weights-used">
            {a.weightProfile ? t("assessments.weightProfileUsed", { name: a.weightProfile.name }) : t("assessments.templateWeightsUsed")}
          </p>
        ) : null}
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

      <InviteLinksPanel
        links={inviteLinks.links}
        ttlDays={inviteLinks.ttlDays}
        defaultTtlDays={inviteLinks.defaultTtlDays}
        sectionTitles={Object.fromEntries(a.sections.map((section) => [section.key, section.title[locale]]))}
        canWrite={canWrite}
        open={["DRAFT", "INVITED", "IN_PROGRESS", "CHANGES_REQUESTED"].includes(a.status)}
        result={actionData}
      />

      {canWrite && a.status === "SUBMITTED" ? (
        <Card title={t("assessments.forwardTitle")}>
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="forward" />
            <TextAreaField label={t("assessments.forwardNote")} name="note" rows={2} maxLength={2000} />
            <Button type="submit">{t("assessments.forward")}</Button>
          </Form>
        </Card>
      ) : null}

      {a.decisions.length > 0 || (canDecide && decidable) ? (
        <Card title={t("assessments.decisionTitle")}>
          {decisionRecorded ? (
            <p ref={recordedRef} tabIndex={-1} role="status" className="mb-3 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900" data-testid="decision-recorded">
              {t("assessments.decisionRecorded")}
            </p>
          ) : null}
          {a.recommendation ? (
            <p className="mb-3 text-sm" data-testid="recommendation">
              {t("assessments.recommendation", { recommendation: t(labelKey("assessments.recommend", a.recommendation) ?? "common.unknownValue") })}
            </p>
          ) : null}
          <ul className="mb-4 space-y-2 text-sm">
            {a.decisions.map((d) => (
              <li key={d.id} className={d.supersededAt ? "text-slate-500 line-through" : ""} data-testid="decision">
                <p className="font-medium">
                  {t("assessments.decidedBy", { outcome: t(labelKey("assessments.status", d.outcome) ?? "common.unknownValue"), name: d.decidedByName ?? "–", date: date(d.createdAt, true) })}
                  {d.supersededAt ? ` (${t("assessments.superseded")})` : ""}
                </p>
                <p className="whitespace-pre-line text-slate-700">{d.rationale}</p>
                {d.conditions.map((c) => (
                  <p key={c.text} className="text-slate-700">• {c.text} ({date(c.dueDate)})</p>
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
                      <li key={blocker}>{t(labelKey("assessments.blocked_", blocker) ?? "common.unknownValue")}</li>
                    ))}
                  </ul>
                </div>
              </Alert>
            ) : (
              <SupersedeWrapper decided={a.status !== "AWAITING_DECISION"} summary={t("assessments.newDecision")}>
              <Form method="post" className="space-y-3">
                <input type="hidden" name="intent" value="decide" />
                <input type="hidden" name="expectedVersion" value={a.version} />
                {actionData?.intent === "decide" && actionData.errors?._form === "conflict" ? <Alert tone="error">{t("assessments.conflict")}</Alert> : null}
                <SelectField
                  label={t("assessments.outcome")}
                  name="outcome"
                  defaultValue={a.recommendation === "REJECT" ? "REJECTED" : "APPROVED"}
                  options={(["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"] as const).map((o) => ({ value: o, label: t(labelKey("assessments.outcome", o) ?? "common.unknownValue") }))}
                />
                <TextAreaField label={t("assessments.rationale")} name="rationale" rows={3} required error={actionData?.intent === "decide" ? errorText(actionData.errors?.rationale) : null} />
                <ConditionRows error={actionData?.intent === "decide" ? conditionsError(actionData.errors, errorText, t("review.conditionsInvalid")) : null} />
                {stepUpFresh ? (
                  <p className="text-sm text-green-800">{t("assessments.stepUpFresh")}</p>
                ) : (
                  <>
                    <Alert tone="info">{t("assessments.stepUpNeeded", { minutes: stepUpMinutes })}</Alert>
                    <TextField label={t("assessments.totpForDecision")} name="code" autoComplete="one-time-code" inputMode="numeric" required error={actionData?.intent === "decide" ? errorText(actionData.errors?.code) : null} />
                  </>
                )}
                <Button type="submit">{t("assessments.decide")}</Button>
              </Form>
              </SupersedeWrapper>
            )
          ) : null}
        </Card>
      ) : null}

      <FindingsCard
        assessmentId={a.id}
        findings={review.findings}
        questions={a.questions.map((q) => ({ key: q.key, label: q.label[locale], sectionTitle: a.sections.find((s) => s.key === q.sectionKey)?.title[locale] ?? "" }))}
        canWrite={review.canWriteFindings}
      />
      <CommentsCard assessmentId={a.id} comments={review.comments} canComment={review.canComment} />
      {canWrite && (a.status === "SUBMITTED" || a.status === "AWAITING_DECISION") ? (
        <RequestChangesCard
          assessmentId={a.id}
          version={a.version}
          sections={a.sections.map((s) => ({ key: s.key, title: s.title[locale] }))}
          questions={a.questions.filter((q) => !q.hidden).map((q) => ({ key: q.key, sectionKey: q.sectionKey, label: q.label[locale] }))}
        />
      ) : null}
      <ChangeRequestHistory requests={review.changeRequests} questions={a.questions.map((q) => ({ key: q.key, sectionKey: q.sectionKey, label: q.label[locale] }))} />

      <SignedReportsCard assessmentId={a.id} reports={signedReports} pending={pendingReports} />

      <AnswersCard
        sections={a.sections}
        questions={a.questions}
        assessmentId={a.id}
        renderBelow={(q) => (
          <>
          <AnswerReviewExtras assessmentId={a.id} questionKey={q.key} reason={q.result?.reason ?? null} comments={review.comments} canComment={review.canComment} />
          <ClarificationThreads
            questionKey={q.key}
            threads={clarifications[q.key] ?? []}
            mode="assessor"
            action={`/assessments/${a.id}/clarifications`}
            canAsk={canWrite}
            canResolve={canWrite}
          />
          </>
        )}
      />
    </div>
  );
}

/** Once decided, a new decision (which supersedes the current one) sits behind a closed disclosure. */
function SupersedeWrapper({ decided, summary, children }: { decided: boolean; summary: string; children: React.ReactNode }) {
  if (!decided) return <>{children}</>;
  return (
    <details className="mt-2 rounded-md border border-slate-200 p-3" data-testid="new-decision">
      <summary className="cursor-pointer font-medium">{summary}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}
