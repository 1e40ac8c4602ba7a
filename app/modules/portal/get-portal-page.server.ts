import { listClarificationsForVendor } from "~/modules/clarifications/list-clarifications.server";
import { readEvidenceFlash } from "~/modules/evidence/evidence-outcome";
import { getVendorReview } from "~/modules/review/review-workspace.server";
import { getEnv } from "~/utils/env.server";
import type { VendorActor } from "~/modules/auth/actor";
import { citationCatalogueFor } from "~/modules/regulations/citations/citation-catalogue.server";
import { localizedQuestionCitations } from "~/modules/regulations/citations/question-citations";
import { getVendorQuestionnaire } from "./vendor-questionnaire.server";
import { getReReviewView } from "~/modules/assessments/re-review/re-review-view.server";
import { delegationStatus } from "./delegation-status.server";

/**
 * The vendor's questionnaire page: the assessment, the questions this contact may see (only the
 * fields the browser needs to render and check them), stored answers, files, clarifications,
 * the review's comments and change request, and the evidence upload's outcome from the URL.
 */
export async function getPortalPage(actor: VendorActor, input: { url: string }) {
  const questionnaire = await getVendorQuestionnaire(actor);
  const citations = await citationCatalogueFor(
    { organizationId: actor.organizationId },
    questionnaire.sections.flatMap((s) => s.questions.flatMap((q) => q.references)),
  );
  const clarifications = await listClarificationsForVendor(actor);
  const review = await getVendorReview(actor);
  // A delegated colleague answers their sections; the re-review's carried answers are the main
  // contact's to confirm, so only the delta reasons reach them.
  const reReview = await getReReviewView(actor.organizationId, actor.assessmentId);
  const delegation = await delegationStatus(actor);
  return {
    delegation,
    reReview: reReview
      ? {
          delta: reReview.delta,
          carried: actor.sections ? [] : reReview.carried,
          confirmedAt: reReview.confirmedAt,
        }
      : null,
    clarifications,
    review,
    evidenceFlash: readEvidenceFlash(input.url),
    evidenceMaxBytes: getEnv().EVIDENCE_MAX_BYTES,
    assessment: questionnaire.assessment,
    answers: questionnaire.answers,
    hidden: questionnaire.hidden,
    files: questionnaire.files,
    delegated: questionnaire.delegated,
    changeable: questionnaire.changeable,
    countryGroups: questionnaire.countryGroups,
    sections: questionnaire.sections.map((section) => ({
      key: section.key,
      title: section.title,
      questions: section.questions.map((q) => ({
        key: q.key,
        type: q.type,
        required: q.required,
        label: q.label,
        help: q.help,
        unit: q.unit,
        min: q.min,
        max: q.max,
        options: q.options?.map((o) => ({ value: o.value, label: o.label })),
        references: localizedQuestionCitations(q, citations),
        ...(q.showIf ? { showIf: q.showIf } : {}),
        ...(q.evidence ? { evidence: q.evidence } : {}),
      })),
    })),
  };
}
