import { db, type Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { VendorActor } from "../auth/actor";
import { VENDOR_EDITABLE, type AssessmentStatus } from "../assessments/assessment-status";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";

/** Stored answer values are JSON; a value that no longer parses is treated as no answer. */
export function parseStoredAnswer(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

export async function loadVendorAssessment(actor: VendorActor, client: Tx | ReturnType<typeof db> = db()) {
  const assessment = await client.assessment.findFirst({
    where: { id: actor.assessmentId, organizationId: actor.organizationId },
    select: {
      id: true,
      title: true,
      status: true,
      dueDate: true,
      templateVersionId: true,
      vendor: { select: { name: true } },
      organization: { select: { name: true } },
    },
  });
  if (!assessment) throw new DomainError("NOT_FOUND", "Assessment not found");
  return assessment;
}

/** Everything the vendor contact sees: questions, their own answers and versions. Never scores. */
export async function getVendorQuestionnaire(actor: VendorActor) {
  const assessment = await loadVendorAssessment(actor);
  const template = await loadTemplateVersion(assessment.templateVersionId);
  const answers = await db().answer.findMany({
    where: { assessmentId: assessment.id, organizationId: actor.organizationId },
    select: { questionKey: true, value: true, version: true },
  });
  return {
    assessment: {
      title: assessment.title,
      status: assessment.status as AssessmentStatus,
      dueDate: assessment.dueDate,
      vendorName: assessment.vendor.name,
      organizationName: assessment.organization.name,
      editable: (VENDOR_EDITABLE as readonly string[]).includes(assessment.status),
    },
    definition: template.definition,
    answers: Object.fromEntries(answers.map((a) => [a.questionKey, { value: parseStoredAnswer(a.value), version: a.version }])),
  };
}
