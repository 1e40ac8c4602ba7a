import { z } from "zod";
import { generateToken, sha256Hex } from "../../utils/crypto.server";
import { getEnv } from "../../utils/env.server";
import { DomainError } from "../../utils/errors";
import { translate, type Locale } from "../../utils/i18n";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { sendMail } from "../mail/send-mail.server";
import { assertTransition } from "./assessment-status";
import { requireAssessmentWriter } from "./permissions";

export const createInviteSchema = z.object({
  contactEmail: z.email().max(320).transform((v) => v.trim().toLowerCase()),
  contactName: z.string().trim().max(200).optional(),
  ttlDays: z.coerce.number().int().min(1).max(180).optional(),
  locale: z.enum(["en", "de"]).default("en"),
});
export type CreateInviteInput = z.infer<typeof createInviteSchema>;

export function inviteUrl(token: string): string {
  return `${getEnv().APP_URL}/invite/${token}`;
}

/**
 * Creates an invite link for one vendor contact: 32 random bytes, only the SHA-256 stored. The
 * plain link is returned once (to show the assessor) and mailed to the contact; it never reaches
 * logs or the audit trail.
 */
export async function createInviteLink(actor: UserActor, assessmentId: string, input: CreateInviteInput) {
  requireAssessmentWriter(actor);
  const token = generateToken(32);
  const ttlDays = input.ttlDays ?? getEnv().INVITE_TTL_DAYS;
  const { invite, assessment } = await inTransaction(async (tx) => {
    const assessment = await tx.assessment.findFirst({
      where: { id: assessmentId, organizationId: actor.organizationId },
      select: { id: true, status: true, title: true, vendor: { select: { name: true } }, organization: { select: { name: true } } },
    });
    if (!assessment) throw new DomainError("NOT_FOUND", "Assessment not found");
    if (assessment.status === "DRAFT") {
      assertTransition(assessment.status, "INVITED");
      await tx.assessment.update({ where: { id: assessment.id }, data: { status: "INVITED", version: { increment: 1 } } });
    } else if (!["INVITED", "IN_PROGRESS", "CHANGES_REQUESTED"].includes(assessment.status)) {
      throw new DomainError("INVALID_STATE", "Invites can only be sent while the vendor is answering");
    }
    const invite = await tx.inviteLink.create({
      data: {
        organizationId: actor.organizationId,
        assessmentId: assessment.id,
        contactEmail: input.contactEmail,
        contactName: input.contactName || null,
        tokenHash: sha256Hex(token),
        expiresAt: new Date(Date.now() + ttlDays * 86_400_000),
        createdById: actor.userId,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "invite.created",
      target: { type: "invite", id: invite.id },
      payload: { assessmentId: assessment.id, contactEmail: input.contactEmail, ttlDays },
    });
    return { invite, assessment };
  });
  const url = inviteUrl(token);
  const locale: Locale = input.locale;
  await sendMail({
    to: input.contactEmail,
    subject: translate(locale, "assessments.inviteMailSubject", { organization: assessment.organization.name }),
    text: translate(locale, "assessments.inviteMailBody", {
      name: input.contactName || input.contactEmail,
      organization: assessment.organization.name,
      title: assessment.title,
      url,
      expires: invite.expiresAt.toISOString().slice(0, 10),
    }),
  });
  return { inviteId: invite.id, url, expiresAt: invite.expiresAt };
}
