import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "~/modules/auth/actor";
import { listMembers } from "~/modules/admin/list-members.server";
import { listAuditEvents, parseAuditQuery } from "~/modules/audit/list-audit-events.server";
import { parseMemberMfaFilter } from "~/modules/admin/member-filters";
import { parseAssessmentListFilters } from "~/modules/assessments/assessment-list-filters";
import { decideAssessment } from "~/modules/assessments/decide-assessment.server";
import { forwardToDpo } from "~/modules/assessments/forward-to-dpo.server";
import { listAssessments } from "~/modules/assessments/list-assessments.server";
import { askClarification } from "~/modules/clarifications/ask-clarification.server";
import { replyClarification } from "~/modules/clarifications/reply-clarification.server";
import { submitAssessment } from "~/modules/portal/submit-assessment.server";
import { listPortfolio } from "~/modules/portfolio/list-portfolio.server";
import { parsePortfolioParams } from "~/modules/portfolio/portfolio-query";
import { questionsOf } from "~/modules/questionnaires/template-definition";
import { parseChangeFeedFilters } from "~/modules/regulations/change-feed-filters";
import { listChangeEvents } from "~/modules/regulations/list-change-events.server";
import { db } from "~/utils/db.server";
import { createInvitationRecord } from "../../../tests/support/admin-factories";
import {
  createAssessmentScenario,
  withRecentMfa,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import {
  createTestChangeEvent,
  createTestInstrument,
} from "../../../tests/support/change-event-factories";
import { createVendor } from "../../../tests/support/factories";
import { getHome } from "./get-home.server";
import type { HomePage, HomeSectionId } from "./home-types";

/**
 * The home page's "my work" inbox (issue 15 item 1) against seeded data of two organisations:
 * each role sees its groups, each count is what the filtered list behind its link shows, and
 * nothing of the other organisation is counted.
 */

const DAY_MS = 86_400_000;
const now = new Date();
const day = (offsetDays: number) =>
  new Date(now.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);

interface World {
  awaiting: AssessmentScenario;
  submitted: AssessmentScenario;
  overdue: AssessmentScenario;
  answered: AssessmentScenario;
  conditional: AssessmentScenario;
  withoutMfaName: string;
  openChangeId: string;
  expiringVendorId: string;
}

async function submittedScenario(organizationId?: string) {
  const s = await createAssessmentScenario(organizationId ? { organizationId } : {});
  const { vendor } = await s.invitedVendor();
  await s.answer(vendor, s.completeAnswers());
  expect(await submitAssessment(vendor)).toEqual({ ok: true });
  return s;
}

/** One organisation with one item of every kind, plus rows that must NOT be counted. */
async function seedOrganization(): Promise<World> {
  const awaiting = await submittedScenario();
  const organizationId = awaiting.org.id;
  await forwardToDpo(awaiting.assessor, awaiting.assessment.id, "please decide");

  const submitted = await submittedScenario(organizationId);

  // Overdue: invited, due date passed. A draft past its date is not the vendor's delay.
  const overdue = await createAssessmentScenario({ organizationId });
  await overdue.createInvite();
  await db().assessment.update({
    where: { id: overdue.assessment.id },
    data: { dueDate: new Date(now.getTime() - 3 * DAY_MS) },
  });
  const draftPastDue = await createAssessmentScenario({ organizationId });
  await db().assessment.update({
    where: { id: draftPastDue.assessment.id },
    data: { dueDate: new Date(now.getTime() - 3 * DAY_MS) },
  });

  // Clarifications: one the vendor answered (counted), one still waiting for the vendor (not).
  const answered = await createAssessmentScenario({ organizationId });
  const answeredVendor = await answered.invitedVendor();
  const [first, second] = questionsOf(answered.definition);
  const asked = await askClarification(answered.assessor, {
    assessmentId: answered.assessment.id,
    questionKey: first!.key,
    body: "Which regions exactly?",
  });
  await replyClarification(answeredVendor.vendor, { threadId: asked.threadId, body: "EU only." });
  await askClarification(answered.assessor, {
    assessmentId: answered.assessment.id,
    questionKey: second!.key,
    body: "And the sub-processors?",
  });

  // A decision with a condition due in 10 days (counted) by the DPO who took no part.
  const conditional = await submittedScenario(organizationId);
  await forwardToDpo(conditional.assessor, conditional.assessment.id, "");
  const version = (await conditional.reload()).version;
  await decideAssessment(withRecentMfa(conditional.dpo), conditional.assessment.id, {
    outcome: "APPROVED_WITH_CONDITIONS",
    rationale: "Acceptable with a DPA amendment.",
    conditions: [{ text: "Sign the DPA amendment", dueDate: day(10) }],
    expectedVersion: version,
  });

  // Regulation changes: open (counted); triaged, dismissed (not).
  const instrument = await createTestInstrument(null);
  const open = await createTestChangeEvent(instrument, { summaryEn: "Open change" });
  const triaged = await createTestChangeEvent(instrument);
  const dismissed = await createTestChangeEvent(instrument, { dismissedAt: now });
  for (const [event, status] of [
    [open, "open"],
    [triaged, "applicable"],
    [dismissed, "open"],
  ] as const)
    await db().impactTriage.create({
      data: { organizationId, changeEventId: event.id, status, raisedAt: now },
    });

  // Certificates: one ends in 20 days (counted); one in 200 days, one of an archived vendor (not).
  const expiring = await createVendor({ organizationId, name: "Expiring Cert AG" });
  const later = await createVendor({ organizationId, name: "Later Cert AG" });
  const archived = await createVendor({ organizationId, name: "Archived Cert AG" });
  await db().vendor.update({
    where: { id: expiring.id },
    data: { certificateExpiry: new Date(now.getTime() + 20 * DAY_MS) },
  });
  await db().vendor.update({
    where: { id: later.id },
    data: { certificateExpiry: new Date(now.getTime() + 200 * DAY_MS) },
  });
  await db().vendor.update({
    where: { id: archived.id },
    data: { certificateExpiry: new Date(now.getTime() + 5 * DAY_MS), archivedAt: now },
  });

  // Members: every one enrolled but one; a deactivated one without a factor is not counted.
  const memberships = await db().membership.findMany({
    where: { organizationId },
    orderBy: { createdAt: "asc" },
    select: { id: true, userId: true, user: { select: { name: true } } },
  });
  await db().user.updateMany({
    where: { id: { in: memberships.map((m) => m.userId) } },
    data: { totpEnabledAt: now },
  });
  const [withoutMfa, deactivated] = [memberships[1]!, memberships[2]!];
  await db().user.updateMany({
    where: { id: { in: [withoutMfa.userId, deactivated.userId] } },
    data: { totpEnabledAt: null },
  });
  await db().membership.update({ where: { id: deactivated.id }, data: { deactivatedAt: now } });

  // Invitations: one pending (counted); expired, revoked, accepted (not).
  const invitedById = awaiting.admin.userId;
  await createInvitationRecord({ organizationId, invitedById, name: "Pending Person" });
  await createInvitationRecord({
    organizationId,
    invitedById,
    expiresAt: new Date(now.getTime() - DAY_MS),
  });
  await createInvitationRecord({ organizationId, invitedById, revokedAt: now });
  await createInvitationRecord({ organizationId, invitedById, acceptedAt: now });

  return {
    awaiting,
    submitted,
    overdue,
    answered,
    conditional,
    withoutMfaName: withoutMfa.user.name,
    openChangeId: open.id,
    expiringVendorId: expiring.id,
  };
}

function sectionsOf(page: HomePage) {
  return new Map(page.groups.flatMap((g) => g.sections).map((s) => [s.id, s]));
}

function counts(page: HomePage): Partial<Record<HomeSectionId, number>> {
  return Object.fromEntries([...sectionsOf(page)].map(([id, s]) => [id, s.count]));
}

let a: World;
let b: World;

beforeAll(async () => {
  a = await seedOrganization();
  b = await seedOrganization();
  expect(b.awaiting.org.id).not.toBe(a.awaiting.org.id);
}, 240_000);

const EXPECTED_DPO = { awaitingDecision: 1, conditionsDue: 1, impactsToTriage: 1 };
const EXPECTED_ASSESSOR = {
  submitted: 1,
  overdue: 1,
  clarificationsAnswered: 1,
  certificatesExpiring: 1,
};

describe("getHome: each role sees its own sections with its organisation's counts", () => {
  it("the DPO: awaiting decision, conditions due and changes to triage, the forwarded one on top", async () => {
    const page = await getHome(a.awaiting.dpo, { now });
    expect(page.groups.map((g) => g.id)).toEqual(["decisions"]);
    expect(counts(page)).toEqual(EXPECTED_DPO);
    const sections = sectionsOf(page);
    expect(sections.get("awaitingDecision")!.items[0]).toMatchObject({
      key: a.awaiting.assessment.id,
      title: a.awaiting.assessment.title,
      href: `/assessments/${a.awaiting.assessment.id}`,
      dateKind: "forwarded",
    });
    expect(sections.get("conditionsDue")!.items[0]).toMatchObject({
      key: a.conditional.assessment.id,
      dateKind: "due",
      date: `${day(10)}T23:59:59.000Z`,
    });
    expect(sections.get("impactsToTriage")!.items.map((i) => i.key)).toEqual([a.openChangeId]);
    expect(page.auditChain).toBeNull();
  });

  it("the assessor: submitted, overdue, clarifications answered, certificates expiring", async () => {
    const page = await getHome(a.awaiting.assessor, { now });
    expect(page.groups.map((g) => g.id)).toEqual(["assessments"]);
    expect(counts(page)).toEqual(EXPECTED_ASSESSOR);
    const sections = sectionsOf(page);
    expect(sections.get("submitted")!.items[0]!.key).toBe(a.submitted.assessment.id);
    expect(sections.get("overdue")!.items[0]!.key).toBe(a.overdue.assessment.id);
    expect(sections.get("clarificationsAnswered")!.items[0]).toMatchObject({
      key: a.answered.assessment.id,
      dateKind: "answered",
    });
    expect(sections.get("certificatesExpiring")!.items[0]).toMatchObject({
      key: a.expiringVendorId,
      dateKind: "expires",
    });
  });

  it("the admin: members without MFA and pending invitations, plus the DPO's and the assessor's", async () => {
    const page = await getHome(a.awaiting.admin, { now });
    expect(page.groups.map((g) => g.id)).toEqual(["members", "decisions", "assessments"]);
    expect(counts(page)).toEqual({
      membersWithoutMfa: 1,
      pendingInvitations: 1,
      ...EXPECTED_DPO,
      ...EXPECTED_ASSESSOR,
    });
    const sections = sectionsOf(page);
    expect(sections.get("membersWithoutMfa")!.items.map((i) => i.title)).toEqual([
      a.withoutMfaName,
    ]);
    expect(sections.get("pendingInvitations")!.items.map((i) => i.title)).toEqual([
      "Pending Person",
    ]);
  });

  it("the auditor: recent decisions with their outcome and an intact audit chain", async () => {
    const page = await getHome(a.awaiting.auditor, { now });
    expect(page.groups.map((g) => g.id)).toEqual(["audit"]);
    expect(counts(page)).toEqual({ recentDecisions: 1 });
    expect(sectionsOf(page).get("recentDecisions")!.items[0]).toMatchObject({
      title: a.conditional.assessment.title,
      status: "APPROVED_WITH_CONDITIONS",
      dateKind: "decided",
    });
    expect(page.auditChain).toMatchObject({ state: "intact", brokenSeq: null });
  });

  it("an altered audit event shows the chain as broken, in that organisation only", async () => {
    const organizationId = b.awaiting.org.id;
    const victim = await db().auditEvent.findFirstOrThrow({
      where: { organizationId },
      orderBy: { seq: "desc" },
    });
    await db().auditEvent.update({
      where: { id: victim.id },
      data: { payload: JSON.stringify({ altered: true }) },
    });
    expect((await getHome(b.awaiting.auditor, { now })).auditChain).toMatchObject({
      state: "broken",
      brokenSeq: victim.seq,
    });
    expect((await getHome(a.awaiting.auditor, { now })).auditChain).toMatchObject({
      state: "intact",
    });
  });
});

describe("each count opens a filtered list that shows the same set", () => {
  async function listedCount(actor: UserActor, href: string): Promise<number> {
    const url = new URL(href, "http://vetted.test");
    if (url.pathname === "/assessments") {
      const { filters, ignored } = parseAssessmentListFilters(url.searchParams);
      expect(ignored).toEqual([]);
      return (await listAssessments(actor, { filters }, now)).total;
    }
    if (url.pathname === "/admin/users" && url.searchParams.has("mfa")) {
      const { mfa } = parseMemberMfaFilter(url.searchParams.get("mfa"));
      return (await listMembers(actor, { mfa })).members.length;
    }
    if (url.pathname === "/admin/users") return (await listMembers(actor)).invitations.length;
    if (url.pathname === "/regulations/changes") {
      const { filters, errors } = parseChangeFeedFilters(url.searchParams);
      expect(errors).toEqual({});
      return (await listChangeEvents({ organizationId: actor.organizationId }, filters, { now }))
        .length;
    }
    if (url.pathname === "/portfolio") {
      const query = parsePortfolioParams(url.searchParams);
      return (await listPortfolio(actor, { query, now })).total;
    }
    if (url.pathname === "/audit") {
      const { query, errors } = parseAuditQuery(url.searchParams);
      expect(errors).toEqual({});
      return (await listAuditEvents(actor, query)).events.length;
    }
    throw new Error(`no list for ${href}`);
  }

  it("for every section of the admin's and the auditor's home", async () => {
    for (const actor of [a.awaiting.admin, a.awaiting.auditor]) {
      const page = await getHome(actor, { now });
      for (const section of page.groups.flatMap((g) => g.sections)) {
        // Invitations link to the list of open invitations, which also shows expired ones.
        const expected = section.id === "pendingInvitations" ? section.count + 1 : section.count;
        expect(await listedCount(actor, section.href), section.id).toBe(expected);
      }
    }
  });

  it("the other organisation's lists do not show this organisation's rows", async () => {
    const { filters } = parseAssessmentListFilters(new URLSearchParams("clarifications=answered"));
    const listed = await listAssessments(b.awaiting.assessor, { filters }, now);
    expect(listed.items.map((i) => i.id)).toEqual([b.answered.assessment.id]);
    const overdue = await listAssessments(
      b.awaiting.assessor,
      { filters: parseAssessmentListFilters(new URLSearchParams("overdue=1")).filters },
      now,
    );
    expect(overdue.items.map((i) => i.id)).toEqual([b.overdue.assessment.id]);
    const due = await listAssessments(
      b.awaiting.dpo,
      { filters: parseAssessmentListFilters(new URLSearchParams("conditions=due")).filters },
      now,
    );
    expect(due.items.map((i) => i.id)).toEqual([b.conditional.assessment.id]);
  });
});
