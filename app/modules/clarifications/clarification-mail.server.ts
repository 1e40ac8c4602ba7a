import type { Tx } from "../../utils/db.server";
import { translate } from "../../utils/i18n";
import { enqueueMail } from "../mail/enqueue-mail.server";
import { assessmentUrl } from "../notifications/assessment-url.server";
import { newLinkFooter } from "../notifications/new-link-footer.server";
import { notifyUsers } from "../notifications/notify-users.server";
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
 * forwarded or read by a scanner, so the contact signs in with the link they already have, or
 * asks for a new one from the address at the end (sent to the contact address only).
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
  for (const { email, locale, inviteId } of oncePerAddress(recipients)) {
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
      text:
        translate(
          locale,
          input.kind === "asked"
            ? "clarifications.askedMailBody"
            : "clarifications.repliedToVendorMailBody",
          vars,
        ) + newLinkFooter(locale, inviteId),
    });
  }
}

/**
 * Tells the user who created the assessment, in their language, that a vendor contact replied:
 * an inbox notification and a mail, per the user's preference (ADR 0042). Only while the creator
 * is still an active member: a former colleague is told nothing (notifyUsers checks it).
 */
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
    select: { title: true, vendorId: true, createdById: true, vendor: { select: { name: true } } },
  });
  if (!assessment) return;
  const params = { title: assessment.title, vendor: assessment.vendor.name };
  await notifyUsers(tx, {
    organizationId: input.organizationId,
    kind: "vendorReplied",
    userIds: [assessment.createdById],
    assessmentId: input.assessmentId,
    vendorId: assessment.vendorId,
    params,
    mail: (locale) => {
      const vars = {
        ...params,
        author: input.authorLabel,
        question: input.question[locale],
        body: input.body,
        url: assessmentUrl(input.assessmentId),
      };
      return {
        subject: translate(locale, "clarifications.vendorRepliedMailSubject", vars),
        text: translate(locale, "clarifications.vendorRepliedMailBody", vars),
      };
    },
  });
}
