import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactLabelsFor, listInviteLinks } from "~/modules/assessments/list-invite-links.server";
import { revokeInviteLink } from "~/modules/assessments/revoke-invite-link.server";
import { vendorSessionCookie } from "~/modules/auth/cookies.server";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { DomainError } from "~/utils/errors";
import {
  auditEventsOf,
  createAssessmentScenario,
  rejectionOf,
  tokenFromInviteUrl,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { startSmtpCatcher, type SmtpCatcher } from "../../../tests/support/smtp-catcher";
import { verifiedSession } from "../../../tests/support/vendor-sessions";
import { getDelegationPage } from "./delegate-list.server";
import { revokeDelegation } from "./delegate-revoke.server";
import {
  DELEGATIONS_PER_LINK,
  delegateSections,
  type DelegateInput,
} from "./delegate-sections.server";
import { requireVendorSession } from "./invite-links.server";

/**
 * Delegation: a verified vendor contact invites a colleague to some of their sections. The
 * colleague's link is their own, limited to a subset of the delegator's sections and lifetime,
 * mailed in the chosen language, revocable, audited; answers record who gave them.
 */
let smtp: SmtpCatcher;
const previousMailUrl = process.env.MAIL_URL;
let s: AssessmentScenario;
let keys: string[];

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  process.env.MAIL_URL = smtp.url;
  resetEnvForTests();
  s = await createAssessmentScenario();
  keys = s.definition.sections.map((section) => section.key);
});

afterAll(async () => {
  process.env.MAIL_URL = previousMailUrl;
  resetEnvForTests();
  await smtp.stop();
});

/** The actor requireVendorSession builds for a verified session of `token`. */
async function actorOf(token: string) {
  const session = await verifiedSession(token);
  const cookie = (await vendorSessionCookie().serialize(session)).split(";")[0]!;
  return requireVendorSession(
    new Request("http://127.0.0.1:3999/portal", { headers: { Cookie: cookie } }),
  );
}

let n = 0;
function colleague(sections: string[], extra: Partial<DelegateInput> = {}): DelegateInput {
  n += 1;
  return {
    contactEmail: `colleague-${n}-${Date.now()}@acme.example`,
    locale: "en",
    sections,
    ...extra,
  };
}

/** The colleague's link from the delegation mail. */
async function delegatedToken(email: string): Promise<string> {
  const mail = await smtp.waitFor((m) => m.to.includes(email) && /\/invite\//.test(m.text));
  return tokenFromInviteUrl(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0]);
}

describe("delegateSections", () => {
  it("creates the colleague's own link for chosen sections, mails it and audits invite.delegated", async () => {
    const { invite, vendor } = await s.invitedVendor({ contactName: "Sam Security" });
    const delegator = await actorOf(invite.token);
    expect(delegator.sections).toBeUndefined();
    const input = colleague([keys[2]!, keys[0]!], { contactName: "Dana Daten", locale: "de" });
    const created = await delegateSections(delegator, input);
    // Template order, not form order.
    expect(created.sections).toEqual([keys[0], keys[2]]);

    const row = await db().inviteLink.findUniqueOrThrow({ where: { id: created.inviteId } });
    expect(row).toMatchObject({
      delegatedById: invite.inviteId,
      organizationId: s.org.id,
      assessmentId: s.assessment.id,
      contactEmail: input.contactEmail,
      locale: "de",
      createdById: null,
    });
    expect(JSON.parse(row.sections!)).toEqual([keys[0], keys[2]]);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(invite.expiresAt.getTime());

    const mail = await smtp.waitFor((m) => m.to.includes(input.contactEmail));
    expect(mail.text).toContain("Guten Tag Dana Daten");
    expect(mail.text).toContain("Sam Security");
    expect(mail.text).toContain(s.definition.sections[0]!.title.de);
    expect(mail.text).not.toContain(invite.token);

    const events = (await auditEventsOf(s.org.id, "invite.delegated")).filter(
      (e) => e.targetId === created.inviteId,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "vendor", actorId: vendor.inviteLinkId });
    expect(JSON.parse(events[0]!.payload)).toMatchObject({
      contactEmail: input.contactEmail,
      sections: [keys[0], keys[2]],
    });

    // The colleague's session carries the sections; answers outside them are refused.
    const colleagueActor = await actorOf(await delegatedToken(input.contactEmail));
    expect(colleagueActor.inviteLinkId).toBe(created.inviteId);
    expect(colleagueActor.sections).toEqual([keys[0], keys[2]]);
    const inside = s.definition.sections[0]!.questions[0]!;
    const outside = s.definition.sections[1]!.questions[0]!;
    const answers = s.completeAnswers();
    const outcomes = await s.answer(colleagueActor, {
      [inside.key]: answers[inside.key]!,
      [outside.key]: answers[outside.key]!,
    });
    expect(outcomes.find((o) => o.questionKey === inside.key)?.status).toBe("saved");
    expect(outcomes.find((o) => o.questionKey === outside.key)?.status).toBe("invalid");
    const stored = await db().answer.findUniqueOrThrow({
      where: {
        assessmentId_questionKey: { assessmentId: s.assessment.id, questionKey: inside.key },
      },
    });
    expect(stored.updatedBy).toBe(`vendor:${created.inviteId}`);

    // Who answered, for the assessor's page.
    const labels = await contactLabelsFor(s.org.id, s.assessment.id);
    expect(labels.get(`vendor:${created.inviteId}`)).toEqual({
      email: input.contactEmail,
      name: "Dana Daten",
    });
    expect(labels.get(`vendor:${invite.inviteId}`)).toEqual({
      email: invite.contactEmail,
      name: "Sam Security",
    });
    expect((await contactLabelsFor("another-organisation", s.assessment.id)).size).toBe(0);

    // The assessor sees the delegation with its sections and who delegated.
    const listed = (await listInviteLinks(s.assessor, s.assessment.id)).links.find(
      (l) => l.id === created.inviteId,
    )!;
    expect(listed).toMatchObject({
      sections: [keys[0], keys[2]],
      delegatedBy: { id: invite.inviteId, contactEmail: invite.contactEmail },
    });
  });

  it("only passes on the delegator's own sections of the template", async () => {
    const { invite } = await s.invitedVendor();
    const delegator = await actorOf(invite.token);
    for (const sections of [["no-such-section"], [keys[0]!, "no-such-section"]]) {
      const error = await rejectionOf(delegateSections(delegator, colleague(sections)));
      expect((error as DomainError).code, sections.join()).toBe("VALIDATION");
    }
    const first = await delegateSections(delegator, colleague([keys[0]!, keys[1]!]));
    const firstEmail = (await db().inviteLink.findUniqueOrThrow({ where: { id: first.inviteId } }))
      .contactEmail;
    const colleagueActor = await actorOf(await delegatedToken(firstEmail));
    // A colleague may pass on a subset of their own sections, nothing else.
    const error = await rejectionOf(
      delegateSections(colleagueActor, colleague([keys[1]!, keys[2]!])),
    );
    expect((error as DomainError).code).toBe("VALIDATION");
    const nested = await delegateSections(colleagueActor, colleague([keys[1]!]));
    expect(nested.sections).toEqual([keys[1]]);
    const page = await getDelegationPage(colleagueActor);
    expect(page.sections.map((section) => section.key)).toEqual([keys[0], keys[1]]);
    expect(page.delegations.map((d) => d.id)).toEqual([nested.inviteId]);
  });

  it("never outlives the delegator's link", async () => {
    const { invite } = await s.invitedVendor();
    const soon = new Date(Date.now() + 2 * 86_400_000);
    await db().inviteLink.update({ where: { id: invite.inviteId }, data: { expiresAt: soon } });
    const created = await delegateSections(await actorOf(invite.token), colleague([keys[0]!]));
    expect(created.expiresAt.getTime()).toBe(soon.getTime());
  });

  it("is refused once the questionnaire is submitted, and rate-limited per link", async () => {
    const other = await createAssessmentScenario({ organizationId: s.org.id });
    const invite = await other.createInvite();
    const delegator = await actorOf(invite.token);
    for (let i = 0; i < DELEGATIONS_PER_LINK.limit; i++)
      await delegateSections(delegator, colleague([keys[0]!]));
    const limited = await rejectionOf(delegateSections(delegator, colleague([keys[0]!])));
    expect((limited as DomainError).code).toBe("RATE_LIMITED");

    const closed = await other.createInvite();
    const closedActor = await actorOf(closed.token);
    await db().assessment.update({
      where: { id: other.assessment.id },
      data: { status: "SUBMITTED" },
    });
    const before = await db().inviteLink.count({ where: { assessmentId: other.assessment.id } });
    expect(
      ((await rejectionOf(delegateSections(closedActor, colleague([keys[0]!])))) as DomainError)
        .code,
    ).toBe("INVALID_STATE");
    expect(await db().inviteLink.count({ where: { assessmentId: other.assessment.id } })).toBe(
      before,
    );
  });
});

describe("revoking delegations", () => {
  it("the delegator revokes their own delegations only; revoking the delegator revokes them too", async () => {
    const { invite } = await s.invitedVendor();
    const delegator = await actorOf(invite.token);
    const a = await delegateSections(delegator, colleague([keys[0]!]));
    const b = await delegateSections(delegator, colleague([keys[1]!]));
    const aEmail = (await db().inviteLink.findUniqueOrThrow({ where: { id: a.inviteId } }))
      .contactEmail;
    const aToken = await delegatedToken(aEmail);
    await actorOf(aToken);

    // Someone else's delegation (or the delegator's own link) is not found.
    const stranger = await actorOf((await s.createInvite()).token);
    expect(
      ((await rejectionOf(revokeDelegation(stranger, { inviteId: a.inviteId }))) as DomainError)
        .code,
    ).toBe("NOT_FOUND");
    expect(
      (
        (await rejectionOf(
          revokeDelegation(delegator, { inviteId: invite.inviteId }),
        )) as DomainError
      ).code,
    ).toBe("NOT_FOUND");

    await revokeDelegation(delegator, { inviteId: a.inviteId });
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: a.inviteId } })).revokedAt,
    ).not.toBeNull();
    expect(await db().vendorSession.count({ where: { inviteLinkId: a.inviteId } })).toBe(0);
    const revokedEvent = (await auditEventsOf(s.org.id, "invite.revoked")).filter(
      (e) => e.targetId === a.inviteId,
    );
    expect(revokedEvent[0]).toMatchObject({ actorType: "vendor", actorId: invite.inviteId });

    // The assessor revokes the delegator: the remaining delegation ends with it.
    await revokeInviteLink(s.assessor, { inviteId: invite.inviteId });
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: b.inviteId } })).revokedAt,
    ).not.toBeNull();
  });
});
