import type { db, Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { UserActor, VendorActor } from "../auth/actor";
import {
  ANSWER_LOCK_MESSAGES,
  answerLock,
  questionnaireOpen,
  sectionVisible,
} from "../portal/vendor-answer-scope";
import {
  loadVendorAnswerScope,
  loadVendorAssessment,
  parseStoredAnswer,
} from "../portal/vendor-questionnaire.server";
import type { EvidenceAnswer } from "../questionnaires/answer-value";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import {
  questionsOf,
  type TemplateQuestionWithSection,
} from "../questionnaires/template-definition";

/**
 * The checks every vendor-side evidence change shares (upload, removal): the assessment is the
 * actor's and still editable, the question exists, asks for evidence and is one the contact may
 * change now (a delegated section; after "request changes" a reopened question). Run once before storing bytes (to refuse early) and again inside the
 * transaction, under the assessment's lock (the status may have changed meanwhile).
 */
export async function editableEvidenceQuestion(
  actor: VendorActor,
  questionKey: string,
  client: Tx | ReturnType<typeof db>,
): Promise<{
  assessment: Awaited<ReturnType<typeof loadVendorAssessment>>;
  question: TemplateQuestionWithSection;
}> {
  const assessment = await loadVendorAssessment(actor, client);
  const scope = await loadVendorAnswerScope(actor, assessment, client);
  if (!questionnaireOpen(scope)) {
    throw new DomainError("INVALID_STATE", ANSWER_LOCK_MESSAGES.read_only, { reason: "read_only" });
  }
  const template = await loadTemplateVersion(assessment.templateVersionId, client);
  const question = questionsOf(template.definition).find((q) => q.key === questionKey);
  if (!question)
    throw new DomainError("NOT_FOUND", "evidence.err_unknown_question", {
      reason: "unknown_question",
    });
  if (question.type !== "evidence") {
    throw new DomainError("VALIDATION", "evidence.err_not_evidence_question", {
      reason: "not_evidence_question",
    });
  }
  // Files follow the answers: a section that was not delegated, or (after "request changes") a
  // question that was not reopened, cannot get or lose files either.
  const lock = answerLock(scope, question);
  if (lock)
    throw new DomainError(
      lock === "read_only" ? "INVALID_STATE" : "FORBIDDEN",
      ANSWER_LOCK_MESSAGES[lock],
      { reason: lock },
    );
  return { assessment, question };
}

/**
 * The questions whose files this vendor contact may see at all (list, download, remove): files
 * follow the answers, so a delegated colleague sees only those of the delegated sections; the
 * main contact every question (null: no restriction). A file outside them is "not found".
 */
export async function vendorVisibleQuestionKeys(
  actor: VendorActor,
  client: Tx | ReturnType<typeof db>,
): Promise<string[] | null> {
  if (!actor.sections) return null;
  const assessment = await loadVendorAssessment(actor, client);
  const template = await loadTemplateVersion(assessment.templateVersionId, client);
  return questionsOf(template.definition)
    .filter((question) => sectionVisible({ sections: actor.sections ?? null }, question.sectionKey))
    .map((question) => question.key);
}

/** The Prisma filter for evidence files a vendor contact may see (empty for staff and main contacts). */
export async function vendorFileScope(
  actor: UserActor | VendorActor,
  client: Tx | ReturnType<typeof db>,
): Promise<{ questionKey?: { in: string[] } }> {
  if (actor.kind !== "vendor") return {};
  const keys = await vendorVisibleQuestionKeys(actor, client);
  return keys ? { questionKey: { in: keys } } : {};
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
