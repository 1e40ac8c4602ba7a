import type { Tx } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import { translate } from "../../utils/i18n";
import { enqueueMail } from "../mail/enqueue-mail.server";
import { recipientLocale } from "../mail/recipient-locale";
import type { LocalizedText } from "../questionnaires/template-definition";
import { activeVendorContacts, oncePerAddress } from "../mail/vendor-contacts.server";
import { sectionVisible } from "./clarification-access.server";

/**
 * Mails about clarifications, queued in the transaction that stores the message (ADR 0028): a mail
 * that cannot be delivered yet is retried and never undoes the message.
 */

/**
 * Tells every active vendor contact (link neither revoked nor expired) who may see the question's
 * section that the organisation asked or wrote. The mail carries no invite token: a mail can be
 * forwarded or read by a scanner, so the contact signs in with the link they already have.
 */
export async function mailVendorContacts(
  tx: Tx,
  input: {
    organizationId: string;
    assessmentId: string;
    sectionKey: string;
    question: LocalizedText;
    body: string;
    kind: "asked" | "replied";
  },
): Promise<void> {
  const found = await activeVendorContacts(tx, input.organizationId, input.assessmentId);
  if (!found) return;
  const recipients = found.contacts.filter((contact) =>
    sectionVisible(contact.sections, input.sectionKey),
  );
  for (const { email, locale } of oncePerAddress(recipients)) {
    const vars = {
      organization: found.organizationName,
      question: input.question[locale],
      title: found.title,
      body: input.body,
    };
    await enqueueMail(tx, {
      organizationId: input.organizationId,
      to: email,
      subject: translate(
        locale,
        input.kind === "asked"
          ? "clarifications.askedMailSubject"
          : "clarifications.repliedToVendorMailSubject",
        vars,
      ),
      text: translate(
        locale,
        input.kind === "asked"
          ? "clarifications.askedMailBody"
          : "clarifications.repliedToVendorMailBody",
        vars,
      ),
    });
  }
}

/** Tells the user who created the assessment, in their language, that a vendor contact replied. */
export async function mailAssessmentCreator(
  tx: Tx,
  input: {
    organizationId: string;
    assessmentId: string;
    question: LocalizedText;
    body: string;
    authorLabel: string;
  },
): Promise<void> {
  const assessment = await tx.assessment.findFirst({
    where: { id: input.assessmentId, organizationId: input.organizationId },
    select: { title: true, createdById: true, vendor: { select: { name: true } } },
  });
  if (!assessment) return;
  // Only while the creator is still an active member: a former colleague gets no assessment mail.
  const membership = await tx.membership.findFirst({
    where: {
      organizationId: input.organizationId,
      userId: assessment.createdById,
      deactivatedAt: null,
    },
    select: { user: { select: { email: true, locale: true } } },
  });
  if (!membership) return;
  const creator = membership.user;
  const locale = recipientLocale(creator.locale);
  const vars = {
    vendor: assessment.vendor.name,
    author: input.authorLabel,
    question: input.question[locale],
    title: assessment.title,
    body: input.body,
    url: `${getEnv().APP_URL}/assessments/${input.assessmentId}`,
  };
  await enqueueMail(tx, {
    organizationId: input.organizationId,
    to: creator.email,
    subject: translate(locale, "clarifications.vendorRepliedMailSubject", vars),
    text: translate(locale, "clarifications.vendorRepliedMailBody", vars),
  });
}
