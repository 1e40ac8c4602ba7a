import { z } from "zod";
import type { ScoringResult, WeightProfile } from "../../../scoring";
import { Prisma } from "../../generated/sqlite/client";
import { db } from "../../utils/db.server";
import { entityIdInput, requireEntityId } from "../../utils/entity-id";
import { DomainError } from "../../utils/errors";
import { parseUseCaseInput } from "../../utils/validation-messages";
import type { UserActor } from "../auth/actor";
import { methodVersionToRecompute } from "../assessments/compute-score";
import { computeScoreOfPublishedVersion } from "../assessments/prepared-template-cache.server";
import { readStoredScores } from "../assessments/stored-score-memo.server";
import { parseStoredAnswer } from "../portal/vendor-questionnaire.server";
import { loadPublishedDefinitions } from "../questionnaires/published-definitions.server";
import { displayDefinition } from "../questionnaires/display-definition.server";
import { questionsOf } from "../questionnaires/template-definition";
import { getWeightProfile } from "../weights/weight-profiles.server";
import { rankByOverall, rankDifferingQuestions } from "./differ-most";

import { MAX_CANDIDATES, MIN_CANDIDATES } from "./comparison-params";

export { MAX_CANDIDATES, MIN_CANDIDATES, parseVendorIds } from "./comparison-params";

/**
 * The vendors to compare and, for the what-if, a weight profile of the organisation (absent:
 * stored scores only). Each id is checked before the query; one that cannot be an id is NOT_FOUND
 * like a foreign one. How many may be compared is the use case's own answer ("count").
 */
export const compareVendorsInputSchema = z.object({
  vendorIds: z.array(entityIdInput),
  profileId: entityIdInput.nullable(),
});
export type CompareVendorsInput = z.input<typeof compareVendorsInputSchema>;

/** The figures of one score (stored, or recomputed for the what-if). */
export interface CandidateFigures {
  overall: number | null;
  riskTier: string | null;
  sections: Record<string, number | null>;
  transparency: { satisfied: number; total: number } | null;
  residency: string | null;
  /** The residency rating's points (0..1), null without flows. */
  residencyPoints: number | null;
  knockOuts: { questionKey: string; label: string }[];
  unknownCount: number;
}

export type ComparisonRefusal =
  | { reason: "count" }
  | { reason: "notScored"; vendors: { id: string; name: string }[] }
  | { reason: "mixedTemplates"; templates: { vendorName: string; templateName: string }[] };

/**
 * Rows looked up by their ids belong to the actor's organisation only when this says so. The
 * organisation is checked here, not in SQL: with "organizationId" = ? next to "id" IN (…),
 * SQLite's planner walks the organisation's index (every row of the organisation, 100 ms at
 * 10,000 vendors) instead of looking up the few ids.
 */
function ofActorsOrganization(actor: UserActor) {
  return (row: { organizationId: string }) => row.organizationId === actor.organizationId;
}

/** The columns of a vendor's latest scored assessment the comparison shows (plain SQL, both databases). */
interface LatestAssessmentRow {
  id: string;
  vendorId: string;
  title: string;
  submittedAt: Date;
  templateVersionId: string;
  templateId: string;
  templateVersion: number | bigint;
  templateName: string;
  weightProfileName: string | null;
  /** The row's version and last write: which parse of its stored score is current (stored-score-memo). */
  version: number | bigint;
  updatedAt: Date;
}

function figuresOf(score: ScoringResult): CandidateFigures {
  return {
    overall: score.overall,
    riskTier: score.riskTier,
    sections: Object.fromEntries(score.sections.map((s) => [s.key, s.score])),
    transparency: score.transparency
      ? { satisfied: score.transparency.satisfied, total: score.transparency.total }
      : null,
    residency: score.residency?.rating ?? null,
    residencyPoints: score.residency?.points ?? null,
    knockOuts: score.knockOuts.map((k) => ({ questionKey: k.questionKey, label: k.label })),
    unknownCount: score.questions.filter((q) => q.status === "unknown").length,
  };
}

/**
 * Compares the latest scored assessment of 2–5 vendors of the actor's organisation on the same
 * template. With a weight profile, every candidate is scored again with it (what-if) and nothing
 * is stored. A vendor of another organisation is NOT_FOUND; vendors without a scored assessment or
 * on different templates give a refusal the page explains.
 */
export async function compareVendors(actor: UserActor, rawInput: CompareVendorsInput) {
  const input = parseUseCaseInput(compareVendorsInputSchema, rawInput);
  const vendorIds = [...new Set(input.vendorIds.map((id) => requireEntityId(id, "Vendor")))];
  if (vendorIds.length < MIN_CANDIDATES || vendorIds.length > MAX_CANDIDATES)
    return { ok: false as const, refusal: { reason: "count" } as ComparisonRefusal };
  const vendors = (
    await db().$queryRaw<{ id: string; name: string; organizationId: string }[]>`
      SELECT "id", "name", "organizationId" FROM "Vendor" WHERE "id" IN (${Prisma.join(vendorIds)})`
  ).filter(ofActorsOrganization(actor));
  if (vendors.length !== vendorIds.length)
    throw new DomainError("NOT_FOUND", "errors.vendorNotFound");
  const profile = input.profileId
    ? await getWeightProfile(actor, requireEntityId(input.profileId, "Weight profile"))
    : null;

  // The latest submitted, scored assessment of each vendor first (small columns only), then the
  // stored scores of just those: a stored score is large, and older ones are never shown.
  const submitted = await db().$queryRaw<LatestAssessmentRow[]>`
    SELECT a."id", a."vendorId", a."title", a."submittedAt", a."version", a."updatedAt", a."templateVersionId", tv."templateId", tv."version" AS "templateVersion",
           t."name" AS "templateName", w."name" AS "weightProfileName"
    FROM "Assessment" a
    JOIN "TemplateVersion" tv ON tv."id" = a."templateVersionId"
    JOIN "QuestionnaireTemplate" t ON t."id" = tv."templateId"
    LEFT JOIN "WeightProfile" w ON w."id" = a."weightProfileId"
    WHERE a."organizationId" = ${actor.organizationId} AND a."vendorId" IN (${Prisma.join(vendorIds)})
      AND a."scoreResult" IS NOT NULL AND a."submittedAt" IS NOT NULL
    ORDER BY a."submittedAt" DESC, a."id" DESC`;
  const latestRows = vendorIds.flatMap((id) => submitted.find((a) => a.vendorId === id) ?? []);
  // The stored scores of just those, parsed once per stored version and shared (read-only) by the
  // requests that follow: the large texts are read only for a version not parsed before.
  const scores = await readStoredScores(latestRows, async (ids) => {
    const rows = (
      await db().$queryRaw<{ id: string; scoreResult: string | null; organizationId: string }[]>`
        SELECT "id", "scoreResult", "organizationId" FROM "Assessment" WHERE "id" IN (${Prisma.join(ids)})`
    ).filter(ofActorsOrganization(actor));
    return new Map(rows.map((row) => [row.id, row.scoreResult]));
  });
  const latest = vendorIds.map((id) => {
    const row = latestRows.find((a) => a.vendorId === id) ?? null;
    const assessment = row
      ? {
          id: row.id,
          vendorId: row.vendorId,
          title: row.title,
          submittedAt: row.submittedAt,
          templateVersionId: row.templateVersionId,
          templateVersion: {
            templateId: row.templateId,
            version: Number(row.templateVersion),
            template: { name: row.templateName },
          },
          weightProfile: row.weightProfileName === null ? null : { name: row.weightProfileName },
        }
      : null;
    const stored = row ? (scores.get(row.id) ?? null) : null;
    return { vendor: vendors.find((v) => v.id === id)!, assessment, stored };
  });
  const unscored = latest.filter((c) => !c.stored);
  if (unscored.length > 0)
    return {
      ok: false as const,
      refusal: { reason: "notScored", vendors: unscored.map((c) => c.vendor) } as ComparisonRefusal,
    };
  const chosen = latest.map((c) => ({
    vendor: c.vendor,
    assessment: c.assessment!,
    stored: c.stored!,
  }));
  const templateIds = new Set(chosen.map((c) => c.assessment.templateVersion.templateId));
  if (templateIds.size > 1) {
    return {
      ok: false as const,
      refusal: {
        reason: "mixedTemplates",
        templates: chosen.map((c) => ({
          vendorName: c.vendor.name,
          templateName: c.assessment.templateVersion.template.name,
        })),
      } as ComparisonRefusal,
    };
  }

  const definitions = await loadPublishedDefinitions(
    chosen.map((c) => c.assessment.templateVersionId),
  );
  const answerRows = await db().$queryRaw<
    { assessmentId: string; questionKey: string; value: string }[]
  >`
    SELECT "assessmentId", "questionKey", "value" FROM "Answer"
    WHERE "organizationId" = ${actor.organizationId} AND "assessmentId" IN (${Prisma.join(chosen.map((c) => c.assessment.id))})`;
  const weightProfile: WeightProfile | null = profile
    ? { id: profile.id, name: profile.name, ...profile.weights }
    : null;

  const candidates = chosen.map(({ vendor, assessment, stored }) => {
    const definition = definitions.get(assessment.templateVersionId)!;
    const answers = Object.fromEntries(
      answerRows
        .filter((r) => r.assessmentId === assessment.id)
        .map((r) => [r.questionKey, parseStoredAnswer(r.value)]),
    );
    const asOf = assessment.submittedAt!.toISOString().slice(0, 10);
    const whatIf = weightProfile
      ? computeScoreOfPublishedVersion(assessment.templateVersionId, definition, answers, asOf, {
          weightProfile,
          // The what-if differs from the stored score by the profile only, not by a newer method.
          methodVersion: methodVersionToRecompute(stored),
        })
      : null;
    return {
      vendorId: vendor.id,
      vendorName: vendor.name,
      assessmentId: assessment.id,
      assessmentTitle: assessment.title,
      submittedAt: assessment.submittedAt!,
      templateVersion: assessment.templateVersion.version,
      storedWeightProfile: assessment.weightProfile?.name ?? null,
      stored: figuresOf(stored),
      whatIf: whatIf ? figuresOf(whatIf) : null,
      answers,
      points: new Map([...(whatIf ?? stored).questions].map((q) => [q.key, q.points])),
    };
  });

  // The newest template version among the candidates gives section and question order and labels.
  const newest = [...chosen].sort(
    (a, b) => b.assessment.templateVersion.version - a.assessment.templateVersion.version,
  )[0]!;
  // The labels the page shows: date placeholders resolved (issue 21 item 6).
  const reference = await displayDefinition(definitions.get(newest.assessment.templateVersionId)!, {
    organizationId: actor.organizationId,
  });
  const questions = questionsOf(reference);
  const differing = rankDifferingQuestions(
    questions.map((q, order) => ({
      key: q.key,
      order,
      answers: candidates.map((c) => c.answers[q.key] ?? null),
      points: candidates.map((c) => c.points.get(q.key) ?? null),
    })),
  );

  const storedRanks = rankByOverall(
    candidates.map((c) => ({ c, vendorName: c.vendorName, overall: c.stored.overall })),
  );
  const whatIfRanks = weightProfile
    ? rankByOverall(
        candidates.map((c) => ({ c, vendorName: c.vendorName, overall: c.whatIf!.overall })),
      )
    : null;
  const rankOf = (ranks: typeof storedRanks, c: (typeof candidates)[number]) =>
    [...ranks].find(([entry]) => entry.c === c)![1];

  return {
    ok: true as const,
    templateName: newest.assessment.templateVersion.template.name,
    profile: profile ? { id: profile.id, name: profile.name } : null,
    sections: reference.sections.map((s) => ({ key: s.key, title: s.title })),
    candidates: candidates.map((c) => ({
      vendorId: c.vendorId,
      vendorName: c.vendorName,
      assessmentId: c.assessmentId,
      assessmentTitle: c.assessmentTitle,
      submittedAt: c.submittedAt,
      templateVersion: c.templateVersion,
      storedWeightProfile: c.storedWeightProfile,
      stored: c.stored,
      whatIf: c.whatIf,
      storedRank: rankOf(storedRanks, c),
      whatIfRank: whatIfRanks ? rankOf(whatIfRanks, c) : null,
    })),
    differing: differing.map((d) => {
      const q = questions.find((x) => x.key === d.key)!;
      return {
        ...d,
        sectionKey: q.sectionKey,
        label: q.label,
        type: q.type,
        options: q.options?.map((o) => ({ value: o.value, label: o.label })) ?? [],
        answers: candidates.map((c) => c.answers[d.key] ?? null),
        points: candidates.map((c) => c.points.get(d.key) ?? null),
      };
    }),
  };
}

export type ComparisonResult = Awaited<ReturnType<typeof compareVendors>>;
export type Comparison = Extract<ComparisonResult, { ok: true }>;
