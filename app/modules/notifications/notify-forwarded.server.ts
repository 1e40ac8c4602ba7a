import type { Tx } from "../../utils/db.server";
import { translate } from "../../utils/i18n";
import type { UserActor } from "../auth/actor";
import { assessmentUrl } from "./assessment-url.server";
import { notifyUsers } from "./notify-users.server";

/** Every active DPO of the organisation is told that an assessment awaits their decision. */
export async function notifyForwarded(
  tx: Tx,
  actor: UserActor,
  assessmentId: string,
): Promise<void> {
  const assessment = await tx.assessment.findFirst({
    where: { id: assessmentId, organizationId: actor.organizationId },
    select: { title: true, vendorId: true, vendor: { select: { name: true } } },
  });
  if (!assessment) return;
  const dpos = await tx.membership.findMany({
    where: { organizationId: actor.organizationId, role: "DPO", deactivatedAt: null },
    select: { userId: true },
  });
  const params = { title: assessment.title, vendor: assessment.vendor.name, actor: actor.name };
  await notifyUsers(tx, {
    organizationId: actor.organizationId,
    kind: "forwarded",
    userIds: dpos.map((d) => d.userId),
    exceptUserId: actor.userId,
    assessmentId,
    vendorId: assessment.vendorId,
    params,
    mail: (locale) => ({
      subject: translate(locale, "notifications.forwardedMailSubject", params),
      text: translate(locale, "notifications.forwardedMailBody", {
        ...params,
        url: assessmentUrl(assessmentId),
      }),
    }),
  });
}
