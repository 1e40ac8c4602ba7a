import { z } from "zod";
import { displayNameSchema } from "../../utils/display-name-schema";
import type { LocalizedMessage } from "../../utils/i18n";
import { fieldErrors, messageKey } from "../../utils/validation-messages";

/**
 * A weight profile overrides section and question weights of a template (e.g. "Health data":
 * residency weighs more). Weights are finite and ≥ 0 and not all zero; the scoring library
 * normalises them, so only their ratios matter.
 */
const weight = z
  .number({ message: messageKey("weights.weightNotANumber") })
  .finite({ message: messageKey("weights.weightNotANumber") })
  .min(0, { message: messageKey("weights.weightNegative") })
  .max(1000, { message: messageKey("weights.weightTooLarge") });
const KEY_PATTERN = /^[a-z0-9_.-]{1,120}$/;

/**
 * Keys are checked here rather than by z.record's key schema: zod reports a bad record key as
 * "invalid_key" without the key schema's message, which would reach the reader as a generic text.
 */
const weightMap = z.record(z.string(), weight).superRefine((weights, ctx) => {
  for (const key of Object.keys(weights)) {
    if (!KEY_PATTERN.test(key))
      ctx.addIssue({
        code: "custom",
        message: messageKey("weights.weightKeyInvalid"),
        path: [key],
      });
  }
});

export const weightsSchema = z
  .object({
    sectionWeights: weightMap.default({}),
    questionWeights: weightMap.default({}),
  })
  .refine(
    (w) =>
      Object.values(w.sectionWeights).length === 0 ||
      Object.values(w.sectionWeights).some((v) => v > 0),
    {
      message: messageKey("weights.weightsAllZero"),
      path: ["sectionWeights"],
    },
  );
export type Weights = z.infer<typeof weightsSchema>;

export const weightProfileInputSchema = z.object({
  name: displayNameSchema({
    max: 80,
    required: messageKey("weights.nameRequired"),
    tooLong: messageKey("weights.nameTooLong"),
  }),
  // No message of its own: the generic "at most {max} characters" key carries the bound.
  description: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((v) => v || undefined),
  weights: weightsSchema,
});
/** What callers pass (the use case parses it again); the parsed form has the name cleaned. */
export type WeightProfileInput = z.input<typeof weightProfileInputSchema>;
export type ParsedWeightProfileInput = z.output<typeof weightProfileInputSchema>;

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
 * `questionWeights` holds lines "question.key = 2". Returns a message per field for anything
 * unreadable, translated where it is shown.
 */
export function weightsFromForm(
  form: FormData,
): { ok: true; weights: Weights } | { ok: false; errors: Record<string, LocalizedMessage> } {
  const errors: Record<string, LocalizedMessage> = {};
  const sectionWeights: Record<string, number> = {};
  for (const [field, raw] of form) {
    if (typeof raw !== "string" || !field.startsWith("section.")) continue;
    const text = raw.trim().replace(",", ".");
    if (text === "") continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) errors[field] = { key: "weights.weightNegative" };
    else sectionWeights[field.slice("section.".length)] = value;
  }
  const questionWeights: Record<string, number> = {};
  const lines = String(form.get("questionWeights") ?? "").split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const [rawKey = "", rawValue = "", ...rest] = line.split(/[=:]/);
    const key = rawKey.trim();
    const value = Number(rawValue.trim().replace(",", "."));
    if (
      rest.length > 0 ||
      !/^[a-z0-9_.-]+$/.test(key) ||
      rawValue.trim() === "" ||
      !Number.isFinite(value)
    ) {
      errors.questionWeights ??= {
        key: "weights.questionLineInvalid",
        params: { line: index + 1 },
      };
      return;
    }
    questionWeights[key] = value;
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = weightsSchema.safeParse({ sectionWeights, questionWeights });
  if (!parsed.success) return { ok: false, errors: weightFieldErrors(parsed.error.issues) };
  return { ok: true, weights: parsed.data };
}

/**
 * The form's fields for issues of the weights: a section's own field (`section.<key>`), the
 * question lines (`questionWeights`), or the sections as a whole (`sectionWeights`).
 */
function weightFieldErrors(
  issues: Parameters<typeof fieldErrors>[0],
): Record<string, LocalizedMessage> {
  const errors: Record<string, LocalizedMessage> = {};
  for (const [path, message] of Object.entries(fieldErrors(issues))) {
    const [group = "", key] = path.split(/\.(.*)/s);
    const field =
      group === "sectionWeights" && key
        ? `section.${key}`
        : group === "questionWeights"
          ? "questionWeights"
          : "sectionWeights";
    errors[field] ??= message;
  }
  return errors;
}
