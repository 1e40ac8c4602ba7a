import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { logger } from "../../utils/logger.server";
import type { UserActor, VendorActor } from "../auth/actor";
import { readEvidenceBytes } from "./evidence-storage.server";
import { vendorFileScope } from "./vendor-evidence-access.server";

const inputSchema = z.object({
  assessmentId: z.string().min(1).max(100),
  fileId: z.string().min(1).max(100),
});

export interface EvidenceDownload {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * One evidence file's bytes for download: members of the organisation (any role) for files of
 * their organisation's assessments, a vendor contact for files of their own assessment (a delegated
 * colleague: of the delegated sections only). The id
 * must belong to the named assessment; a foreign, unknown or removed file is "not found". The
 * bytes are checked against the SHA-256 taken at upload: a file changed on disk is never served.
 */
export async function readEvidence(
  actor: UserActor | VendorActor,
  input: z.input<typeof inputSchema>,
): Promise<EvidenceDownload> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("NOT_FOUND", "errors.fileNotFound");
  const { assessmentId, fileId } = parsed.data;
  if (actor.kind === "vendor" && assessmentId !== actor.assessmentId)
    throw new DomainError("NOT_FOUND", "errors.fileNotFound");
  const visible = await vendorFileScope(actor, db());
  const file = await db().evidenceFile.findFirst({
    where: {
      AND: [
        { id: fileId, assessmentId, organizationId: actor.organizationId, deletedAt: null },
        visible,
      ],
    },
    select: { id: true, storageKey: true, fileName: true, contentType: true, sha256: true },
  });
  if (!file) throw new DomainError("NOT_FOUND", "errors.fileNotFound");
  const bytes = await readEvidenceBytes(file.storageKey);
  if (!bytes) {
    logger.error("evidence.missing", { fileId: file.id });
    throw new DomainError("NOT_FOUND", "errors.fileNotFound");
  }
  if (createHash("sha256").update(bytes).digest("hex") !== file.sha256) {
    logger.error("evidence.checksum_mismatch", { fileId: file.id });
    throw new Error("Stored evidence does not match its checksum");
  }
  return { fileName: file.fileName, contentType: file.contentType, bytes };
}
