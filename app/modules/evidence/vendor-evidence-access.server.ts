import type { db, Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { VendorActor } from "../auth/actor";
import { VENDOR_EDITABLE } from "../assessments/assessment-status";
import { loadVendorAssessment, parseStoredAnswer } from "../portal/vendor-questionnaire.server";
import type { EvidenceAnswer } from "../questionnaires/answer-value";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import { questionsOf, type TemplateQuestionWithSection } from "../questionnaires/template-definition";

/**
 * The checks every vendor-side evidence change shares (upload, removal): the assessment is the
 * actor's and still editable, the question exists, asks for evidence and lies in a section the
 * contact may answer. Run once before storing bytes (to refuse early) and again inside the
 * transaction, under the assessment's lock (the status may have changed meanwhile).
 */
export async function editableEvidenceQuestion(
  actor: VendorActor,
  questionKey: string,
  client: Tx | ReturnType<typeof db>,
): Promise<{ assessment: Awaited<ReturnType<typeof loadVendorAssessment>>; question: TemplateQuestionWithSection }> {
  const assessment = await loadVendorAssessment(actor, client);
  if (!(VENDOR_EDITABLE as readonly string[]).includes(assessment.status)) {
    throw new DomainError("INVALID_STATE", "This questionnaire has been submitted and is read-only", { reason: "read_only" });
  }
  const template = await loadTemplateVersion(assessment.templateVersionId, client);
  const question = questionsOf(template.definition).find((q) => q.key === questionKey);
  if (!question) throw new DomainError("NOT_FOUND", "unknown question", { reason: "unknown_question" });
  if (question.type !== "evidence") {
    throw new DomainError("VALIDATION", "this question does not take files", { reason: "not_evidence_question" });
  }
  if (actor.sections && !actor.sections.includes(question.sectionKey)) {
    throw new DomainError("FORBIDDEN", "this section was not delegated to you", { reason: "section_not_delegated" });
  }
  return { assessment, question };
}

/** The evidence answer a stored value stands for, or null ("na", "unknown", no or broken value). */
export function evidenceAnswerOf(stored: string | null | undefined): EvidenceAnswer | null {
  if (!stored) return null;
  const value = parseStoredAnswer(stored);
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const candidate = value as Partial<EvidenceAnswer>;
  if (typeof candidate.documentType !== "string" || !Array.isArray(candidate.files)) return null;
  return {
    documentType: candidate.documentType,
    ...(typeof candidate.validUntil === "string" ? { validUntil: candidate.validUntil } : {}),
    files: candidate.files.filter((f): f is string => typeof f === "string"),
  };
}

/** Who uploaded or changed something, as stored in EvidenceFile.uploadedBy and Answer.updatedBy. */
export function vendorAuthor(actor: VendorActor): string {
  return `vendor:${actor.inviteLinkId}`;
}
