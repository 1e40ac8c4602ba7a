import type { Tx } from "../../utils/db.server";
import { labelKey, translate, type Locale } from "../../utils/i18n";
import type { UserActor } from "../auth/actor";
import { enqueueMail } from "../mail/enqueue-mail.server";
import { recipientLocale } from "../mail/recipient-locale";
import { oncePerAddress } from "../mail/vendor-contacts.server";
import { assessmentUrl } from "./assessment-url.server";
import { notifyUsers } from "./notify-users.server";

export interface DecidedEvent {
  assessmentId: string;
  outcome: string;
  conditions: readonly { text: string; dueDate: string }[];
}

function outcomeLabel(locale: Locale, outcome: string): string {
  const key = labelKey("assessments.status", outcome);
  return key ? translate(locale, key) : outcome;
}

/**
 * After a decision: the assessor who created and the one who forwarded the assessment get it in
 * their inbox (and by mail, per preference); the vendor's main contacts get a mail with the
 * outcome and the conditions. Vendor mails never carry the rationale: it is the organisation's
 * internal reasoning.
 */
export async function notifyDecided(tx: Tx, actor: UserActor, event: DecidedEvent): Promise<void> {
  const assessment = await tx.assessment.findFirst({
    where: { id: event.assessmentId, organizationId: actor.organizationId },
    select: {
      title: true,
      vendorId: true,
      createdById: true,
      forwardedById: true,
      vendor: { select: { name: true } },
      organization: { select: { name: true } },
    },
  });
  if (!assessment) return;
  const params = {
    title: assessment.title,
    vendor: assessment.vendor.name,
    actor: actor.name,
    outcomeCode: event.outcome,
  };
  await notifyUsers(tx, {
    organizationId: actor.organizationId,
    kind: "decided",
    userIds: [assessment.createdById, assessment.forwardedById].filter(
      (id): id is string => typeof id === "string",
    ),
    exceptUserId: actor.userId,
    assessmentId: event.assessmentId,
    vendorId: assessment.vendorId,
    params,
    mail: (locale) => {
      const vars = { ...params, outcome: outcomeLabel(locale, event.outcome) };
      return {
        subject: translate(locale, "notifications.decidedMailSubject", vars),
        text: translate(locale, "notifications.decidedMailBody", {
          ...vars,
          url: assessmentUrl(event.assessmentId),
        }),
      };
    },
  });
  // The main contacts (not colleagues delegated to some sections) of links not revoked: the mail
  // carries no token, so an expired link's contact may still be told.
  const links = await tx.inviteLink.findMany({
    where: {
      assessmentId: event.assessmentId,
      organizationId: actor.organizationId,
      revokedAt: null,
      delegatedById: null,
    },
    orderBy: { createdAt: "asc" },
    select: { contactEmail: true, locale: true },
  });
  const contacts = oncePerAddress(
    links.map((l) => ({ email: l.contactEmail, locale: recipientLocale(l.locale) })),
  );
  for (const { email, locale } of contacts) {
    const conditions =
      event.conditions.length === 0
        ? ""
        : translate(locale, "notifications.vendorDecidedConditions", {
            list: event.conditions
              .map((c) => translate(locale, "notifications.vendorConditionLine", c))
              .join("\n"),
          });
    const vars = {
      organization: assessment.organization.name,
      title: assessment.title,
      outcome: outcomeLabel(locale, event.outcome),
      conditions,
    };
    await enqueueMail(tx, {
      organizationId: actor.organizationId,
      to: email,
      subject: translate(locale, "notifications.vendorDecidedMailSubject", vars),
      text: translate(locale, "notifications.vendorDecidedMailBody", vars),
    });
  }
}
