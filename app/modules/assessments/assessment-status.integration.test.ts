import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import {
  auditEventsOf,
  createAssessmentScenario,
  rejectionOf,
  withRecentMfa,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import {
  ASSESSMENT_STATUSES,
  assertTransition,
  canTransition,
  isAssessmentStatus,
  DECISION_OUTCOMES,
  VENDOR_EDITABLE,
  type AssessmentStatus,
} from "./assessment-status";
import { createInviteLink } from "./create-invite-link.server";
import { decideAssessment } from "./decide-assessment.server";
import { forwardToDpo } from "./forward-to-dpo.server";
import { submitAssessment } from "../portal/submit-assessment.server";

/**
 * The assessment life cycle: the pure status machine, and the use cases refusing transitions the
 * machine forbids (nothing written, no audit event).
 */

const ALLOWED: Record<AssessmentStatus, AssessmentStatus[]> = {
  DRAFT: ["INVITED", "CANCELLED"],
  INVITED: ["IN_PROGRESS", "SUBMITTED", "CANCELLED"],
  IN_PROGRESS: ["SUBMITTED", "CANCELLED"],
  SUBMITTED: ["AWAITING_DECISION", "CHANGES_REQUESTED", "CANCELLED"],
  CHANGES_REQUESTED: ["IN_PROGRESS", "SUBMITTED", "CANCELLED"],
  AWAITING_DECISION: [
    "APPROVED",
    "APPROVED_WITH_CONDITIONS",
    "REJECTED",
    "CHANGES_REQUESTED",
    "CANCELLED",
  ],
  // A different decision may supersede a decision; nothing else moves a decided assessment.
  APPROVED: ["APPROVED_WITH_CONDITIONS", "REJECTED"],
  APPROVED_WITH_CONDITIONS: ["APPROVED", "REJECTED"],
  REJECTED: ["APPROVED", "APPROVED_WITH_CONDITIONS"],
  CANCELLED: [],
};

describe("assessment status machine", () => {
  it("knows exactly the ten statuses", () => {
    expect([...ASSESSMENT_STATUSES].sort()).toEqual(Object.keys(ALLOWED).sort());
    expect(isAssessmentStatus("DRAFT")).toBe(true);
    expect(isAssessmentStatus("draft")).toBe(false);
    expect(isAssessmentStatus("")).toBe(false);
    expect(isAssessmentStatus(null)).toBe(false);
    expect(isAssessmentStatus(42)).toBe(false);
  });

  it("allows the documented transitions and refuses every other pair", () => {
    for (const from of ASSESSMENT_STATUSES) {
      for (const to of ASSESSMENT_STATUSES) {
        const expected = ALLOWED[from].includes(to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected);
        if (expected) {
          expect(() => assertTransition(from, to)).not.toThrow();
        } else {
          expect(() => assertTransition(from, to), `${from} → ${to}`).toThrow(DomainError);
        }
      }
    }
  });

  it("never lets a status move to itself; decided assessments only take a superseding decision; cancelled ones are final", () => {
    for (const status of ASSESSMENT_STATUSES) expect(canTransition(status, status)).toBe(false);
    for (const decided of ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"] as const) {
      for (const to of ASSESSMENT_STATUSES)
        expect(canTransition(decided, to)).toBe(
          DECISION_OUTCOMES.includes(to as never) && to !== decided,
        );
    }
    for (const to of ASSESSMENT_STATUSES) expect(canTransition("CANCELLED", to)).toBe(false);
  });

  it("refuses with an INVALID_STATE domain error naming both statuses", () => {
    let error: unknown;
    try {
      assertTransition("DRAFT", "APPROVED");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("INVALID_STATE");
    expect((error as DomainError).userMessage).toEqual({
      key: "errors.statusTransition",
      params: { from: "DRAFT", to: "APPROVED" },
    });
  });

  it("refuses unknown source statuses instead of throwing a TypeError", () => {
    expect(canTransition("ARCHIVED", "DRAFT")).toBe(false);
    expect(canTransition("toString", "DRAFT")).toBe(false);
    expect(() => assertTransition("ARCHIVED", "INVITED")).toThrow(DomainError);
  });

  it("lets the vendor edit only while invited, in progress or asked for changes", () => {
    expect(new Set(VENDOR_EDITABLE)).toEqual(
      new Set(["INVITED", "IN_PROGRESS", "CHANGES_REQUESTED"]),
    );
  });
});

describe("use cases refuse transitions the machine forbids", () => {
  let s: AssessmentScenario;

  beforeAll(async () => {
    s = await createAssessmentScenario();
  });

  /** Takes a thunk: the use case must only start after the "before" snapshot. */
  async function expectRefused(
    run: () => Promise<unknown>,
    code: DomainError["code"] = "INVALID_STATE",
  ) {
    const before = await s.reload();
    const eventsBefore = (await auditEventsOf(s.org.id)).length;
    const error = await rejectionOf(run());
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    const after = await s.reload();
    expect(after.status).toBe(before.status);
    expect(after.version).toBe(before.version);
    expect((await auditEventsOf(s.org.id)).length).toBe(eventsBefore);
  }

  it("a DRAFT assessment can be neither forwarded nor decided", async () => {
    expect((await s.reload()).status).toBe("DRAFT");
    await expectRefused(() => forwardToDpo(s.assessor, s.assessment.id, "too early"));
    await expectRefused(async () =>
      decideAssessment(withRecentMfa(s.dpo), s.assessment.id, {
        outcome: "APPROVED",
        rationale: "Looks fine to me, approve.",
        conditions: [],
        expectedVersion: (await s.reload()).version,
      }),
    );
  });

  it("an INVITED assessment cannot be forwarded; once SUBMITTED it accepts no new invites and no second submit", async () => {
    const { vendor } = await s.invitedVendor();
    expect((await s.reload()).status).toBe("INVITED");
    await expectRefused(() => forwardToDpo(s.assessor, s.assessment.id, "not submitted yet"));

    await s.answer(vendor, s.completeAnswers());
    expect((await submitAssessment(vendor)).ok).toBe(true);
    expect((await s.reload()).status).toBe("SUBMITTED");

    await expectRefused(() =>
      createInviteLink(s.assessor, s.assessment.id, {
        contactEmail: "late@acme.example",
        locale: "en",
      }),
    );
    await expectRefused(() => submitAssessment(vendor));
    // The second invite was never created.
    expect(await db().inviteLink.count({ where: { assessmentId: s.assessment.id } })).toBe(1);
  });

  it("a decided assessment cannot be forwarded again or re-decided with the same outcome; a different decision supersedes it", async () => {
    await forwardToDpo(s.assessor, s.assessment.id, "please decide");
    const { version } = await s.reload();
    const first = await decideAssessment(withRecentMfa(s.dpo), s.assessment.id, {
      outcome: "REJECTED",
      rationale: "Rejected for the purpose of this test.",
      conditions: [],
      expectedVersion: version,
    });
    expect((await s.reload()).status).toBe("REJECTED");
    await expectRefused(() => forwardToDpo(s.assessor, s.assessment.id, "again"));
    await expectRefused(async () =>
      decideAssessment(withRecentMfa(s.secondDpo), s.assessment.id, {
        outcome: "REJECTED",
        rationale: "The same outcome again is no new decision.",
        conditions: [],
        expectedVersion: (await s.reload()).version,
      }),
    );
    expect(await db().decision.count({ where: { assessmentId: s.assessment.id } })).toBe(1);
    // A different decision is appended and supersedes the first; the first is never edited.
    const second = await decideAssessment(withRecentMfa(s.secondDpo), s.assessment.id, {
      outcome: "APPROVED",
      rationale: "Overturned after the vendor's new evidence.",
      conditions: [],
      expectedVersion: (await s.reload()).version,
    });
    expect((await s.reload()).status).toBe("APPROVED");
    const decisions = await db().decision.findMany({
      where: { assessmentId: s.assessment.id },
      orderBy: { createdAt: "asc" },
    });
    expect(decisions.map((d) => [d.id, d.outcome, d.supersededAt !== null])).toEqual([
      [first.decisionId, "REJECTED", true],
      [second.decisionId, "APPROVED", false],
    ]);
  });
});
