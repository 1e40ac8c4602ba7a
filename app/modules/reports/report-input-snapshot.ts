import { z } from "zod";
import type { ReportInput } from "./report-input";

/**
 * A ReportInput kept as JSON on the pending report (ADR 0020): the decision's transaction
 * collects what the report shows, and whoever signs it later — right after the commit, or the
 * sweep after a crash — renders exactly that. Parsed again on read (stored JSON is never trusted).
 */
const text = z.string();
const reportInputSchema = z.object({
  language: z.enum(["en", "de"]),
  organizationName: text,
  vendorName: text,
  productName: text,
  assessment: z.object({
    id: text,
    title: text,
    templateName: text,
    templateVersion: text,
    scoringMethodVersion: text,
    submittedAt: text,
  }),
  decision: z.object({
    outcomeCode: z.enum(["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"]),
    outcome: text,
    rationale: text,
    conditions: z.array(z.object({ text, dueDate: text })),
    decidedBy: text,
    decidedAt: text,
    recommendation: text.nullable(),
    againstRecommendation: z.boolean(),
    overrideReason: text.nullable(),
  }),
  signerName: text,
  summary: z.object({
    overallScore: z.number().nullable(),
    riskTier: text,
    completeness: z.number(),
  }),
  sections: z.array(z.object({ title: text, score: z.number().nullable(), weight: z.number() })),
  knockOuts: z.array(z.object({ question: text, label: text })),
  transparency: z
    .array(z.object({ domain: text, earned: z.number(), total: z.number() }))
    .nullable(),
  residency: z
    .object({
      overallClass: text,
      flows: z.array(
        z.object({
          kind: text,
          label: text,
          country: text,
          residencyClass: text,
          legalBasis: text,
        }),
      ),
      scopeNotes: z.array(z.object({ country: text, note: text })).optional(),
    })
    .nullable(),
  findings: z.array(
    z.object({
      title: text,
      severity: text,
      status: text,
      owner: text,
      dueDate: text,
      description: text,
      remediation: text,
      questions: z.array(text),
    }),
  ),
  answers: z.array(
    z.object({
      title: text,
      answers: z.array(
        z.object({
          question: text,
          answer: text,
          points: text,
          // Absent in snapshots recorded before issue 15.
          reason: text.optional(),
          references: z.array(text),
          evidence: z.array(z.object({ fileName: text, sha256: text })),
          provisions: z
            .array(z.object({ provision: text, instrument: text, status: text }))
            .optional(),
        }),
      ),
    }),
  ),
  references: z.array(z.object({ reference: text, questionCount: z.number() })),
  catalogue: z.object({ version: text, sha256: text, onDate: text }).nullable().optional(),
  aiAssistance: z.array(text).nullable(),
  auditHead: z.object({ seq: z.number().int(), hash: text }),
  verifyUrl: text,
  generatedAt: z.iso.datetime().transform((value) => new Date(value)),
});

export function serializeReportInput(input: ReportInput): string {
  return JSON.stringify(input);
}

/** Throws when the stored snapshot is not a report input (a permanent failure of that report). */
export function parseReportInput(json: string): ReportInput {
  return reportInputSchema.parse(JSON.parse(json)) satisfies ReportInput;
}
