import { z } from "zod";
import type { UserActor } from "~/modules/auth/actor";
import { hasRecentMfa } from "~/modules/auth/guards.server";
import { stepUp } from "~/modules/auth/verify-second-factor.server";
import { startReportSigning } from "~/modules/reports/start-report-signing.server";
import { conditionsFromForm } from "~/modules/review/decision-conditions";
import { runUseCase } from "~/utils/http.server";
import { issueCodes } from "~/utils/validation-messages";
import { createInviteLink, createInviteSchema } from "./create-invite-link.server";
import { decideAssessment, decisionSchema } from "./decide-assessment.server";
import { forwardToDpo } from "./forward-to-dpo.server";
import { reissueInviteLink } from "./reissue-invite-link.server";
import { extendInviteToDueDate } from "./extend-invite-to-due-date.server";
import { startReReviews } from "./re-review/start-re-reviews.server";
import { revokeInviteLink } from "./revoke-invite-link.server";

/** What the assessment page's forms post to it; anything else is refused with 400. */
export const assessmentPageIntentSchema = z.enum([
  "createInvite",
  "revokeInvite",
  "reissueInvite",
  "extendInvite",
  "forward",
  "decide",
  "reReviewNewVersion",
]);
export type AssessmentPageIntent = z.infer<typeof assessmentPageIntentSchema>;

/** The action's answer: shown beside the form that posted (errors are message-key suffixes). */
export type AssessmentPageActionData = {
  intent: string;
  errors?: Record<string, string>;
  inviteUrl?: string;
  contactEmail?: string;
  /** extendInvite: the link's new expiry (ISO). */
  extendedUntil?: string;
};
export type AssessmentPageActionResult = {
  status: number;
  body: AssessmentPageActionData;
  /** Where the browser goes next (a started re-review), instead of showing the body. */
  redirectTo?: string;
};

const ok = (body: AssessmentPageActionData): AssessmentPageActionResult => ({ status: 200, body });

/**
 * Dispatches one form post of the assessment page to its use case (invite links, forwarding to
 * the DPO, the decision with its step-up). Each use case checks authorization, state and
 * organisation itself; a DomainError becomes its HTTP Response (thrown) through runUseCase.
 */
export async function runAssessmentPageAction(
  actor: UserActor,
  input: { assessmentId: string; form: FormData },
): Promise<AssessmentPageActionResult> {
  const { assessmentId, form } = input;
  const rawIntent = String(form.get("intent") ?? "");
  const intent = assessmentPageIntentSchema.safeParse(rawIntent);
  if (!intent.success)
    return { status: 400, body: { intent: rawIntent, errors: { _form: "unknown intent" } } };
  switch (intent.data) {
    case "createInvite": {
      const parsed = createInviteSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success)
        return {
          status: 400,
          body: { intent: rawIntent, errors: issueCodes(parsed.error.issues) },
        };
      const invite = await runUseCase(() => createInviteLink(actor, assessmentId, parsed.data));
      return ok({
        intent: rawIntent,
        inviteUrl: invite.url,
        contactEmail: parsed.data.contactEmail,
      });
    }
    case "revokeInvite":
      await runUseCase(() =>
        revokeInviteLink(actor, { inviteId: String(form.get("inviteId") ?? "") }),
      );
      return ok({ intent: rawIntent });
    case "reissueInvite": {
      const reissued = await runUseCase(() =>
        reissueInviteLink(actor, { inviteId: String(form.get("inviteId") ?? "") }),
      );
      return ok({
        intent: rawIntent,
        inviteUrl: reissued.url,
        contactEmail: reissued.contactEmail,
      });
    }
    case "extendInvite": {
      const extended = await runUseCase(() =>
        extendInviteToDueDate(actor, { inviteId: String(form.get("inviteId") ?? "") }),
      );
      return ok({
        intent: rawIntent,
        contactEmail: extended.contactEmail,
        extendedUntil: extended.expiresAt.toISOString(),
      });
    }
    case "forward":
      await runUseCase(() => forwardToDpo(actor, assessmentId, String(form.get("note") ?? "")));
      return ok({ intent: rawIntent });
    case "reReviewNewVersion": {
      // A template update alone (no change event): the newest version, asking only what changed.
      const [started] = await runUseCase(() =>
        startReReviews(actor, { changeEventId: null, assessmentIds: [assessmentId] }),
      );
      return {
        status: 303,
        body: { intent: rawIntent },
        redirectTo: `/assessments/${started!.assessmentId}`,
      };
    }
    case "decide":
      return decide(actor, assessmentId, form);
  }
}

/** The decision: validate, step up with a TOTP code unless the last one is recent, decide, sign. */
async function decide(
  actor: UserActor,
  assessmentId: string,
  form: FormData,
): Promise<AssessmentPageActionResult> {
  const intent = "decide";
  const parsed = decisionSchema.safeParse({
    outcome: form.get("outcome"),
    rationale: form.get("rationale"),
    expectedVersion: form.get("expectedVersion"),
    conditions: conditionsFromForm(form),
  });
  if (!parsed.success)
    return { status: 400, body: { intent, errors: issueCodes(parsed.error.issues) } };
  let decidingActor = actor;
  if (!hasRecentMfa(actor)) {
    const result = await stepUp(actor, String(form.get("code") ?? "").slice(0, 64));
    if (result.kind !== "ok")
      return {
        status: result.kind === "rate_limited" ? 429 : 400,
        body: { intent, errors: { code: "invalidCode" } },
      };
    decidingActor = { ...actor, mfaVerifiedAt: new Date() };
  }
  try {
    const decided = await runUseCase(() =>
      decideAssessment(decidingActor, assessmentId, parsed.data),
    );
    // After the commit: sign the report now, waiting briefly (the page says "being signed" after that).
    if (decided.reportPending) await startReportSigning(decided.decisionId);
  } catch (error) {
    if (error instanceof Response && error.status === 409)
      return { status: 409, body: { intent, errors: { _form: "conflict" } } };
    throw error;
  }
  return ok({ intent });
}
