import { translate } from "../../utils/i18n";
import type { Tx } from "../../utils/db.server";
import { newLinkFooter } from "../notifications/new-link-footer.server";
import { enqueueMail } from "../mail/enqueue-mail.server";
import { sectionVisible } from "../clarifications/clarification-access.server";
import { activeVendorContacts, oncePerAddress } from "../mail/vendor-contacts.server";
import type { TemplateQuestionWithSection } from "../questionnaires/template-definition";

/**
 * Tells every active vendor contact (link neither revoked nor expired) that changes were
 * requested, in the contact's language, listing the reopened questions they can see. The mail
 * carries no invite token: the contact signs in with the link they already have, or asks for a
 * new one from the address at its end. Queued in the
 * request's transaction (ADR 0028): a mail that cannot be delivered yet is retried, and never
 * undoes the request.
 */
export async function mailChangeRequest(
  tx: Tx,
  input: {
    organizationId: string;
    assessmentId: string;
    message: string;
    questions: TemplateQuestionWithSection[];
  },
): Promise<void> {
  const found = await activeVendorContacts(tx, input.organizationId, input.assessmentId);
  if (!found) return;
  // A delegated colleague none of whose questions were reopened has nothing to do.
  const recipients = found.contacts
    .map((contact) => ({
      ...contact,
      visible: input.questions.filter((q) => sectionVisible(contact.sections, q.sectionKey)),
    }))
    .filter((contact) => contact.visible.length > 0);
  for (const { email, locale, visible, inviteId } of oncePerAddress(recipients)) {
    const vars = {
      organization: found.organizationName,
      title: found.title,
      message: input.message,
      questions: visible.map((q) => `- ${q.label[locale]}`).join("\n"),
    };
    await enqueueMail(tx, {
      organizationId: input.organizationId,
      to: email,
      subject: translate(locale, "review.changesMailSubject", vars),
      text: translate(locale, "review.changesMailBody", vars) + newLinkFooter(locale, inviteId),
    });
  }
}
