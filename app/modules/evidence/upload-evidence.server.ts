import { Readable } from "node:stream";
import { z } from "zod";
import { db, type Tx } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import { cleanDisplayText } from "../../utils/display-text";
import { DomainError } from "../../utils/errors";
import { labelKey } from "../../utils/i18n";
import { lockRow } from "../../utils/row-lock.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { VendorActor } from "../auth/actor";
import { EVIDENCE_FILES_MAX, type EvidenceAnswer } from "../questionnaires/answer-value";
import { ParserBusyError, runParserJob } from "../parsing/parser-pool.server";
import { evidenceStore } from "./evidence-storage.server";
import { cleanFileName } from "./file-name";
import {
  editableEvidenceQuestion,
  evidenceAnswerOf,
  vendorAuthor,
} from "./vendor-evidence-access.server";
import { refreshPortfolioOfAssessment } from "../portfolio/refresh-vendor-portfolio.server";

const inputSchema = z.object({
  questionKey: z.string().min(1).max(200),
  // Any length: cleanFileName() shortens it keeping the extension (the request's size limit bounds it).
  fileName: z.string(),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
    message: "bytes expected",
  }),
});

export interface EvidenceFileDto {
  id: string;
  questionKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedByLabel: string;
  createdAt: Date;
}

export interface UploadEvidenceResult {
  file: EvidenceFileDto;
  answer: { value: EvidenceAnswer; version: number };
}

/**
 * A vendor contact uploads one evidence file to an evidence question. The type is detected from
 * the content; the bytes are stored first in the evidence store (outside any transaction: storage
 * I/O must not hold the database), then the file row, the answer that lists it and the audit event are written in one
 * transaction under the assessment's lock. If that transaction fails, the stored bytes are
 * deleted again, so no file exists that nothing points to. Type detection and hashing run in a
 * parser worker (ADR 0014): a full pool throws ParserBusyError, a file the worker cannot finish
 * is refused ("unchecked").
 */
export async function uploadEvidence(
  actor: VendorActor,
  input: z.input<typeof inputSchema>,
  options: { transfer?: boolean } = {},
): Promise<UploadEvidenceResult> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success)
    throw new DomainError("VALIDATION", "evidence.err_unreadable", { reason: "invalid_input" });
  const { questionKey, bytes } = parsed.data;
  if (bytes.length === 0)
    throw new DomainError("VALIDATION", "evidence.err_empty", { reason: "empty", params: {} });
  const limit = getEnv().EVIDENCE_MAX_BYTES;
  if (bytes.length > limit)
    throw new DomainError("VALIDATION", "evidence.err_too_large", {
      reason: "too_large",
      params: { max: String(limit) },
    });

  // Refuse early (before any bytes reach the disk); repeated under the lock below.
  await editableEvidenceQuestion(actor, questionKey, db());
  // transfer: the caller's buffer (allocated for this upload alone) moves to the worker and back,
  // no copy of up to 20 MB here; otherwise the bytes are copied and the caller's stay usable.
  // The name is judged as it will be shown: `report.pd\u200Bf` is a .pdf.
  const owned =
    options.transfer && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
  const outcome = await runParserJob(
    "inspect-evidence-file",
    { bytes: owned, fileName: cleanDisplayText(parsed.data.fileName) },
    { transfer: [owned.buffer as ArrayBuffer] },
  );
  if (outcome.status === "busy") throw new ParserBusyError();
  if (outcome.status !== "done")
    throw new DomainError("VALIDATION", "evidence.err_unchecked", {
      reason: "unchecked",
      params: {},
    });
  const { detected, sha256, bytes: checked } = outcome.value;
  if (!detected.ok) {
    const { code, params } = detected.rejection;
    throw new DomainError(
      "VALIDATION",
      labelKey("evidence.err_", code) ?? "evidence.err_unsupported",
      { reason: code, params },
    );
  }
  const fileName = cleanFileName(parsed.data.fileName, detected.type.extension);
  const store = evidenceStore();
  // The bytes stream to storage (the local folder or the bucket), hashed again on the way: what
  // was stored is what the worker checked, or nothing is kept.
  const stored = await store.put(
    Readable.from([Buffer.from(checked.buffer, checked.byteOffset, checked.length)]),
    { maxBytes: limit, size: checked.length },
  );
  const storageKey = stored.key;
  try {
    if (stored.sha256 !== sha256 || stored.size !== checked.length)
      throw new Error("Stored evidence does not match the bytes that were checked");
    return await inTransaction(async (tx) => {
      await lockRow(tx, "Assessment", actor.assessmentId);
      const { assessment, question } = await editableEvidenceQuestion(actor, questionKey, tx);
      const file = await tx.evidenceFile.create({
        data: {
          organizationId: actor.organizationId,
          assessmentId: assessment.id,
          questionKey,
          storageKey,
          fileName,
          contentType: detected.type.contentType,
          size: checked.length,
          sha256,
          uploadedBy: vendorAuthor(actor),
          uploadedByLabel: actor.email,
        },
        select: {
          id: true,
          questionKey: true,
          fileName: true,
          contentType: true,
          size: true,
          sha256: true,
          uploadedByLabel: true,
          createdAt: true,
        },
      });
      const answer = await attachToAnswer(
        tx,
        actor,
        assessment.id,
        questionKey,
        question.evidence?.documentTypes[0] ?? "other",
        file.id,
      );
      if (assessment.status === "INVITED" || assessment.status === "CHANGES_REQUESTED") {
        await tx.assessment.update({
          where: { id: assessment.id },
          data: { status: "IN_PROGRESS", version: { increment: 1 } },
        });
        await refreshPortfolioOfAssessment(tx, actor.organizationId, assessment.id);
      }
      await recordAuditEvent(tx, actor, {
        action: "evidence.uploaded",
        target: { type: "assessment", id: assessment.id },
        payload: {
          fileId: file.id,
          questionKey,
          fileName,
          size: file.size,
          sha256,
          contentType: file.contentType,
          answerVersion: answer.version,
        },
      });
      return { file, answer };
    });
  } catch (error) {
    // No orphan: bytes whose row was not written are deleted now (the sweep catches a crash here).
    await store.delete(storageKey);
    throw error;
  }
}

/**
 * Adds the file to the question's answer: appended to an evidence answer, or a new evidence
 * answer with the question's first document type when there was none (or "na"/"unknown": an
 * upload says the vendor has the document). The version goes up like any other answer change,
 * so an autosave based on the older version gets a conflict instead of dropping the file.
 */
async function attachToAnswer(
  tx: Tx,
  actor: VendorActor,
  assessmentId: string,
  questionKey: string,
  defaultType: string,
  fileId: string,
) {
  const existing = await tx.answer.findUnique({
    where: { assessmentId_questionKey: { assessmentId, questionKey } },
    select: { id: true, value: true, version: true },
  });
  const current = evidenceAnswerOf(existing?.value);
  const files = [...(current?.files ?? []), fileId];
  if (files.length > EVIDENCE_FILES_MAX) {
    throw new DomainError("VALIDATION", "evidence.err_too_many_files", {
      reason: "too_many_files",
      params: { max: String(EVIDENCE_FILES_MAX) },
    });
  }
  const value: EvidenceAnswer = current
    ? { ...current, files }
    : { documentType: defaultType, files };
  const updatedBy = vendorAuthor(actor);
  if (!existing) {
    await tx.answer.create({
      data: {
        organizationId: actor.organizationId,
        assessmentId,
        questionKey,
        value: JSON.stringify(value),
        version: 1,
        updatedBy,
      },
    });
    return { value, version: 1 };
  }
  // The row is locked with the assessment, so the version read above is still current.
  await tx.answer.update({
    where: { id: existing.id },
    data: { value: JSON.stringify(value), version: { increment: 1 }, updatedBy },
  });
  return { value, version: existing.version + 1 };
}
