import { db } from "../../utils/db.server";
import { inviteLinkStatus } from "../assessments/list-invite-links.server";
import type { VendorActor } from "../auth/actor";
import { parseSections } from "./invite-links.server";

/**
 * Who is answering which sections, for the portal page: the contact's own "done" (a delegated
 * colleague) and the colleagues this contact invited, each with their sections and whether they
 * said they are done (revoked and expired links are left out: they answer nothing any more).
 */
export async function delegationStatus(actor: VendorActor, now = Date.now()) {
  const own = await db().inviteLink.findFirst({
    where: { id: actor.inviteLinkId, organizationId: actor.organizationId },
    select: { sectionsDoneAt: true },
  });
  const invited = await db().inviteLink.findMany({
    where: {
      organizationId: actor.organizationId,
      assessmentId: actor.assessmentId,
      delegatedById: actor.inviteLinkId,
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      contactEmail: true,
      contactName: true,
      sections: true,
      sectionsDoneAt: true,
      expiresAt: true,
      revokedAt: true,
      rotatedAt: true,
    },
  });
  return {
    doneAt: own?.sectionsDoneAt ?? null,
    colleagues: invited
      .filter((link) => {
        const status = inviteLinkStatus(link, now);
        return status === "active" || status === "rotated";
      })
      .map((link) => ({
        id: link.id,
        contactEmail: link.contactEmail,
        contactName: link.contactName,
        sections: parseSections(link.sections) ?? [],
        doneAt: link.sectionsDoneAt,
      })),
  };
}
