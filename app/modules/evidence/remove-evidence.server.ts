import { z } from "zod";
import { DomainError } from "../../utils/errors";
import { lockRow } from "../../utils/row-lock.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { VendorActor } from "../auth/actor";
import type { EvidenceAnswer } from "../questionnaires/answer-value";
import {
  editableEvidenceQuestion,
  evidenceAnswerOf,
  vendorAuthor,
  vendorFileScope,
} from "./vendor-evidence-access.server";

const inputSchema = z.object({ fileId: z.string().min(1).max(100) });

/**
 * A vendor contact removes an uploaded file while the questionnaire is editable. The row is only
 * marked deleted (the bytes stay: the audit trail names the file and its SHA-256, and an assessor
 * may need to see what was once submitted); the file leaves the answer, whose version goes up.
 */
export async function removeEvidence(
  actor: VendorActor,
  input: z.input<typeof inputSchema>,
): Promise<{ questionKey: string; answer: { value: EvidenceAnswer; version: number } | null }> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("NOT_FOUND", "errors.fileNotFound");
  return inTransaction(async (tx) => {
    await lockRow(tx, "Assessment", actor.assessmentId);
    // A file of a section that was not delegated is as unknown as a foreign one.
    const visible = await vendorFileScope(actor, tx);
    const file = await tx.evidenceFile.findFirst({
      where: {
        AND: [
          {
            id: parsed.data.fileId,
            organizationId: actor.organizationId,
            assessmentId: actor.assessmentId,
            deletedAt: null,
          },
          visible,
        ],
      },
      select: { id: true, questionKey: true, fileName: true, sha256: true, size: true },
    });
    if (!file) throw new DomainError("NOT_FOUND", "errors.fileNotFound");
    const { assessment } = await editableEvidenceQuestion(actor, file.questionKey, tx);
    await tx.evidenceFile.update({ where: { id: file.id }, data: { deletedAt: new Date() } });
    const existing = await tx.answer.findUnique({
      where: {
        assessmentId_questionKey: { assessmentId: assessment.id, questionKey: file.questionKey },
      },
      select: { id: true, value: true, version: true },
    });
    const current = evidenceAnswerOf(existing?.value);
    let answer: { value: EvidenceAnswer; version: number } | null = null;
    if (existing && current?.files.includes(file.id)) {
      // An answer without files stays an (unanswered) evidence answer: type and date are kept.
      const value: EvidenceAnswer = {
        ...current,
        files: current.files.filter((id) => id !== file.id),
      };
      await tx.answer.update({
        where: { id: existing.id },
        data: {
          value: JSON.stringify(value),
          version: { increment: 1 },
          updatedBy: vendorAuthor(actor),
        },
      });
      answer = { value, version: existing.version + 1 };
    }
    await recordAuditEvent(tx, actor, {
      action: "evidence.removed",
      target: { type: "assessment", id: assessment.id },
      payload: {
        fileId: file.id,
        questionKey: file.questionKey,
        fileName: file.fileName,
        sha256: file.sha256,
        size: file.size,
        answerVersion: answer?.version ?? null,
      },
    });
    return { questionKey: file.questionKey, answer };
  });
}
