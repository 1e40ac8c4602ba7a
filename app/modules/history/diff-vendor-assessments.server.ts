import { z } from "zod";
import { db } from "../../utils/db.server";
import { entityIdInput, requireEntityId } from "../../utils/entity-id";
import { parseUseCaseInput } from "../../utils/validation-messages";
import { DomainError } from "../../utils/errors";
import type { UserActor } from "../auth/actor";
import { parseStoredScore } from "../assessments/stored-score";
import { parseStoredAnswer } from "../portal/vendor-questionnaire.server";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import { questionsOf, type TemplateDefinition } from "../questionnaires/template-definition";
import { diffAssessments, type DiffSide } from "./assessment-diff";

async function sideOf(actor: UserActor, vendorId: string, assessmentId: string) {
  const row = await db().assessment.findFirst({
    where: { id: assessmentId, vendorId, organizationId: actor.organizationId },
    select: {
      id: true,
      title: true,
      submittedAt: true,
      scoreResult: true,
      templateVersionId: true,
      answers: { select: { questionKey: true, value: true } },
    },
  });
  if (!row) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
  const { definition, version } = await loadTemplateVersion(row.templateVersionId);
  const score = parseStoredScore(row.scoreResult);
  const side: DiffSide = {
    questions: questionsOf(definition).map((q) => ({ key: q.key, sectionKey: q.sectionKey })),
    sections: definition.sections.map((s) => ({ key: s.key })),
    answers: Object.fromEntries(
      row.answers.map((a) => [a.questionKey, parseStoredAnswer(a.value)]),
    ),
    overall: score?.overall ?? null,
    riskTier: score?.riskTier ?? null,
    sectionScores: Object.fromEntries((score?.sections ?? []).map((s) => [s.key, s.score])),
  };
  return {
    meta: { id: row.id, title: row.title, submittedAt: row.submittedAt, templateVersion: version },
    definition,
    side,
  };
}

/** Labels, types and options of the questions a diff mentions, from either template version. */
function questionInfo(definitions: TemplateDefinition[]) {
  const info = new Map<
    string,
    {
      label: { en: string; de: string };
      type: string;
      options: { value: string; label: { en: string; de: string } }[];
    }
  >();
  for (const definition of definitions) {
    for (const q of questionsOf(definition)) {
      if (!info.has(q.key))
        info.set(q.key, {
          label: q.label,
          type: q.type,
          options: q.options?.map((o) => ({ value: o.value, label: o.label })) ?? [],
        });
    }
  }
  return info;
}

export const diffVendorAssessmentsInputSchema = z.object({
  vendorId: entityIdInput,
  fromId: entityIdInput,
  toId: entityIdInput,
});
export type DiffVendorAssessmentsInput = z.input<typeof diffVendorAssessmentsInputSchema>;

/**
 * What changed between two assessments of one vendor (`fromId` earlier, `toId` later): changed,
 * added and removed answers, and score changes per section. Both must belong to the vendor and
 * the actor's organisation (else NOT_FOUND).
 */
export async function diffVendorAssessments(
  actor: UserActor,
  rawInput: { vendorId: string; fromId: string; toId: string },
) {
  const parsed = parseUseCaseInput(diffVendorAssessmentsInputSchema, rawInput);
  // Checked before the queries: Prisma reads `vendorId: {}` as "any vendor".
  const input = {
    vendorId: requireEntityId(parsed.vendorId, "Vendor"),
    fromId: requireEntityId(parsed.fromId, "Assessment"),
    toId: requireEntityId(parsed.toId, "Assessment"),
  };
  const before = await sideOf(actor, input.vendorId, input.fromId);
  const after = await sideOf(actor, input.vendorId, input.toId);
  const diff = diffAssessments(before.side, after.side);
  const info = questionInfo([after.definition, before.definition]);
  const sectionTitles = new Map(
    [...before.definition.sections, ...after.definition.sections].map((s) => [s.key, s.title]),
  );
  const withInfo = <T extends { key: string }>(item: T) => ({ ...item, ...info.get(item.key)! });
  return {
    from: before.meta,
    to: after.meta,
    overall: diff.overall,
    riskTier: diff.riskTier,
    sections: diff.sections.map((s) => ({
      ...s,
      title: sectionTitles.get(s.key) ?? { en: s.key, de: s.key },
    })),
    changed: diff.changed.map(withInfo),
    added: diff.added.map(withInfo),
    removed: diff.removed.map(withInfo),
  };
}

export type VendorAssessmentDiff = Awaited<ReturnType<typeof diffVendorAssessments>>;
