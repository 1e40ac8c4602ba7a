import type { Tx } from "../../utils/db.server";
import type { VendorActor } from "../auth/actor";
import { computeScoreOfPublishedVersion } from "../assessments/prepared-template-cache.server";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import { defaultWeightProfile } from "../weights/weight-profiles.server";
import { parseStoredAnswer } from "./vendor-questionnaire.server";

/**
 * Scores what is stored for the vendor's assessment, as the submit will (the organisation's
 * default weight profile, today's date). One place for the submit itself and for the check before
 * the confirmation step, so "ready to submit" and the submit never disagree.
 */
export async function scoreStoredAnswers(
  tx: Tx,
  actor: VendorActor,
  assessment: { id: string; templateVersionId: string },
  now: Date,
) {
  const template = await loadTemplateVersion(assessment.templateVersionId, tx);
  const rows = await tx.answer.findMany({
    where: { assessmentId: assessment.id, organizationId: actor.organizationId },
    select: { questionKey: true, value: true },
  });
  const answers = Object.fromEntries(rows.map((r) => [r.questionKey, parseStoredAnswer(r.value)]));
  const profile = await defaultWeightProfile(actor.organizationId, tx);
  const weightProfile = profile ? { id: profile.id, name: profile.name, ...profile.weights } : null;
  const score = computeScoreOfPublishedVersion(
    assessment.templateVersionId,
    template.definition,
    answers,
    now.toISOString().slice(0, 10),
    { weightProfile },
  );
  return { score, profile, answers, definition: template.definition };
}
