import { db, type Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { UserActor, VendorActor } from "../auth/actor";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import {
  questionsOf,
  type TemplateQuestionWithSection,
} from "../questionnaires/template-definition";

type Client = Tx | ReturnType<typeof db>;

/**
 * Decided and cancelled assessments are a closed record: the DPO decided on the threads as they
 * were, so nobody adds to them any more. Everything before (even a draft) accepts clarifications.
 */
const CLOSED_STATUSES: readonly string[] = [
  "APPROVED",
  "APPROVED_WITH_CONDITIONS",
  "REJECTED",
  "CANCELLED",
];

export function assertOpenForClarifications(status: string): void {
  if (CLOSED_STATUSES.includes(status)) {
    throw new DomainError("INVALID_STATE", "errors.clarificationsClosed");
  }
}

/** The assessment if it belongs to the organisation; a foreign or unknown id is NOT_FOUND. */
export async function findOrgAssessment(
  client: Client,
  organizationId: string,
  assessmentId: string,
) {
  const assessment = await client.assessment.findFirst({
    where: { id: assessmentId, organizationId },
    select: { id: true, status: true, templateVersionId: true },
  });
  if (!assessment) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
  return assessment;
}

/**
 * For routes: answers 404 for another organisation's (or an unknown) assessment before the form
 * is even read, so a bad form cannot tell a foreign id from a missing one.
 */
export async function requireOrgAssessment(actor: UserActor, assessmentId: string): Promise<void> {
  await findOrgAssessment(db(), actor.organizationId, assessmentId);
}

/** The question of the pinned template version, with its section; null if the key is not in it. */
export async function questionOf(
  client: Client,
  templateVersionId: string,
  questionKey: string,
): Promise<TemplateQuestionWithSection | null> {
  const { definition } = await loadTemplateVersion(templateVersionId, client);
  return questionsOf(definition).find((q) => q.key === questionKey) ?? null;
}

/** InviteLink.sections (JSON array of section keys; null: every section). */
export function parseSections(json: string | null): readonly string[] | null {
  if (json === null) return null;
  try {
    const value = JSON.parse(json) as unknown;
    if (Array.isArray(value)) return value.filter((s): s is string => typeof s === "string");
  } catch {
    // fall through: an unreadable delegation grants nothing rather than everything
  }
  return [];
}

/**
 * The vendor contact behind the actor: the label their messages carry, and the sections they may
 * see (null: all). The stored invite link is the authority (a session built before a delegation
 * change must not widen it); a restriction carried on the actor narrows it further.
 */
export async function vendorContactOf(
  client: Client,
  actor: VendorActor,
): Promise<{ label: string; sections: readonly string[] | null }> {
  const link = await client.inviteLink.findFirst({
    where: {
      id: actor.inviteLinkId,
      organizationId: actor.organizationId,
      assessmentId: actor.assessmentId,
    },
    select: { sections: true, contactName: true, contactEmail: true },
  });
  if (!link) throw new DomainError("NOT_FOUND", "errors.inviteNotFound");
  const stored = parseSections(link.sections);
  const carried = actor.sections ?? null;
  const sections =
    stored === null
      ? carried
      : carried === null
        ? stored
        : stored.filter((s) => carried.includes(s));
  return { label: link.contactName || link.contactEmail, sections };
}

export function sectionVisible(sections: readonly string[] | null, sectionKey: string): boolean {
  return sections === null || sections.includes(sectionKey);
}

export const userAuthor = (userId: string) => `user:${userId}`;
export const vendorAuthor = (inviteLinkId: string) => `vendor:${inviteLinkId}`;
export const authorKindOf = (author: string): "user" | "vendor" =>
  author.startsWith("vendor:") ? "vendor" : "user";
