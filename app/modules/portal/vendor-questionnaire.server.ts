import { db, type Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { VendorActor } from "../auth/actor";
import { VENDOR_EDITABLE, type AssessmentStatus } from "../assessments/assessment-status";
import { hiddenQuestionKeys } from "../questionnaires/conditions";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import { openChangeRequestKeys } from "../review/change-requests.server";
import { parseKeyList } from "../review/review-input";
import { changeableQuestionKeys, type VendorAnswerScope } from "./vendor-answer-scope";
import { countryGroups, residencyReferenceDay } from "../assessments/country-groups.server";
import { parseDelta } from "../assessments/re-review/delta";

/** The keys a re-review asks again (null: not a re-review). */
function deltaKeys(json: string | null | undefined): string[] | null {
  return parseDelta(json)?.map((entry) => entry.questionKey) ?? null;
}

/** Stored answer values are JSON; a value that no longer parses is treated as no answer. */
export function parseStoredAnswer(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

export async function loadVendorAssessment(
  actor: VendorActor,
  client: Tx | ReturnType<typeof db> = db(),
) {
  const assessment = await client.assessment.findFirst({
    where: { id: actor.assessmentId, organizationId: actor.organizationId },
    select: {
      id: true,
      title: true,
      status: true,
      dueDate: true,
      createdAt: true,
      submittedAt: true,
      templateVersionId: true,
      vendor: { select: { name: true } },
      organization: { select: { name: true } },
    },
  });
  if (!assessment) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
  return assessment;
}

export interface VendorWriteState {
  id: string;
  status: string;
  templateVersionId: string;
  scope: VendorAnswerScope;
}

/**
 * What decides whether the contact's answers may change, in ONE tagged query (autosave runs it on
 * every save, ADR 0021): the assessment's status and template version and the questions the open
 * change request reopened, with the contact's delegated sections: the scope of
 * vendor-answer-scope.ts. Inside a transaction call it after the assessment's row lock.
 */
export async function loadVendorWriteState(
  actor: VendorActor,
  client: Tx | ReturnType<typeof db> = db(),
): Promise<VendorWriteState> {
  const [row] = await client.$queryRaw<
    {
      id: string;
      status: string;
      templateVersionId: string;
      deltaJson: string | null;
      reopened: string | null;
    }[]
  >`
    SELECT a."id", a."status", a."templateVersionId", a."deltaJson",
           (SELECT c."questionKeys" FROM "ChangeRequest" c
            WHERE c."assessmentId" = a."id" AND c."organizationId" = a."organizationId" AND c."closedAt" IS NULL
            ORDER BY c."createdAt" DESC LIMIT 1) AS "reopened"
    FROM "Assessment" a WHERE a."id" = ${actor.assessmentId} AND a."organizationId" = ${actor.organizationId}`;
  if (!row) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
  return {
    id: row.id,
    status: row.status,
    templateVersionId: row.templateVersionId,
    scope: {
      status: row.status,
      sections: actor.sections ?? null,
      reopened: row.reopened === null ? null : parseKeyList(row.reopened),
      delta: deltaKeys(row.deltaJson),
    },
  };
}

/**
 * What this contact may change right now (see vendor-answer-scope.ts): the assessment's status,
 * the contact's delegated sections and the open change request, read with `client` (inside a
 * transaction: after the assessment's row lock, so a concurrent submit or request is seen).
 */
export async function loadVendorAnswerScope(
  actor: VendorActor,
  assessment: { id: string; status: string },
  client: Tx | ReturnType<typeof db> = db(),
): Promise<VendorAnswerScope> {
  const reopened = await openChangeRequestKeys(client, actor.organizationId, assessment.id);
  const row = await client.assessment.findFirst({
    where: { id: assessment.id, organizationId: actor.organizationId },
    select: { deltaJson: true },
  });
  return {
    status: assessment.status,
    sections: actor.sections ?? null,
    reopened,
    delta: deltaKeys(row?.deltaJson),
  };
}

/**
 * Everything the vendor contact sees: the sections they may answer (all, or the ones delegated to
 * them), the answers and their versions, the evidence files, and which questions are hidden by
 * show-if rules right now. Never scores.
 */
export async function getVendorQuestionnaire(actor: VendorActor) {
  const assessment = await loadVendorAssessment(actor);
  const template = await loadTemplateVersion(assessment.templateVersionId);
  const answers = await db().answer.findMany({
    where: { assessmentId: assessment.id, organizationId: actor.organizationId },
    select: { questionKey: true, value: true, version: true },
  });
  const values = Object.fromEntries(
    answers.map((a) => [a.questionKey, parseStoredAnswer(a.value)]),
  );
  // Visibility is judged on every answer (a delegated colleague's questions may depend on others').
  const hidden = hiddenQuestionKeys(template.definition.sections, values);
  const allowed = actor.sections ? new Set(actor.sections) : null;
  const sections = template.definition.sections.filter(
    (section) => !allowed || allowed.has(section.key),
  );
  const scope = await loadVendorAnswerScope(actor, assessment);
  const visibleQuestionKeys = sections.flatMap((section) => section.questions.map((q) => q.key));
  // Files follow the answers: a delegated colleague sees only the files of their own sections.
  const files = await db().evidenceFile.findMany({
    where: {
      assessmentId: assessment.id,
      organizationId: actor.organizationId,
      deletedAt: null,
      ...(allowed ? { questionKey: { in: visibleQuestionKeys } } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      questionKey: true,
      fileName: true,
      size: true,
      contentType: true,
      sha256: true,
      createdAt: true,
      uploadedByLabel: true,
    },
  });
  return {
    sections,
    hidden: [...hidden],
    files,
    delegated: allowed !== null,
    /** The questions this contact may change now; every other input is read-only and not sent. */
    changeable: changeableQuestionKeys(
      scope,
      sections.flatMap((section) =>
        section.questions.map((q) => ({ key: q.key, sectionKey: section.key })),
      ),
    ),
    assessment: {
      title: assessment.title,
      status: assessment.status as AssessmentStatus,
      dueDate: assessment.dueDate,
      vendorName: assessment.vendor.name,
      organizationName: assessment.organization.name,
      editable: (VENDOR_EDITABLE as readonly string[]).includes(assessment.status),
    },
    definition: template.definition,
    // Countries grouped as the residency rating will judge them, on the assessment's own day.
    countryGroups: countryGroups(residencyReferenceDay(assessment)),
    // A delegated colleague gets only the answers of their own sections.
    answers: Object.fromEntries(
      answers
        .filter((a) => !allowed || visibleQuestionKeys.includes(a.questionKey))
        .map((a) => [a.questionKey, { value: values[a.questionKey], version: a.version }]),
    ),
  };
}
