import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { VENDOR_EDITABLE } from "../assessments/assessment-status";
import { inviteLinkStatus } from "../assessments/list-invite-links.server";
import type { VendorActor } from "../auth/actor";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import { parseSections } from "./invite-links.server";

/** What /portal/delegate shows: the sections this contact may pass on and their own delegations. */
export async function getDelegationPage(actor: VendorActor) {
  const link = await db().inviteLink.findFirst({
    where: { id: actor.inviteLinkId, organizationId: actor.organizationId },
    select: { sections: true, assessment: { select: { status: true, templateVersionId: true } } },
  });
  if (!link) throw new DomainError("NOT_FOUND", "errors.inviteNotFound");
  const { definition } = await loadTemplateVersion(link.assessment.templateVersionId);
  const own = parseSections(link.sections);
  const delegations = await db().inviteLink.findMany({
    where: { organizationId: actor.organizationId, delegatedById: actor.inviteLinkId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      contactEmail: true,
      contactName: true,
      locale: true,
      sections: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      rotatedAt: true,
      lastUsedAt: true,
    },
  });
  return {
    open: (VENDOR_EDITABLE as readonly string[]).includes(link.assessment.status),
    sections: definition.sections
      .filter((s) => !own || own.includes(s.key))
      .map((s) => ({ key: s.key, title: s.title })),
    delegations: delegations.map(({ sections, ...d }) => ({
      ...d,
      sections: parseSections(sections) ?? [],
      status: inviteLinkStatus(d),
    })),
  };
}
