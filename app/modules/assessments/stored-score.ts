import { z } from "zod";
import type { ScoringResult } from "../../../scoring";

/**
 * The stored score result is parsed again on read: the common part of every method version is
 * validated; later versions' extra parts (transparency, residency, explanation) pass through as
 * the library produced them. An unreadable result is treated as absent.
 */
const storedScoreSchema = z.looseObject({
  methodVersion: z.string(),
  overall: z.number().nullable(),
  riskTier: z.enum(["low", "medium", "high", "critical"]).nullable(),
  sections: z.array(
    z.looseObject({
      key: z.string(),
      score: z.number().nullable(),
      weight: z.number(),
      answeredCount: z.number(),
      applicableCount: z.number(),
      unknownCount: z.number(),
      questionCount: z.number(),
    }),
  ),
  questions: z.array(
    z.looseObject({
      key: z.string(),
      sectionKey: z.string(),
      points: z.number().nullable(),
      status: z.string(),
      reason: z.string(),
      weight: z.number(),
      contributionToOverall: z.number(),
      maxContributionToOverall: z.number(),
    }),
  ),
  knockOuts: z.array(z.object({ questionKey: z.string(), label: z.string() })),
  completeness: z.looseObject({
    required: z.number(),
    answeredRequired: z.number(),
    ratio: z.number(),
    missingRequired: z.array(z.string()),
  }),
  transparency: z.looseObject({ satisfied: z.number(), total: z.number() }).nullable().optional(),
  residency: z
    .looseObject({ rating: z.string(), flows: z.array(z.unknown()) })
    .nullable()
    .optional(),
});
export type StoredScore = ScoringResult;

export function parseStoredScore(json: string | null): StoredScore | null {
  if (!json) return null;
  try {
    const parsed = storedScoreSchema.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as unknown as StoredScore) : null;
  } catch {
    return null;
  }
}
