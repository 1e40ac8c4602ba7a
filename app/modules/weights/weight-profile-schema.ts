import { z } from "zod";
import { displayNameSchema } from "../../utils/display-name-schema";

/**
 * A weight profile overrides section and question weights of a template (e.g. "Health data":
 * residency weighs more). Weights are finite and ≥ 0 and not all zero; the scoring library
 * normalises them, so only their ratios matter.
 */
const weight = z.number({ message: "weightNotANumber" }).finite({ message: "weightNotANumber" }).min(0, { message: "weightNegative" }).max(1000, { message: "weightTooLarge" });
const key = z.string().regex(/^[a-z0-9_.-]{1,120}$/, { message: "weightKeyInvalid" });

export const weightsSchema = z
  .object({
    sectionWeights: z.record(key, weight).default({}),
    questionWeights: z.record(key, weight).default({}),
  })
  .refine((w) => Object.values(w.sectionWeights).length === 0 || Object.values(w.sectionWeights).some((v) => v > 0), {
    message: "weightsAllZero",
    path: ["sectionWeights"],
  });
export type Weights = z.infer<typeof weightsSchema>;

export const weightProfileInputSchema = z.object({
  name: displayNameSchema({ max: 80, required: "nameRequired", tooLong: "nameTooLong" }),
  description: z.string().trim().max(500).optional().transform((v) => v || undefined),
  weights: weightsSchema,
});
export interface WeightProfileInput {
  name: string;
  description?: string;
  weights: Weights;
}

/** Stored weights are parsed again on read; unreadable ones count as "no overrides". */
export function parseStoredWeights(json: string): Weights {
  try {
    const parsed = weightsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : { sectionWeights: {}, questionWeights: {} };
  } catch {
    return { sectionWeights: {}, questionWeights: {} };
  }
}

/**
 * Reads the profile form: fields `section.<key>` hold section weights (empty = template weight),
 * `questionWeights` holds lines "question.key = 2". Returns field errors for anything unreadable.
 */
export function weightsFromForm(form: FormData): { ok: true; weights: Weights } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const sectionWeights: Record<string, number> = {};
  for (const [field, raw] of form) {
    if (typeof raw !== "string" || !field.startsWith("section.")) continue;
    const text = raw.trim().replace(",", ".");
    if (text === "") continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) errors[field] = "weightNegative";
    else sectionWeights[field.slice("section.".length)] = value;
  }
  const questionWeights: Record<string, number> = {};
  const lines = String(form.get("questionWeights") ?? "").split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const [rawKey = "", rawValue = "", ...rest] = line.split(/[=:]/);
    const key = rawKey.trim();
    const value = Number(rawValue.trim().replace(",", "."));
    if (rest.length > 0 || !/^[a-z0-9_.-]+$/.test(key) || rawValue.trim() === "" || !Number.isFinite(value)) {
      errors.questionWeights ??= `line:${index + 1}`;
      return;
    }
    questionWeights[key] = value;
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = weightsSchema.safeParse({ sectionWeights, questionWeights });
  if (!parsed.success) return { ok: false, errors: { sectionWeights: parsed.error.issues[0]?.message ?? "weightsAllZero" } };
  return { ok: true, weights: parsed.data };
}
