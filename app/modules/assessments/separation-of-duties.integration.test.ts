import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "~/modules/auth/actor";
import { askClarification } from "~/modules/clarifications/ask-clarification.server";
import { submitAssessment } from "~/modules/portal/submit-assessment.server";
import { requestChanges } from "~/modules/review/change-requests.server";
import { addComment } from "~/modules/review/comments.server";
import { createFinding } from "~/modules/review/findings.server";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { createClient, startAppServer, type AppServer } from "../../../tests/support/app-server";
import {
  createAssessmentScenario,
  createMemberActor,
  rejectionOf,
  withRecentMfa,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { createUser } from "../../../tests/support/factories";
import { setupSmtpCatcher } from "../../../tests/support/mail";
import { decideAssessment, type DecisionInput } from "./decide-assessment.server";
import { decisionBlockers } from "./decision-blockers.server";
import { forwardToDpo } from "./forward-to-dpo.server";

/**
 * Issue 11, item 10: separation of duties across rounds. Whoever created the assessment,
 * forwarded any round of it to the DPO, requested changes, asked or answered clarifications or
 * recorded findings in any round, or answered for the vendor, cannot decide it — also after
 * becoming DPO later while someone else forwarded the latest round. Checked against the
 * assessment's whole history, not the latest forwarder.
 */
setupSmtpCatcher();

const REOPENED = "data_use.retention_days";

function decision(version: number): DecisionInput {
  return {
    outcome: "APPROVED",
    rationale: "All requirements met; approve.",
    conditions: [],
    expectedVersion: version,
  };
}

/** The member's role is changed to DPO (as an admin would do) and they sign in with a fresh second factor. */
async function becomeDpo(actor: UserActor): Promise<UserActor> {
  await db().membership.updateMany({
    where: { userId: actor.userId, organizationId: actor.organizationId },
    data: { role: "DPO" },
  });
  return withRecentMfa({ ...actor, role: "DPO" });
}

async function submitted(s: AssessmentScenario) {
  const { vendor } = await s.invitedVendor();
  await s.answer(vendor, s.completeAnswers({ [REOPENED]: 90 }));
  expect(await submitAssessment(vendor)).toEqual({ ok: true });
  return vendor;
}

/**
 * Round 1 with `round1` doing review work, changes requested by `requester`, the vendor's second
 * submission, round 2 forwarded by the assessment's creator (the usual assessor).
 */
async function twoRounds(
  s: AssessmentScenario,
  round1: (s: AssessmentScenario) => Promise<void>,
  requester: UserActor = s.admin,
) {
  const vendor = await submitted(s);
  await round1(s);
  await requestChanges(requester, {
    assessmentId: s.assessment.id,
    questionKeys: [REOPENED],
    message: "Please check the retention period",
  });
  await s.answer(vendor, { [REOPENED]: 30 });
  expect(await submitAssessment(vendor)).toEqual({ ok: true });
  await forwardToDpo(s.assessor, s.assessment.id, "Round 2");
  return (await s.reload()).version;
}

async function expectRefused(actor: UserActor, s: AssessmentScenario, version: number) {
  const error = await rejectionOf(decideAssessment(actor, s.assessment.id, decision(version)));
  expect(error, "the decision is refused").toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe("FORBIDDEN");
  expect((await s.reload()).status).toBe("AWAITING_DECISION");
  expect(await db().decision.count({ where: { assessmentId: s.assessment.id } })).toBe(0);
}

describe("separation of duties across rounds", () => {
  it("who forwarded an earlier round and became DPO later cannot decide after someone else re-forwarded", async () => {
    const s = await createAssessmentScenario();
    const forwarder = await createMemberActor(s.org, "ASSESSOR");
    const version = await twoRounds(s, async () =>
      forwardToDpo(forwarder, s.assessment.id, "Round 1"),
    );
    expect((await s.reload()).forwardedById).toBe(s.assessor.userId);
    const nowDpo = await becomeDpo(forwarder);
    await expectRefused(nowDpo, s, version);
    expect(await decisionBlockers(nowDpo, s.assessment.id)).toEqual(["forwarded"]);
    // A DPO who had no part in it decides.
    expect(await decisionBlockers(s.secondDpo, s.assessment.id)).toEqual([]);
    await decideAssessment(s.secondDpo, s.assessment.id, decision(version));
    expect((await s.reload()).status).toBe("APPROVED");
  });

  it("who requested changes in an earlier round cannot decide", async () => {
    const s = await createAssessmentScenario();
    const requester = await createMemberActor(s.org, "ASSESSOR");
    const version = await twoRounds(s, async () => {}, requester);
    const nowDpo = await becomeDpo(requester);
    await expectRefused(nowDpo, s, version);
    expect(await decisionBlockers(nowDpo, s.assessment.id)).toEqual(["requested_changes"]);
  });

  it("who asked the vendor a clarification or recorded a finding in an earlier round cannot decide", async () => {
    const s = await createAssessmentScenario();
    const asker = await createMemberActor(s.org, "ASSESSOR");
    const reviewer = await createMemberActor(s.org, "ADMIN");
    const version = await twoRounds(s, async () => {
      await askClarification(asker, {
        assessmentId: s.assessment.id,
        questionKey: REOPENED,
        body: "Is 90 days really needed?",
      });
      await createFinding(reviewer, {
        assessmentId: s.assessment.id,
        title: "Long retention",
        severity: "MEDIUM",
        description: "Prompts are kept for 90 days.",
        questionKeys: [REOPENED],
      });
    });
    for (const [member, reason] of [
      [asker, "reviewed"],
      [reviewer, "reviewed"],
    ] as const) {
      const nowDpo = await becomeDpo(member);
      await expectRefused(nowDpo, s, version);
      expect(await decisionBlockers(nowDpo, s.assessment.id)).toEqual([reason]);
    }
  });

  it("who answered for the vendor (invited as its contact) cannot decide", async () => {
    const s = await createAssessmentScenario();
    const insider = await createMemberActor(s.org, "ASSESSOR");
    const { vendor } = await s.invitedVendor({ contactEmail: insider.email.toUpperCase() });
    await s.answer(vendor, s.completeAnswers());
    expect(await submitAssessment(vendor)).toEqual({ ok: true });
    await forwardToDpo(s.assessor, s.assessment.id, "Please decide");
    const nowDpo = await becomeDpo(insider);
    await expectRefused(nowDpo, s, (await s.reload()).version);
    expect(await decisionBlockers(nowDpo, s.assessment.id)).toEqual(["answered_for_vendor"]);
  });

  it("the creator and the current forwarder stay excluded; a DPO's own comments do not exclude them", async () => {
    const s = await createAssessmentScenario();
    await submitted(s);
    await addComment(s.dpo, {
      assessmentId: s.assessment.id,
      visibility: "INTERNAL",
      body: "I will look at retention first.",
    });
    await forwardToDpo(s.admin, s.assessment.id, "Please decide");
    const creator = await becomeDpo(s.assessor);
    const forwarder = await becomeDpo(s.admin);
    expect(await decisionBlockers(creator, s.assessment.id)).toEqual(["created"]);
    expect(await decisionBlockers(forwarder, s.assessment.id)).toEqual(["forwarded"]);
    expect(await decisionBlockers(s.dpo, s.assessment.id)).toEqual([]);
    await decideAssessment(s.dpo, s.assessment.id, decision((await s.reload()).version));
    expect((await s.reload()).status).toBe("APPROVED");
  });
});

describe("the assessment page", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it("offers no decision to an excluded DPO and says why, in their language", async () => {
    const s = await createAssessmentScenario();
    const member = await createUser({ organizationId: s.org.id, role: "ASSESSOR", withTotp: true });
    const former: UserActor = {
      ...s.assessor,
      userId: member.user.id,
      email: member.user.email,
      name: member.user.name,
    };
    await twoRounds(s, async () => forwardToDpo(former, s.assessment.id, "Round 1"));
    await db().membership.updateMany({ where: { userId: member.user.id }, data: { role: "DPO" } });
    const client = createClient(app.baseUrl);
    await client.login(member.user.email, member.password, member.totpKey);
    const page = await client.get(`/assessments/${s.assessment.id}?tab=decision`);
    expect(page.status).toBe(200);
    // (Booleans, not toContain: a failure would print the whole page.)
    expect(page.body.includes('name="intent" value="decide"'), "a decision form").toBe(false);
    expect(page.body.includes('data-testid="decision-blocked"'), "the explanation").toBe(true);
    expect(
      page.body.includes("You forwarded a round of this assessment to the DPO."),
      "the reason",
    ).toBe(true);
    await db().user.update({ where: { id: member.user.id }, data: { locale: "de" } });
    const german = await client.get(`/assessments/${s.assessment.id}?tab=decision`, {
      headers: { "Accept-Language": "de" },
    });
    expect(
      german.body.includes("Sie haben eine Runde dieser Bewertung an die/den DSB weitergeleitet."),
      "the reason in German",
    ).toBe(true);
  });
});
