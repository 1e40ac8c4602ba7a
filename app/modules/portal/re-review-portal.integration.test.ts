import { beforeAll, describe, expect, it } from "vitest";
import { createInviteLink } from "~/modules/assessments/create-invite-link.server";
import {
  ADDED,
  ANNEX_III_SHIFT,
  ART_50_2_GRACE,
  linkOmnibusQuestions,
  publishNextAiTemplateVersion,
  REWORDED,
} from "~/modules/assessments/re-review/re-review-fixtures";
import { startReReviews } from "~/modules/assessments/re-review/start-re-reviews.server";
import type { VendorActor } from "~/modules/auth/actor";
import { syncBundledRegulations } from "~/modules/regulations/load-bundled-regulations.server";
import { requestChanges } from "~/modules/review/change-requests.server";
import { db } from "~/utils/db.server";
import { inTransaction } from "~/utils/transaction.server";
import { assessmentAwaitingDecision } from "../../../tests/support/signed-decisions";
import {
  auditEventsOf,
  tokenFromInviteUrl,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { setupSmtpCatcher } from "../../../tests/support/mail";
import { confirmCarriedAnswers } from "./confirm-carried-answers.server";
import { getPortalPage } from "./get-portal-page.server";
import { saveAnswers, type SaveOutcome } from "./save-answers.server";
import { submitAssessment } from "./submit-assessment.server";
import { forwardToDpo } from "../assessments/forward-to-dpo.server";

/**
 * Issue 14 item 8, the vendor's side of a re-review: only the questions asked again can be
 * answered (each shown with its reason), the carried answers are confirmed with one click, and
 * the submit waits for both; the score then uses carried and new answers alike.
 */
setupSmtpCatcher();

let s: AssessmentScenario;
let reReviewId: string;
let vendor: VendorActor;

async function answer(
  actor: VendorActor,
  answers: Record<string, unknown>,
): Promise<SaveOutcome[]> {
  const rows = await db().answer.findMany({
    where: { assessmentId: actor.assessmentId },
    select: { questionKey: true, version: true },
  });
  const versions = new Map(rows.map((r) => [r.questionKey, r.version]));
  return saveAnswers(
    actor,
    Object.entries(answers).map(([questionKey, value]) => ({
      questionKey,
      value: value as never,
      baseVersion: versions.get(questionKey) ?? 0,
    })),
  );
}

beforeAll(async () => {
  await syncBundledRegulations();
  // Submitted and forwarded (not decided): enough to be re-reviewed, quicker than a signed decision.
  s = await assessmentAwaitingDecision();
  const { templateId } = await db().templateVersion.findUniqueOrThrow({
    where: { id: s.templateVersionId },
    select: { templateId: true },
  });
  await inTransaction(async (tx) => {
    await linkOmnibusQuestions(tx, s.org.id, templateId);
    await publishNextAiTemplateVersion(tx, s.assessor, templateId);
  });
  const [started] = await startReReviews(s.dpo, {
    changeEventId: ANNEX_III_SHIFT,
    assessmentIds: [s.assessment.id],
  });
  reReviewId = started!.assessmentId;
  const invite = await createInviteLink(s.assessor, reReviewId, {
    contactEmail: "security@acme.example",
    locale: "de",
  });
  tokenFromInviteUrl(invite.url);
  vendor = await s.vendorActorFor(invite.inviteId);
}, 120_000);

describe("a re-review in the vendor portal", () => {
  it("shows only the questions asked again, each with its reason in both languages", async () => {
    const page = await getPortalPage(vendor, { url: "http://localhost/portal" });
    expect(page.reReview).not.toBeNull();
    const reasons = new Map(page.reReview!.delta.map((e) => [e.questionKey, e.reasons]));
    expect(reasons.get("ai_act.risk_class")).toEqual([
      {
        kind: "provision_changed",
        provisionKeys: ["eu:2024/1689:art:6:par:2"],
        summary: {
          en: expect.stringContaining("2 Dec 2027"),
          de: expect.stringContaining("2.12.2027"),
        },
      },
    ]);
    expect(reasons.get(ADDED)).toEqual([{ kind: "question_new" }]);
    expect(reasons.get(REWORDED)).toEqual([{ kind: "question_changed" }]);
    // Only the delta is changeable; every carried answer is listed for confirmation.
    expect([...page.changeable].sort()).toEqual([...reasons.keys()].sort());
    expect(page.reReview!.carried.length).toBeGreaterThan(40);
    expect(page.reReview!.confirmedAt).toBeNull();
  });

  it("refuses to change a carried answer", async () => {
    const [outcome] = await answer(vendor, { "security.encryption": "no" });
    expect(outcome).toMatchObject({
      status: "invalid",
      message: { key: "reReview.errorCarriedReadOnly" },
    });
    const stored = await db().answer.findUniqueOrThrow({
      where: {
        assessmentId_questionKey: { assessmentId: reReviewId, questionKey: "security.encryption" },
      },
    });
    expect(stored.carriedFromAssessmentId).toBe(s.assessment.id);
  });

  it("does not submit before the carried answers are confirmed, then confirms them in one step", async () => {
    const page = await getPortalPage(vendor, { url: "http://localhost/portal" });
    const fresh = s.completeAnswers({ [ADDED]: "yes" });
    // What the demo generator answers of the delta (questions hidden by a show-if rule stay empty).
    const asked = Object.fromEntries(
      page.reReview!.delta.flatMap((e) =>
        e.questionKey in fresh ? [[e.questionKey, fresh[e.questionKey]]] : [],
      ),
    );
    expect(Object.keys(asked)).toContain(ADDED);
    // demoAnswers answers an evidence question "not applicable" (no demo files exist).
    const outcomes = await answer(vendor, asked);
    expect(outcomes.filter((o) => o.status !== "saved")).toEqual([]);

    const refused = await submitAssessment(vendor);
    expect(refused).toMatchObject({ ok: false, carriedUnconfirmed: true });
    expect((await db().assessment.findUniqueOrThrow({ where: { id: reReviewId } })).status).toBe(
      "IN_PROGRESS",
    );

    const { confirmed } = await confirmCarriedAnswers(vendor);
    expect(confirmed).toBe(page.reReview!.carried.length);
    expect(await confirmCarriedAnswers(vendor)).toEqual({ confirmed: 0 });
    const [event] = await auditEventsOf(s.org.id, "answers.carried_confirmed");
    expect(JSON.parse(event!.payload)).toEqual({ count: confirmed });
    // Confirming marks only carried answers; the real (new) answers stay unmarked.
    const real = await db().answer.findUniqueOrThrow({
      where: { assessmentId_questionKey: { assessmentId: reReviewId, questionKey: ADDED } },
    });
    expect(real).toMatchObject({ carriedFromAssessmentId: null, carriedConfirmedAt: null });
  });

  it("submits with the score computed from carried and new answers", async () => {
    const result = await submitAssessment(vendor);
    expect(result).toEqual({ ok: true });
    const stored = await db().assessment.findUniqueOrThrow({ where: { id: reReviewId } });
    expect(stored.status).toBe("SUBMITTED");
    expect(stored.overallScore).not.toBeNull();
    const score = JSON.parse(stored.scoreResult!) as {
      completeness: { missingRequired: string[] };
    };
    expect(score.completeness.missingRequired).toEqual([]);
  });

  it("lets a change request reopen a carried answer; the new value is no longer carried", async () => {
    await forwardToDpo(s.assessor, reReviewId, "Bitte prüfen.");
    const current = await db().assessment.findUniqueOrThrow({ where: { id: reReviewId } });
    await requestChanges(s.assessor, {
      assessmentId: reReviewId,
      message: "Bitte die Verschlüsselung erneut prüfen.",
      questionKeys: ["security.encryption"],
      expectedVersion: current.version,
    });
    const [outcome] = await answer(vendor, { "security.encryption": "partial" });
    expect(outcome?.status).toBe("saved");
    const stored = await db().answer.findUniqueOrThrow({
      where: {
        assessmentId_questionKey: { assessmentId: reReviewId, questionKey: "security.encryption" },
      },
    });
    expect(stored).toMatchObject({ carriedFromAssessmentId: null, carriedConfirmedAt: null });
  });

  it("carried again, an answer keeps the day it was first given; a new value starts a new day", async () => {
    const [second] = await startReReviews(s.assessor, {
      changeEventId: ART_50_2_GRACE,
      assessmentIds: [reReviewId],
    });
    expect(second!.status).toBe("started");
    const original = new Map(
      (await db().answer.findMany({ where: { assessmentId: s.assessment.id } })).map((a) => [
        a.questionKey,
        a,
      ]),
    );
    const first = new Map(
      (await db().answer.findMany({ where: { assessmentId: reReviewId } })).map((a) => [
        a.questionKey,
        a,
      ]),
    );
    const again = await db().answer.findMany({ where: { assessmentId: second!.assessmentId } });
    const twice = again.filter((a) => first.get(a.questionKey)?.carriedFromAssessmentId);
    expect(twice.length).toBeGreaterThan(30);
    for (const answer of twice) {
      expect(answer.carriedFromAssessmentId).toBe(reReviewId);
      expect(answer.firstGivenAt.toISOString()).toBe(
        original.get(answer.questionKey)!.firstGivenAt.toISOString(),
      );
    }
    // Re-answered in the first re-review: carried now with that later day.
    const encryption = again.find((a) => a.questionKey === "security.encryption")!;
    expect(encryption.firstGivenAt.toISOString()).toBe(
      first.get("security.encryption")!.firstGivenAt.toISOString(),
    );
    expect(encryption.firstGivenAt.getTime()).toBeGreaterThan(
      original.get("security.encryption")!.firstGivenAt.getTime(),
    );
  });
});
