import { describe, expect, it } from "vitest";
import { createInviteLink } from "~/modules/assessments/create-invite-link.server";
import { startAssessment } from "~/modules/assessments/start-assessment.server";
import { verifyAuditChain } from "~/modules/audit/verify-audit-chain.server";
import { questionsOfVersion } from "~/modules/questionnaires/published-questions.server";
import { db } from "~/utils/db.server";
import {
  auditEventsOf,
  createAssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { createVendor } from "../../../tests/support/factories";
import { createTemplateVersionRecord } from "../../../tests/support/vendor-factories";
import { autosaveAnswer } from "./autosave-answer.server";

/**
 * The autosave use case (ADR 0021), on SQLite and PostgreSQL: one short transaction per save.
 * Saves of different contacts never refuse one another and the organisation's chain stays whole;
 * two saves of the same answer from the same version still end in exactly one conflict.
 */
const TEXT_QUESTION = "data_use.subprocessors";

/** The form question-block.tsx posts: the field, the version it is based on and the value it showed. */
function autosaveForm(value: string, base: { version: number; shown: unknown }) {
  const form = new FormData();
  form.set("questionKey", TEXT_QUESTION);
  form.set(`v.${TEXT_QUESTION}`, String(base.version));
  form.set(`o.${TEXT_QUESTION}`, JSON.stringify(base.shown));
  form.set(`q.${TEXT_QUESTION}`, value);
  return form;
}

describe("autosaveAnswer", () => {
  it("saves of many contacts at the same time are all saved, none refused, and the chain verifies", async () => {
    const scenario = await createAssessmentScenario();
    const contacts = [];
    for (let i = 0; i < 12; i++) {
      const vendor = await createVendor({
        organizationId: scenario.org.id,
        name: `Parallel vendor ${i}`,
      });
      const assessment = await startAssessment(scenario.assessor, {
        vendorId: vendor.id,
        templateVersionId: scenario.templateVersionId,
        title: `Parallel ${i}`,
        dueDate: "2027-03-31",
      });
      const invite = await createInviteLink(scenario.assessor, assessment.id, {
        contactEmail: `parallel-${i}@vendor.example`,
        locale: "en",
      });
      contacts.push(await scenario.vendorActorFor(invite.inviteId));
    }
    const first = await Promise.all(
      contacts.map((actor, i) =>
        autosaveAnswer(actor, autosaveForm(`first ${i}`, { version: 0, shown: null })),
      ),
    );
    expect(first.map((reply) => reply.httpStatus)).toEqual(contacts.map(() => 200));
    const second = await Promise.all(
      contacts.map((actor, i) =>
        autosaveAnswer(actor, autosaveForm(`second ${i}`, { version: 1, shown: `first ${i}` })),
      ),
    );
    expect(
      second.map((reply) => [
        reply.httpStatus,
        reply.body.status,
        "version" in reply.body ? reply.body.version : null,
      ]),
    ).toEqual(contacts.map(() => [200, "saved", 2]));

    const stored = await db().answer.findMany({
      where: {
        assessmentId: { in: contacts.map((c) => c.assessmentId) },
        questionKey: TEXT_QUESTION,
      },
      select: { value: true, version: true },
    });
    expect(stored.map((row) => [JSON.parse(row.value), row.version]).sort()).toEqual(
      contacts.map((_, i) => [`second ${i}`, 2]).sort(),
    );
    const saved = await auditEventsOf(scenario.org.id, "answers.saved");
    expect(saved).toHaveLength(contacts.length * 2);
    expect(await verifyAuditChain(db(), scenario.org.id)).toMatchObject({ ok: true });
  }, 120_000);

  it("two saves of the same answer from the same version: one is saved, the other refused with both values (409)", async () => {
    const scenario = await createAssessmentScenario();
    const { vendor } = await scenario.invitedVendor();
    expect(
      (await autosaveAnswer(vendor, autosaveForm("start", { version: 0, shown: null }))).httpStatus,
    ).toBe(200);

    const replies = await Promise.all([
      autosaveAnswer(vendor, autosaveForm("from tab A", { version: 1, shown: "start" })),
      autosaveAnswer(vendor, autosaveForm("from tab B", { version: 1, shown: "start" })),
    ]);
    const statuses = replies.map((reply) => reply.httpStatus).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = replies.find((reply) => reply.httpStatus === 200)!.body as {
      value: unknown;
      version: number;
    };
    const loser = replies.find((reply) => reply.httpStatus === 409)!.body;
    expect(winner.version).toBe(2);
    expect(loser).toMatchObject({ status: "conflict", version: 2, currentValue: winner.value });
    expect(["from tab A", "from tab B"]).toContain((loser as { yourValue: unknown }).yourValue);
    expect((loser as { yourValue: unknown }).yourValue).not.toBe(winner.value);
    // Only the winner is stored and audited.
    const row = await db().answer.findFirstOrThrow({
      where: { assessmentId: vendor.assessmentId, questionKey: TEXT_QUESTION },
    });
    expect([JSON.parse(row.value), row.version]).toEqual([winner.value, 2]);
    expect(await auditEventsOf(scenario.org.id, "answers.saved")).toHaveLength(2);
    expect(await verifyAuditChain(db(), scenario.org.id)).toMatchObject({ ok: true });
  });

  it("the same text again is unchanged (no version, no event); a stale version is a conflict", async () => {
    const scenario = await createAssessmentScenario();
    const { vendor } = await scenario.invitedVendor();
    await autosaveAnswer(vendor, autosaveForm("same", { version: 0, shown: null }));
    // The page still showed the old value: the same text is sent once more based on version 1.
    const again = await autosaveAnswer(
      vendor,
      autosaveForm("same", { version: 1, shown: "before" }),
    );
    expect(again).toMatchObject({ httpStatus: 200, body: { status: "unchanged", version: 1 } });
    await autosaveAnswer(vendor, autosaveForm("newer", { version: 1, shown: "same" }));
    const stale = await autosaveAnswer(
      vendor,
      autosaveForm("older tab", { version: 1, shown: "same" }),
    );
    expect(stale).toMatchObject({
      httpStatus: 409,
      body: { status: "conflict", version: 2, currentValue: "newer", yourValue: "older tab" },
    });
    expect(await auditEventsOf(scenario.org.id, "answers.saved")).toHaveLength(2);
  });
});

describe("questionsOfVersion", () => {
  it("keeps a published version's questions (frozen) and reads a draft afresh every time", async () => {
    const scenario = await createAssessmentScenario();
    const published = await questionsOfVersion(scenario.templateVersionId);
    expect(await questionsOfVersion(scenario.templateVersionId)).toBe(published);
    expect(Object.isFrozen(published.get(TEXT_QUESTION))).toBe(true);

    const source = await db().templateVersion.findUniqueOrThrow({
      where: { id: scenario.templateVersionId },
      select: { definition: true },
    });
    const draft = await createTemplateVersionRecord({ organizationId: scenario.org.id });
    await db().templateVersion.update({
      where: { id: draft.id },
      data: { status: "DRAFT", definition: source.definition },
    });
    expect((await questionsOfVersion(draft.id)).has(TEXT_QUESTION)).toBe(true);
    const definition = JSON.parse(source.definition) as {
      sections: { questions: { key: string }[] }[];
    };
    for (const section of definition.sections)
      section.questions = section.questions.filter((q) => q.key !== TEXT_QUESTION);
    await db().templateVersion.update({
      where: { id: draft.id },
      data: { definition: JSON.stringify(definition) },
    });
    expect((await questionsOfVersion(draft.id)).has(TEXT_QUESTION)).toBe(false);
  });
});
