import { DomainError } from "../../utils/errors";
import { translate } from "../../utils/i18n";
import { lockRow } from "../../utils/row-lock.server";
import { inTransaction } from "../../utils/transaction.server";
import { getEnv } from "../../utils/env.server";
import { VENDOR_EDITABLE } from "../assessments/assessment-status";
import { localeOf } from "../assessments/create-invite-link.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { VendorActor } from "../auth/actor";
import { enqueueMail } from "../mail/enqueue-mail.server";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import { parseSections } from "./invite-links.server";

/**
 * A delegated colleague says they are done with their sections: the link records when, the
 * contact who delegated is told by mail in their language (queued in the same transaction as the
 * change and its audit event, ADR 0028), and the portal shows the contact the colleague's status.
 * Saying it again changes nothing and sends no second mail. The main contact has nothing to be
 * "done" with (they submit).
 */
export async function markSectionsDone(actor: VendorActor, now = new Date()) {
  if (!actor.sections) throw new DomainError("FORBIDDEN", "errors.sectionsDoneDelegatesOnly");
  return inTransaction(async (tx) => {
    await lockRow(tx, "Assessment", actor.assessmentId);
    const link = await tx.inviteLink.findFirst({
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
        sectionsDoneAt: true,
        delegatedBy: { select: { contactEmail: true, contactName: true, locale: true } },
        assessment: { select: { status: true, title: true, templateVersionId: true } },
      },
    });
    if (!link) throw new DomainError("NOT_FOUND", "errors.inviteNotFound");
    if (!(VENDOR_EDITABLE as readonly string[]).includes(link.assessment.status))
      throw new DomainError("INVALID_STATE", "errors.questionnaireClosed");
    if (link.sectionsDoneAt) return { doneAt: link.sectionsDoneAt, alreadyDone: true };
    await tx.inviteLink.update({ where: { id: link.id }, data: { sectionsDoneAt: now } });
    // The delegator may have been removed since (SetNull): then nobody is left to tell.
    if (link.delegatedBy) {
      const locale = localeOf(link.delegatedBy.locale);
      const { definition } = await loadTemplateVersion(link.assessment.templateVersionId, tx);
      const keys = parseSections(link.sections) ?? [];
      const titles = definition.sections
        .filter((s) => keys.includes(s.key))
        .map((s) => `- ${s.title[locale]}`);
      const colleague = link.contactName
        ? `${link.contactName} (${link.contactEmail})`
        : link.contactEmail;
      await enqueueMail(tx, {
        to: link.delegatedBy.contactEmail,
        organizationId: actor.organizationId,
        subject: translate(locale, "portalFinish.doneMailSubject", { colleague }),
        text: translate(locale, "portalFinish.doneMailBody", {
          name: link.delegatedBy.contactName || link.delegatedBy.contactEmail,
          colleague,
          title: link.assessment.title,
          sections: titles.join("\n"),
          url: `${getEnv().APP_URL}/portal`,
        }),
      });
    }
    await recordAuditEvent(tx, actor, {
      action: "invite.sectionsDone",
      target: { type: "invite", id: link.id },
      payload: { assessmentId: actor.assessmentId, sections: parseSections(link.sections) ?? [] },
    });
    return { doneAt: now, alreadyDone: false };
  });
}
