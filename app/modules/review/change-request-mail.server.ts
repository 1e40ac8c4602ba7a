import { db } from "../../utils/db.server";
import { translate } from "../../utils/i18n";
import { logger } from "../../utils/logger.server";
import { recipientLocale } from "../mail/recipient-locale";
import { sendMail } from "../mail/send-mail.server";
import { parseSections, sectionVisible } from "../clarifications/clarification-access.server";
import type { TemplateQuestionWithSection } from "../questionnaires/template-definition";

/**
 * Tells every active vendor contact (link neither revoked nor expired) that changes were
 * requested, in the contact's language, listing the reopened questions they can see. The mail
 * carries no invite token: the contact signs in with the link they already have.
 */
export async function mailChangeRequest(input: {
  organizationId: string;
  assessmentId: string;
  message: string;
  questions: TemplateQuestionWithSection[];
}): Promise<void> {
  const assessment = await db().assessment.findFirst({
    where: { id: input.assessmentId, organizationId: input.organizationId },
    select: { title: true, organization: { select: { name: true } } },
  });
  if (!assessment) return;
  const links = await db().inviteLink.findMany({
    where: { assessmentId: input.assessmentId, organizationId: input.organizationId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "asc" },
    select: { contactEmail: true, locale: true, sections: true },
  });
  const mailed = new Set<string>();
  for (const link of links) {
    const sections = parseSections(link.sections);
    const visible = input.questions.filter((q) => sectionVisible(sections, q.sectionKey));
    // A delegated colleague none of whose questions were reopened has nothing to do.
    if (visible.length === 0) continue;
    const address = link.contactEmail.toLowerCase();
    if (mailed.has(address)) continue;
    mailed.add(address);
    const locale = recipientLocale(link.locale);
    const vars = {
      organization: assessment.organization.name,
      title: assessment.title,
      message: input.message,
      questions: visible.map((q) => `- ${q.label[locale]}`).join("\n"),
    };
    try {
      await sendMail({
        organizationId: input.organizationId,
        to: link.contactEmail,
        subject: translate(locale, "review.changesMailSubject", vars),
        text: translate(locale, "review.changesMailBody", vars),
      });
    } catch (error) {
      logger.error("review.change_request_mail_failed", { reason: error instanceof Error ? error.name : "unknown" });
    }
  }
}
