import type { Tx } from "../../utils/db.server";
import { translate } from "../../utils/i18n";
import { sectionVisible } from "../clarifications/clarification-access.server";
import { enqueueMail } from "../mail/enqueue-mail.server";
import { activeVendorContacts, oncePerAddress } from "../mail/vendor-contacts.server";
import type { TemplateQuestionWithSection } from "../questionnaires/template-definition";
import { newLinkFooter } from "./new-link-footer.server";

/**
 * A comment the vendor may see is mailed to the contacts who may see it, in their language: one
 * on a question to those whose sections include it, one on the whole assessment to the main
 * contacts only (as the portal shows them, comments.server.ts). No sign-in token: a "new link"
 * address instead.
 */
export async function notifyVendorComment(
  tx: Tx,
  input: {
    organizationId: string;
    assessmentId: string;
    question: TemplateQuestionWithSection | null;
    body: string;
  },
): Promise<void> {
  const found = await activeVendorContacts(tx, input.organizationId, input.assessmentId);
  if (!found) return;
  const { question } = input;
  const recipients = found.contacts.filter((contact) =>
    question ? sectionVisible(contact.sections, question.sectionKey) : contact.sections === null,
  );
  for (const { email, locale, inviteId } of oncePerAddress(recipients)) {
    const vars = {
      organization: found.organizationName,
      title: found.title,
      body: input.body,
      question: question
        ? translate(locale, "notifications.vendorCommentQuestion", {
            question: question.label[locale],
          })
        : "",
    };
    await enqueueMail(tx, {
      organizationId: input.organizationId,
      to: email,
      subject: translate(locale, "notifications.vendorCommentMailSubject", vars),
      text:
        translate(locale, "notifications.vendorCommentMailBody", vars) +
        newLinkFooter(locale, inviteId),
    });
  }
}
