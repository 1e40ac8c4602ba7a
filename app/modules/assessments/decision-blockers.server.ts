import { db, type Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { UserActor } from "../auth/actor";

/**
 * Separation of duties (four-eyes principle) over the whole history of an assessment, every
 * round included: who took part in preparing it may not decide it, even after becoming DPO
 * later and even when someone else forwarded the latest round. The history is the audit trail
 * (written in the same transaction as each change, so complete) plus the stored creator and
 * forwarder. One function for the decision use case and for the page that offers the decision.
 */
export const DECISION_BLOCKERS = [
  "created",
  "forwarded",
  "requested_changes",
  "reviewed",
  "answered_for_vendor",
] as const;
export type DecisionBlocker = (typeof DECISION_BLOCKERS)[number];

/**
 * What a member did that excludes them, by audit action. Comments are not here on purpose: DPOs
 * may comment on what they are about to decide. Findings, clarifications and change requests
 * are the assessors' review work (only ASSESSOR and ADMIN can do them), so whoever did them then
 * has a role in the outcome.
 */
const USER_ACTIONS: Record<string, DecisionBlocker> = {
  "assessment.created": "created",
  // Starting a re-review creates it (also when the DPO starts it: another DPO decides it).
  "assessment.re_review_started": "created",
  "assessment.forwarded": "forwarded",
  "assessment.changes_requested": "requested_changes",
  "finding.created": "reviewed",
  "finding.updated": "reviewed",
  "finding.deleted": "reviewed",
  "clarification.asked": "reviewed",
  "clarification.replied": "reviewed",
  "clarification.resolved": "reviewed",
};

/** What a vendor contact does when answering for the vendor. */
const VENDOR_ANSWER_ACTIONS = [
  "answers.saved",
  "evidence.uploaded",
  "evidence.removed",
  "assessment.submitted",
  "clarification.replied",
  "invite.delegated",
];

/** Why `actor` may not decide the assessment, in DECISION_BLOCKERS order; empty: they may. */
export async function decisionBlockers(
  actor: UserActor,
  assessmentId: string,
  client: Tx | ReturnType<typeof db> = db(),
): Promise<DecisionBlocker[]> {
  const assessment = await client.assessment.findFirst({
    where: { id: assessmentId, organizationId: actor.organizationId },
    select: { id: true, createdById: true, forwardedById: true },
  });
  if (!assessment) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
  const found = new Set<DecisionBlocker>();
  if (assessment.createdById === actor.userId) found.add("created");
  if (assessment.forwardedById === actor.userId) found.add("forwarded");

  // Events name the assessment as their target or (findings, clarifications) in their payload,
  // which is canonical JSON: `"assessmentId":"<id>"` appears verbatim.
  const own = await client.auditEvent.findMany({
    where: {
      organizationId: actor.organizationId,
      actorType: "user",
      actorId: actor.userId,
      action: { in: Object.keys(USER_ACTIONS) },
      OR: [
        { targetType: "assessment", targetId: assessment.id },
        { payload: { contains: `"assessmentId":"${assessment.id}"` } },
      ],
    },
    select: { action: true },
  });
  for (const event of own) found.add(USER_ACTIONS[event.action]!);

  // Answering for the vendor: a link of this assessment (own or delegated) addressed to this
  // member's e-mail address, with which something was answered, uploaded or submitted.
  const links = await client.inviteLink.findMany({
    where: { assessmentId: assessment.id, organizationId: actor.organizationId },
    select: { id: true, contactEmail: true },
  });
  const ownLinks = links
    .filter((link) => link.contactEmail.trim().toLowerCase() === actor.email.trim().toLowerCase())
    .map((link) => link.id);
  if (ownLinks.length > 0) {
    const answered = await client.auditEvent.count({
      where: {
        organizationId: actor.organizationId,
        actorType: "vendor",
        actorId: { in: ownLinks },
        action: { in: VENDOR_ANSWER_ACTIONS },
      },
    });
    if (answered > 0) found.add("answered_for_vendor");
  }
  return DECISION_BLOCKERS.filter((blocker) => found.has(blocker));
}
