import type { Tx } from "../../utils/db.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { SystemActor } from "../auth/actor";
import { computeScore, methodVersionToRecompute } from "../assessments/compute-score";
import { parseStoredScore } from "../assessments/stored-score";
import { parseStoredDefinition } from "../questionnaires/load-template-version.server";
import { dayToDate } from "./catalogue-days";

export interface RerateCause {
  changeEventId: string;
  type: string;
  countries: string[];
  summaryEn: string;
}

/**
 * Re-rates the residency of the given vendors as of `day` after an adequacy change (ADR 0034):
 * the class is computed from the vendor's latest scored assessment's answers with the same code
 * as scoring (computeScore → residencyReferenceData(day), i.e. the catalogue as last read: call
 * refreshAdequacyCatalogue() first). When it differs from the vendor's current class, a
 * ResidencyRerating row records old, new and why, and the portfolio column shows the new class.
 * The assessment, its stored score and its signed reports are never touched. Runs in the caller's
 * transaction; returns the number of vendors re-rated.
 */
export async function rerateResidency(
  tx: Tx,
  actor: SystemActor,
  vendorIds: readonly string[],
  cause: RerateCause,
  day: string,
): Promise<number> {
  const { organizationId } = actor;
  let rerated = 0;
  for (const vendorId of vendorIds) {
    const vendor = await tx.vendor.findFirst({
      where: { id: vendorId, organizationId },
      select: { id: true, latestAssessmentId: true, latestResidencyClass: true },
    });
    if (!vendor?.latestAssessmentId) continue;
    const assessment = await tx.assessment.findFirst({
      where: { id: vendor.latestAssessmentId, organizationId },
      select: {
        id: true,
        scoreResult: true,
        templateVersion: { select: { definition: true } },
      },
    });
    // An unscored assessment has no rating to revise: its rating comes with its submission,
    // under the law of that day.
    const stored = parseStoredScore(assessment?.scoreResult ?? null);
    if (!assessment || !stored?.residency) continue;
    const already = await tx.residencyRerating.findUnique({
      where: {
        assessmentId_changeEventId: {
          assessmentId: assessment.id,
          changeEventId: cause.changeEventId,
        },
      },
      select: { id: true },
    });
    if (already) continue;
    const rows = await tx.answer.findMany({
      where: { organizationId, assessmentId: assessment.id },
      select: { questionKey: true, value: true },
    });
    const answers = Object.fromEntries(rows.map((r) => [r.questionKey, parseJson(r.value)]));
    const definition = parseStoredDefinition(assessment.templateVersion.definition);
    // The stored score's method: the rating changes with the law of `day`, not with the method.
    const newClass = computeScore(definition, answers, day, {
      methodVersion: methodVersionToRecompute(stored),
    }).residency?.rating;
    const oldClass = vendor.latestResidencyClass ?? stored.residency.rating;
    if (!newClass || newClass === oldClass) continue;
    const reason = `${cause.type} ${cause.countries.join(", ")} effective by ${day}: ${cause.summaryEn}`;
    await tx.residencyRerating.create({
      data: {
        organizationId,
        vendorId,
        assessmentId: assessment.id,
        changeEventId: cause.changeEventId,
        oldClass,
        newClass,
        reason,
        ratedOn: dayToDate(day),
      },
    });
    await tx.vendor.updateMany({
      where: { id: vendorId, organizationId },
      data: { latestResidencyClass: newClass },
    });
    await recordAuditEvent(tx, actor, {
      action: "vendor.residency_rerated",
      target: { type: "vendor", id: vendorId },
      payload: {
        assessmentId: assessment.id,
        changeEventId: cause.changeEventId,
        oldClass,
        newClass,
        ratedOn: day,
      },
    });
    rerated++;
  }
  return rerated;
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}
