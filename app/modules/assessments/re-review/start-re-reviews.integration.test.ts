import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncBundledRegulations } from "~/modules/regulations/load-bundled-regulations.server";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { inTransaction } from "~/utils/transaction.server";
import {
  auditEventsOf,
  createAssessmentScenario,
  rejectionOf,
  type AssessmentScenario,
} from "../../../../tests/support/assessment-factories";
import { setupSmtpCatcher } from "../../../../tests/support/mail";
import {
  decidedAssessmentWithReport,
  useOperatorCertificate,
} from "../../../../tests/support/signed-decisions";
import { createTestOperatorAuthority } from "../../signing/pkcs12";
import { toolWorkspace, type ToolWorkspace } from "../../signing/testing/test-pdf";
import { decisionBlockers } from "../decision-blockers.server";
import { parseDelta, type DeltaEntry } from "./delta";
import {
  ADDED,
  ANNEX_III_SHIFT,
  ART_50_2_GRACE,
  linkOmnibusQuestions,
  publishNextAiTemplateVersion,
  REWEIGHTED,
  REWORDED,
} from "./re-review-fixtures";
import { carryAnswers, startReReviews } from "./start-re-reviews.server";
import { getReReviewStartPage } from "./get-re-review-start-page.server";

/**
 * Issue 14 item 8: re-reviews with delta questionnaires, on the real database. A decided
 * assessment with its signed report is re-reviewed after the AI-omnibus change and a new version
 * of its template: the delta is the new and reworded questions plus the questions linked to the
 * changed provisions; every other answer is carried with the day it was first given; the source
 * and its signed PDF stay exactly as they were.
 */
setupSmtpCatcher();

const operator = createTestOperatorAuthority("Vetted Hosting GmbH — report signing");
let restore: () => void;
let tools: ToolWorkspace;
let s: AssessmentScenario;
let reportId: string;
let templateId: string;
let annexEventId: string;

beforeAll(async () => {
  restore = useOperatorCertificate(operator.p12, operator.passphrase);
  tools = toolWorkspace();
  await syncBundledRegulations();
  const decided = await decidedAssessmentWithReport();
  s = decided.s;
  reportId = decided.reportId;
  const version = await db().templateVersion.findUniqueOrThrow({
    where: { id: s.templateVersionId },
    select: { templateId: true },
  });
  templateId = version.templateId;
  await inTransaction(async (tx) => {
    await linkOmnibusQuestions(tx, s.org.id, templateId);
    await publishNextAiTemplateVersion(tx, s.assessor, templateId);
  });
  annexEventId = (
    await db().changeEvent.findFirstOrThrow({
      where: { key: ANNEX_III_SHIFT, organizationId: null },
      select: { id: true },
    })
  ).id;
}, 120_000);

afterAll(() => {
  restore();
  tools.cleanup();
});

function byKey(delta: DeltaEntry[]) {
  return new Map(delta.map((entry) => [entry.questionKey, entry.reasons]));
}

async function sourceSnapshot() {
  const assessment = await db().assessment.findUniqueOrThrow({ where: { id: s.assessment.id } });
  const answers = await db().answer.findMany({
    where: { assessmentId: s.assessment.id },
    orderBy: { questionKey: "asc" },
  });
  const decisions = await db().decision.findMany({ where: { assessmentId: s.assessment.id } });
  const report = await db().signedReport.findUniqueOrThrow({ where: { id: reportId } });
  return { assessment, answers, decisions, report };
}

describe("startReReviews", () => {
  it("asks the changed, new and linked questions again and carries every other answer", async () => {
    const before = await sourceSnapshot();
    const [result] = await startReReviews(s.dpo, {
      changeEventId: annexEventId,
      assessmentIds: [s.assessment.id],
    });
    expect(result).toMatchObject({ sourceId: s.assessment.id, status: "started" });
    const created = await db().assessment.findUniqueOrThrow({
      where: { id: result!.assessmentId },
      include: { templateVersion: { select: { version: true } } },
    });
    expect(created).toMatchObject({
      status: "DRAFT",
      vendorId: s.vendor.id,
      productId: s.product.id,
      reReviewOfId: s.assessment.id,
      changeEventId: annexEventId,
      dueDate: null,
    });
    expect(created.templateVersion.version).toBe(2);
    const reasons = byKey(parseDelta(created.deltaJson)!);
    // Linked to Art. 6(2) itself and to Art. 6 as a whole (a change to a paragraph touches the article).
    expect(reasons.get("ai_act.risk_class")).toEqual([
      {
        kind: "provision_changed",
        changeEventId: annexEventId,
        provisionKeys: ["eu:2024/1689:art:6:par:2"],
      },
    ]);
    expect(reasons.get("compliance.ai_act_classification")?.[0]?.kind).toBe("provision_changed");
    expect(reasons.get(ADDED)).toEqual([{ kind: "question_new" }]);
    expect(reasons.get(REWORDED)).toEqual([
      { kind: "question_changed", fields: ["label.en", "label.de"] },
    ]);
    // Only a weight changed: the old answer is still an answer to the same question.
    expect(reasons.has(REWEIGHTED)).toBe(false);
    // Art. 50(2) is not part of this change.
    expect(reasons.has("transparency.output_marking")).toBe(false);
    expect(reasons.get("security.iso27001_certificate")).toEqual([{ kind: "evidence_again" }]);

    const source = new Map(before.answers.map((a) => [a.questionKey, a]));
    const carried = await db().answer.findMany({ where: { assessmentId: created.id } });
    expect(carried.length).toBeGreaterThan(40);
    for (const answer of carried) {
      expect(reasons.has(answer.questionKey)).toBe(false);
      expect(answer.carriedFromAssessmentId).toBe(s.assessment.id);
      expect(answer.carriedConfirmedAt).toBeNull();
      expect(answer.value).toBe(source.get(answer.questionKey)!.value);
      expect(answer.firstGivenAt.toISOString()).toBe(
        source.get(answer.questionKey)!.firstGivenAt.toISOString(),
      );
    }
    expect(carried.map((a) => a.questionKey)).toContain(REWEIGHTED);
    // Every question is asked or carried, never both and never neither.
    const version2 = await db().templateVersion.findUniqueOrThrow({
      where: { id: created.templateVersionId },
      select: { definition: true },
    });
    const allKeys = (
      JSON.parse(version2.definition) as { sections: { questions: { key: string }[] }[] }
    ).sections.flatMap((section) => section.questions.map((q) => q.key));
    expect([...reasons.keys(), ...carried.map((a) => a.questionKey)].sort()).toEqual(
      [...allKeys].sort(),
    );

    const [event] = await auditEventsOf(s.org.id, "assessment.re_review_started");
    expect(event!.targetId).toBe(created.id);
    expect(JSON.parse(event!.payload)).toMatchObject({
      reReviewOf: s.assessment.id,
      changeEvent: ANNEX_III_SHIFT,
      templateVersionFrom: 1,
      templateVersionTo: 2,
    });
  });

  it("does not start a second open re-review for the same source and change, and says so", async () => {
    const count = () =>
      db().assessment.count({
        where: { reReviewOfId: s.assessment.id, changeEventId: annexEventId },
      });
    expect(await count()).toBe(1);
    const [again] = await startReReviews(s.assessor, {
      changeEventId: ANNEX_III_SHIFT,
      assessmentIds: [s.assessment.id, s.assessment.id],
    });
    expect(again).toMatchObject({ sourceId: s.assessment.id, status: "already_open" });
    expect(await count()).toBe(1);
  });

  it("leaves the decided source and its signed PDF exactly as they were", async () => {
    const before = await sourceSnapshot();
    await startReReviews(s.assessor, {
      changeEventId: ART_50_2_GRACE,
      assessmentIds: [s.assessment.id],
    });
    const after = await sourceSnapshot();
    expect(after.assessment).toEqual(before.assessment);
    expect(after.answers).toEqual(before.answers);
    expect(after.decisions).toEqual(before.decisions);
    expect(Buffer.from(after.report.signedPdf).equals(Buffer.from(before.report.signedPdf))).toBe(
      true,
    );
    const out = tools.pdfsig(
      tools.write("source.pdf", after.report.signedPdf),
      tools.nssTrusting(operator.rootPem),
    );
    expect(out).toContain("Signature Validation: Signature is Valid.");
  });

  it("refuses a foreign assessment among the chosen ones and writes nothing", async () => {
    const other = await createAssessmentScenario();
    const beforeCount = await db().assessment.count({ where: { organizationId: s.org.id } });
    const beforeEvents = (await auditEventsOf(s.org.id)).length;
    const error = await rejectionOf(
      startReReviews(s.assessor, {
        changeEventId: null,
        assessmentIds: [s.assessment.id, other.assessment.id],
      }),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("NOT_FOUND");
    expect(await db().assessment.count({ where: { organizationId: s.org.id } })).toBe(beforeCount);
    expect((await auditEventsOf(s.org.id)).length).toBe(beforeEvents);
  });

  it("refuses an auditor, a draft source and another organisation's change event", async () => {
    const forbidden = await rejectionOf(
      startReReviews(s.auditor, { changeEventId: null, assessmentIds: [s.assessment.id] }),
    );
    expect((forbidden as DomainError).code).toBe("FORBIDDEN");
    const other = await createAssessmentScenario();
    const draft = await rejectionOf(
      startReReviews(other.assessor, {
        changeEventId: null,
        assessmentIds: [other.assessment.id],
      }),
    );
    expect((draft as DomainError).key).toBe("reReview.errorSourceNotReviewable");
    const instrument = await db().instrument.findFirstOrThrow({ select: { id: true } });
    const foreign = await db().changeEvent.create({
      data: {
        organizationId: other.org.id,
        scopeKey: other.org.id,
        key: `private-${other.org.id}`,
        instrumentId: instrument.id,
        type: "guidance",
        detectedAt: new Date(),
        legalStatus: "published",
        affectedProvisionKeys: "[]",
        diffJson: "{}",
        summaryDe: "privat",
        summaryEn: "private",
        source: "manual",
      },
    });
    const hidden = await rejectionOf(
      startReReviews(s.assessor, { changeEventId: foreign.id, assessmentIds: [s.assessment.id] }),
    );
    expect((hidden as DomainError).key).toBe("reReview.errorChangeNotFound");
  });

  it("lets the DPO start a re-review but leaves its decision to another DPO", async () => {
    const fresh = await db().assessment.findFirstOrThrow({
      where: { reReviewOfId: s.assessment.id, changeEventId: annexEventId },
      select: { id: true },
    });
    expect(await decisionBlockers(s.dpo, fresh.id)).toContain("created");
    expect(await decisionBlockers(s.secondDpo, fresh.id)).toEqual([]);
  });

  it("never lets a carried value overwrite an answer already present", async () => {
    const target = await createAssessmentScenario();
    const { vendor } = await target.invitedVendor();
    await target.answer(vendor, { "security.encryption": "no" });
    const carried = await inTransaction((tx) =>
      carryAnswers(tx, {
        organizationId: target.org.id,
        targetAssessmentId: target.assessment.id,
        sourceAssessmentId: s.assessment.id,
        answers: [
          { questionKey: "security.encryption", value: '"yes"', firstGivenAt: new Date(0) },
          { questionKey: "security.tenant_isolation", value: '"yes"', firstGivenAt: new Date(0) },
        ],
      }),
    );
    expect(carried).toEqual(["security.tenant_isolation"]);
    const real = await db().answer.findUniqueOrThrow({
      where: {
        assessmentId_questionKey: {
          assessmentId: target.assessment.id,
          questionKey: "security.encryption",
        },
      },
    });
    expect(real).toMatchObject({ value: '"no"', carriedFromAssessmentId: null });
  });

  it("lists the affected assessments with what a re-review asks and carries, and the open one", async () => {
    const page = await getReReviewStartPage(s.dpo, { changeId: ANNEX_III_SHIFT, chosen: [] });
    expect(page.change.id).toBe(annexEventId);
    // The source is listed (its re-review for this change is not a candidate itself).
    expect(page.candidates.map((c) => c.assessmentId)).toEqual([s.assessment.id]);
    const [candidate] = page.candidates;
    const open = await db().assessment.findFirstOrThrow({
      where: { reReviewOfId: s.assessment.id, changeEventId: annexEventId },
      select: { id: true, deltaJson: true },
    });
    expect(candidate).toMatchObject({
      vendor: { id: s.vendor.id },
      versionFrom: 1,
      versionTo: 2,
      asked: parseDelta(open.deltaJson)!.length,
      openReReviewId: open.id,
      chosen: true,
    });
    expect(candidate!.carried).toBeGreaterThan(40);
    const none = await getReReviewStartPage(s.dpo, {
      changeId: "ai-omnibus:proposal",
      chosen: [],
    });
    // Art. 6(1) and 6(2): the article-level link of the classification question is touched.
    expect(none.candidates.map((c) => c.assessmentId)).toEqual([s.assessment.id]);
    const other = await createAssessmentScenario();
    const foreign = await getReReviewStartPage(other.dpo, {
      changeId: ANNEX_III_SHIFT,
      chosen: [],
    });
    expect(foreign.candidates).toEqual([]);
  });
});
