import type { Tx } from "../../utils/db.server";
import { translate } from "../../utils/i18n";
import { assessmentUrl } from "./assessment-url.server";
import { notifyUsers } from "./notify-users.server";

/** The assessor who created the assessment is told that the vendor submitted it. */
export async function notifySubmitted(
  tx: Tx,
  organizationId: string,
  assessmentId: string,
): Promise<void> {
  const assessment = await tx.assessment.findFirst({
    where: { id: assessmentId, organizationId },
    select: { title: true, vendorId: true, createdById: true, vendor: { select: { name: true } } },
  });
  if (!assessment) return;
  const params = { title: assessment.title, vendor: assessment.vendor.name };
  await notifyUsers(tx, {
    organizationId,
    kind: "submitted",
    userIds: [assessment.createdById],
    assessmentId,
    vendorId: assessment.vendorId,
    params,
    mail: (locale) => ({
      subject: translate(locale, "assessments.submittedMailSubject", params),
      text: translate(locale, "assessments.submittedMailBody", {
        ...params,
        url: assessmentUrl(assessmentId),
      }),
    }),
  });
}
