import { z } from "zod";
import { generateToken, sha256Hex } from "../../utils/crypto.server";
import { optionalDisplayNameSchema } from "../../utils/display-name-schema";
import { DomainError } from "../../utils/errors";
import { translate } from "../../utils/i18n";
import { lockRow } from "../../utils/row-lock.server";
import { inTransaction } from "../../utils/transaction.server";
import { VENDOR_EDITABLE } from "../assessments/assessment-status";
import { inviteTtlDaysOf, inviteUrl, localeOf } from "../assessments/create-invite-link.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { VendorActor } from "../auth/actor";
import { consumeRateLimit, type RateLimitRule } from "../auth/rate-limit.server";
import { enqueueMail } from "../mail/enqueue-mail.server";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import { parseSections } from "./invite-links.server";

/** Invitations one link may send per hour: a leaked session cannot turn Vetted into a mailer. */
export const DELEGATIONS_PER_LINK: RateLimitRule = { limit: 10, windowSeconds: 60 * 60 };

export const delegateSchema = z.object({
  contactEmail: z
    .email()
    .max(320)
    .transform((v) => v.trim().toLowerCase()),
  contactName: optionalDisplayNameSchema({ max: 200 })
    .transform((v) => v ?? undefined)
    .optional(),
  locale: z.enum(["en", "de"]).default("en"),
  sections: z.array(z.string().min(1).max(100)).min(1).max(100),
});
export type DelegateInput = z.infer<typeof delegateSchema>;

/**
 * A verified vendor contact invites a colleague to some of their own sections: a new link with
 * its own token, `delegatedById` = the contact's link, expiring no later than it. The colleague
 * gets the link by mail in the chosen language; the audit trail records invite.delegated.
 */
export async function delegateSections(actor: VendorActor, rawInput: DelegateInput) {
  // Parsed again here (idempotent): the colleague's name is stored cleaned whoever calls.
  const parsed = delegateSchema.safeParse(rawInput);
  if (!parsed.success) throw new DomainError("VALIDATION", "errors.delegationInvalid");
  const input = parsed.data;
  // Counted before the work (attempts, not only successes): parallel requests cannot overrun it.
  const limit = await consumeRateLimit(`delegate:link:${actor.inviteLinkId}`, DELEGATIONS_PER_LINK);
  if (limit.limited)
    throw new DomainError("RATE_LIMITED", "errors.tooManyInvitations", {
      retryAfterSeconds: limit.retryAfterSeconds,
      params: { seconds: limit.retryAfterSeconds },
    });
  const token = generateToken(32);
  const created = await inTransaction(async (tx) => {
    await lockRow(tx, "Assessment", actor.assessmentId);
    const delegator = await tx.inviteLink.findFirst({
      where: {
        id: actor.inviteLinkId,
        organizationId: actor.organizationId,
        assessmentId: actor.assessmentId,
      },
      select: {
        id: true,
        contactEmail: true,
        contactName: true,
        sections: true,
        expiresAt: true,
        revokedAt: true,
        assessment: {
          select: {
            id: true,
            status: true,
            title: true,
            templateVersionId: true,
            inviteTtlDays: true,
            organization: { select: { name: true } },
          },
        },
      },
    });
    const now = new Date();
    if (!delegator || delegator.revokedAt || delegator.expiresAt.getTime() <= now.getTime())
      throw new DomainError("NOT_FOUND", "errors.inviteNotFound");
    if (!(VENDOR_EDITABLE as readonly string[]).includes(delegator.assessment.status)) {
      throw new DomainError("INVALID_STATE", "errors.questionnaireClosed");
    }
    const { definition } = await loadTemplateVersion(delegator.assessment.templateVersionId, tx);
    const own = new Set(parseSections(delegator.sections) ?? definition.sections.map((s) => s.key));
    const requested = [...new Set(input.sections)];
    const foreign = requested.filter(
      (key) => !own.has(key) || !definition.sections.some((s) => s.key === key),
    );
    if (foreign.length > 0)
      throw new DomainError("VALIDATION", "errors.delegationForeignSections", {
        sections: foreign,
      });
    // Template order, not the order of the form.
    const sections = definition.sections.filter((s) => requested.includes(s.key));
    const ttlEnd = now.getTime() + inviteTtlDaysOf(delegator.assessment) * 86_400_000;
    const expiresAt = new Date(Math.min(ttlEnd, delegator.expiresAt.getTime()));
    const invite = await tx.inviteLink.create({
      data: {
        organizationId: actor.organizationId,
        assessmentId: delegator.assessment.id,
        contactEmail: input.contactEmail,
        contactName: input.contactName || null,
        locale: input.locale,
        tokenHash: sha256Hex(token),
        expiresAt,
        sections: JSON.stringify(sections.map((s) => s.key)),
        delegatedById: delegator.id,
        createdById: null,
      },
      select: { id: true },
    });
    // Queued with the colleague's link: both commit, or neither (ADR 0028).
    const locale = localeOf(input.locale);
    const delegatorLabel = delegator.contactName
      ? `${delegator.contactName} (${delegator.contactEmail})`
      : delegator.contactEmail;
    await enqueueMail(tx, {
      to: input.contactEmail,
      organizationId: actor.organizationId,
      subject: translate(locale, "access.delegateMailSubject", { delegator: delegatorLabel }),
      text: translate(locale, "access.delegateMailBody", {
        name: input.contactName || input.contactEmail,
        delegator: delegatorLabel,
        organization: delegator.assessment.organization.name,
        title: delegator.assessment.title,
        sections: sections.map((s) => `- ${s.title[locale]}`).join("\n"),
        url: inviteUrl(token),
        expires: expiresAt.toISOString().slice(0, 10),
      }),
    });
    await recordAuditEvent(tx, actor, {
      action: "invite.delegated",
      target: { type: "invite", id: invite.id },
      payload: {
        assessmentId: delegator.assessment.id,
        contactEmail: input.contactEmail,
        sections: sections.map((s) => s.key),
        expiresAt: expiresAt.toISOString(),
      },
    });
    return { invite, delegator, sections, expiresAt };
  });

  const { sections, expiresAt } = created;
  return { inviteId: created.invite.id, expiresAt, sections: sections.map((s) => s.key) };
}
