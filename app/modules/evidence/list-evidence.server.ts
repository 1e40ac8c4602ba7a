import { z } from "zod";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { UserActor, VendorActor } from "../auth/actor";
import type { EvidenceFileDto } from "./upload-evidence.server";
import { vendorFileScope } from "./vendor-evidence-access.server";

const inputSchema = z.object({
  assessmentId: z.string().min(1).max(100),
  questionKey: z.string().min(1).max(200).optional(),
});

export const EVIDENCE_FILE_SELECT = {
  id: true,
  questionKey: true,
  fileName: true,
  contentType: true,
  size: true,
  sha256: true,
  uploadedByLabel: true,
  createdAt: true,
} as const;

/**
 * The (not removed) evidence files of an assessment, oldest first: for any member of the
 * organisation (reading evidence needs no particular role), and for a vendor contact only for the
 * assessment of their invite (a delegated colleague: only the files of the delegated sections). Anything else is "not found", whether it exists or not.
 */
export async function listEvidence(
  actor: UserActor | VendorActor,
  input: z.input<typeof inputSchema>,
): Promise<EvidenceFileDto[]> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
  const { assessmentId, questionKey } = parsed.data;
  if (actor.kind === "vendor" && assessmentId !== actor.assessmentId)
    throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
  const assessment = await db().assessment.findFirst({
    where: { id: assessmentId, organizationId: actor.organizationId },
    select: { id: true },
  });
  if (!assessment) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
  const visible = await vendorFileScope(actor, db());
  return db().evidenceFile.findMany({
    where: {
      AND: [
        {
          assessmentId,
          organizationId: actor.organizationId,
          deletedAt: null,
          ...(questionKey ? { questionKey } : {}),
        },
        visible,
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: EVIDENCE_FILE_SELECT,
  });
}
