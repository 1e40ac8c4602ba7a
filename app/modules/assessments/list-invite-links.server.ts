import { z } from "zod";
import { entityIdInput, requireEntityId } from "../../utils/entity-id";
import { parseUseCaseInput } from "../../utils/validation-messages";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { UserActor } from "../auth/actor";
import { parseSections } from "../portal/invite-links.server";
import { inviteTtlDaysOf } from "./create-invite-link.server";
import { expiresBeforeDue } from "./invite-expiry";

export type InviteLinkStatus = "active" | "rotated" | "expired" | "revoked";

/** Revoked and expired end a link; "rotated" is an active link whose token was re-issued. */
export function inviteLinkStatus(
  link: { revokedAt: Date | null; expiresAt: Date; rotatedAt: Date | null },
  now = Date.now(),
): InviteLinkStatus {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt.getTime() <= now) return "expired";
  return link.rotatedAt ? "rotated" : "active";
}

export const listInviteLinksInputSchema = z.object({ assessmentId: entityIdInput });
export type ListInviteLinksInput = z.input<typeof listInviteLinksInputSchema>;

/**
 * The assessor's view of an assessment's invite links: contact, language, dates, last use
 * (stored coarse: IPv4 /24, IPv6 /48), status, delegated sections and who delegated. Never the
 * token hash.
 */
export async function listInviteLinks(actor: UserActor, rawAssessmentId: string) {
  const input = parseUseCaseInput(listInviteLinksInputSchema, { assessmentId: rawAssessmentId });
  const assessmentId = requireEntityId(input.assessmentId, "Assessment");
  const assessment = await db().assessment.findFirst({
    where: { id: assessmentId, organizationId: actor.organizationId },
    select: { id: true, inviteTtlDays: true, dueDate: true },
  });
  if (!assessment) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
  const links = await db().inviteLink.findMany({
    where: { assessmentId: assessment.id, organizationId: actor.organizationId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      contactEmail: true,
      contactName: true,
      locale: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      rotatedAt: true,
      lastUsedAt: true,
      lastUsedIp: true,
      lastUsedUserAgent: true,
      useCount: true,
      sections: true,
      delegatedBy: { select: { id: true, contactEmail: true, contactName: true } },
    },
  });
  return {
    ttlDays: inviteTtlDaysOf(assessment),
    dueDate: assessment.dueDate,
    links: links.map(({ sections, ...link }) => {
      const status = inviteLinkStatus(link);
      return {
        ...link,
        sections: parseSections(sections),
        status,
        // Warned, not extended silently: see invite-expiry.ts.
        expiresBeforeDue: expiresBeforeDue(
          { expiresAt: link.expiresAt, status },
          assessment.dueDate,
        ),
      };
    }),
  };
}

/**
 * Who gave an answer: `Answer.updatedBy` is "vendor:<inviteLinkId>" for vendor contacts. Maps each
 * such key of the assessment's links to the contact's e-mail and name.
 */
export async function contactLabelsFor(
  organizationId: string,
  assessmentId: string,
): Promise<Map<string, { email: string; name: string | null }>> {
  const links = await db().inviteLink.findMany({
    where: { organizationId, assessmentId },
    select: { id: true, contactEmail: true, contactName: true },
  });
  return new Map(
    links.map((l) => [`vendor:${l.id}`, { email: l.contactEmail, name: l.contactName }]),
  );
}
