import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { createAssessmentScenario, rejectionOf } from "../../../tests/support/assessment-factories";
import { forwardToDpo } from "./forward-to-dpo.server";
import { getAssessment } from "./get-assessment.server";
import { listInviteLinks } from "./list-invite-links.server";
import { revokeInviteLink } from "./revoke-invite-link.server";

/**
 * Use cases parse their own input (issue 12, item 8): a caller that is not our route (a job, the
 * CLI, a future API) may hand over anything. Prisma reads `id: {}` or `id: undefined` as "no
 * condition", so an unchecked id would act on the organisation's FIRST invite link.
 */
describe("revokeInviteLink with input that is not an id", () => {
  it.each([
    ["an empty object", {}],
    ["a missing id", { inviteId: undefined }],
    ["an empty id", { inviteId: "" }],
    ["a filter object", { inviteId: { not: "x" } }],
  ])("%s: NOT_FOUND, and no link is revoked", async (_label, input) => {
    const s = await createAssessmentScenario();
    const invite = await s.createInvite();
    const error = await rejectionOf(revokeInviteLink(s.assessor, input as never));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("NOT_FOUND");
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } })).revokedAt,
    ).toBeNull();
  });
});

describe("assessment use cases with an id that is not an id", () => {
  it("forwardToDpo, getAssessment and listInviteLinks: NOT_FOUND, and nothing changes", async () => {
    const s = await createAssessmentScenario();
    // Submitted, so that forwarding it would be allowed: only the id stands in the way.
    await db().assessment.update({
      where: { id: s.assessment.id },
      data: { status: "SUBMITTED", submittedAt: new Date() },
    });
    const before = await db().assessment.findUniqueOrThrow({ where: { id: s.assessment.id } });
    for (const id of [undefined, {}, ""]) {
      for (const attempt of [
        forwardToDpo(s.assessor, id as never, "note"),
        getAssessment(s.assessor, id as never),
        listInviteLinks(s.assessor, id as never),
      ]) {
        const error = await rejectionOf(attempt);
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe("NOT_FOUND");
      }
    }
    expect(
      (await db().assessment.findUniqueOrThrow({ where: { id: s.assessment.id } })).status,
    ).toBe(before.status);
  });
});
