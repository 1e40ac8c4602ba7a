import { requireEntityId } from "../../utils/entity-id";
import { z } from "zod";
import { generateToken, sha256Hex } from "../../utils/crypto.server";
import { getEnv } from "../../utils/env.server";
import { optionalDisplayNameSchema } from "../../utils/display-name-schema";
import { DomainError } from "../../utils/errors";
import { isLocale, translate, type Locale } from "../../utils/i18n";
import { lockRow } from "../../utils/row-lock.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { enqueueMail } from "../mail/enqueue-mail.server";
import { assertTransition } from "./assessment-status";
import { requireAssessmentWriter } from "./permissions";
import { refreshPortfolioOfAssessment } from "../portfolio/refresh-vendor-portfolio.server";

export const MIN_INVITE_TTL_DAYS = 1;
export const MAX_INVITE_TTL_DAYS = 180;

export const createInviteSchema = z.object({
  contactEmail: z
    .email()
    .max(320)
    .transform((v) => v.trim().toLowerCase()),
  contactName: optionalDisplayNameSchema({ max: 200 })
    .transform((v) => v ?? undefined)
    .optional(),
  // Empty field: the assessment's own setting (or INVITE_TTL_DAYS).
  ttlDays: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(MIN_INVITE_TTL_DAYS).max(MAX_INVITE_TTL_DAYS).optional(),
  ),
  locale: z.enum(["en", "de"]).default("en"),
});
export type CreateInviteInput = z.infer<typeof createInviteSchema>;

export function inviteUrl(token: string): string {
  return `${getEnv().APP_URL}/invite/${token}`;
}

/** Lifetime of new links of an assessment: its own setting, else INVITE_TTL_DAYS. */
export function inviteTtlDaysOf(assessment: { inviteTtlDays: number | null }): number {
  return assessment.inviteTtlDays ?? getEnv().INVITE_TTL_DAYS;
}

/** Links can be sent while the vendor is answering (and from a draft, which they start). */
export const INVITABLE_STATUSES = ["DRAFT", "INVITED", "IN_PROGRESS", "CHANGES_REQUESTED"];

export function localeOf(value: string): Locale {
  return isLocale(value) ? value : "en";
}

/**
 * Creates an invite link for one vendor contact: 32 random bytes, only the SHA-256 stored. The
 * plain link is returned once (to show the assessor) and mailed to the contact in their
 * language; it never reaches logs or the audit trail. A validity given here becomes the
 * assessment's setting for later links and re-issues.
 */
export async function createInviteLink(
  actor: UserActor,
  rawAssessmentId: string,
  rawInput: CreateInviteInput,
) {
  requireAssessmentWriter(actor);
  const assessmentId = requireEntityId(rawAssessmentId, "Assessment");
  // Parsed again here (idempotent): the contact's name is stored cleaned whoever calls.
  const parsed = createInviteSchema.safeParse(rawInput);
  if (!parsed.success) throw new DomainError("VALIDATION", "errors.inviteInputInvalid");
  const input = parsed.data;
  const token = generateToken(32);
  const { invite, ttlDays } = await inTransaction(async (tx) => {
    await lockRow(tx, "Assessment", assessmentId);
    const assessment = await tx.assessment.findFirst({
      where: { id: assessmentId, organizationId: actor.organizationId },
      select: {
        id: true,
        status: true,
        title: true,
        inviteTtlDays: true,
        organization: { select: { name: true } },
      },
    });
    if (!assessment) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
    if (assessment.status === "DRAFT") {
      assertTransition(assessment.status, "INVITED");
      await tx.assessment.update({
        where: { id: assessment.id },
        data: { status: "INVITED", version: { increment: 1 } },
      });
      await refreshPortfolioOfAssessment(tx, actor.organizationId, assessment.id);
    } else if (!INVITABLE_STATUSES.includes(assessment.status)) {
      throw new DomainError("INVALID_STATE", "errors.invitesOnlyWhileAnswering");
    }
    const ttlDays = input.ttlDays ?? inviteTtlDaysOf(assessment);
    if (input.ttlDays !== undefined && input.ttlDays !== assessment.inviteTtlDays) {
      await tx.assessment.update({
        where: { id: assessment.id },
        data: { inviteTtlDays: input.ttlDays },
      });
    }
    const invite = await tx.inviteLink.create({
      data: {
        organizationId: actor.organizationId,
        assessmentId: assessment.id,
        contactEmail: input.contactEmail,
        contactName: input.contactName || null,
        locale: input.locale,
        tokenHash: sha256Hex(token),
        expiresAt: new Date(Date.now() + ttlDays * 86_400_000),
        createdById: actor.userId,
      },
    });
    // Queued with the link: the mail goes out if and only if the link exists (ADR 0028).
    const locale = localeOf(input.locale);
    await enqueueMail(tx, {
      to: input.contactEmail,
      organizationId: actor.organizationId,
      subject: translate(locale, "assessments.inviteMailSubject", {
        organization: assessment.organization.name,
      }),
      text: translate(locale, "assessments.inviteMailBody", {
        name: input.contactName || input.contactEmail,
        organization: assessment.organization.name,
        title: assessment.title,
        url: inviteUrl(token),
        expires: invite.expiresAt.toISOString().slice(0, 10),
      }),
    });
    await recordAuditEvent(tx, actor, {
      action: "invite.created",
      target: { type: "invite", id: invite.id },
      payload: {
        assessmentId: assessment.id,
        contactEmail: input.contactEmail,
        ttlDays,
        locale: input.locale,
      },
    });
    return { invite, ttlDays };
  });
  const url = inviteUrl(token);
  return { inviteId: invite.id, url, expiresAt: invite.expiresAt, ttlDays };
}
