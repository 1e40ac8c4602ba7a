// The delta of a re-review (issue 14 item 8): which questions the vendor is asked again, each with
// its reasons, and which answers are carried over. Pure: the caller loads both template versions,
// the source's answers and the links a change event touches.

import { z } from "zod";
import type { TemplateDefinition } from "../../questionnaires/template-definition";
import { diffTemplateDefinitions, type FieldChange } from "../../templates/template-diff";

export const deltaReasonSchema = z.discriminatedUnion("kind", [
  /** The provision(s) behind the question changed (a change event of the catalogue). */
  z.object({
    kind: z.literal("provision_changed"),
    changeEventId: z.string(),
    provisionKeys: z.array(z.string()),
  }),
  /** The question is new in the template version of the re-review. */
  z.object({ kind: z.literal("question_new") }),
  /** What the vendor reads or can choose changed (the fields are named). */
  z.object({ kind: z.literal("question_changed"), fields: z.array(z.string()) }),
  /** The source has no answer to carry (skipped, hidden then, or optional). */
  z.object({ kind: z.literal("not_answered_before") }),
  /**
   * Evidence is uploaded anew: files belong to one assessment (their access checks and the signed
   * report of the source rely on that), so a file answer is never carried.
   */
  z.object({ kind: z.literal("evidence_again") }),
]);
export type DeltaReason = z.infer<typeof deltaReasonSchema>;

export const deltaEntrySchema = z.object({
  questionKey: z.string(),
  reasons: z.array(deltaReasonSchema).min(1),
});
export type DeltaEntry = z.infer<typeof deltaEntrySchema>;

/** Assessment.deltaJson, parsed again on read; a broken value reads as "no delta" (a normal assessment). */
export function parseDelta(json: string | null | undefined): DeltaEntry[] | null {
  if (!json) return null;
  try {
    const parsed = z.array(deltaEntrySchema).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The fields of a question that change what the vendor reads or may answer. Scoring-only changes
 * (weight, points, knock-out, thresholds, tags, regulation references) do not make the old answer
 * wrong: such a question is carried, and the new score uses the new weights anyway.
 */
function vendorFacing(change: FieldChange): boolean {
  const [head, option, sub] = change.field.split(".");
  if (head === "label" || head === "help") return true;
  if (["type", "unit", "min", "max", "evidence", "showIf"].includes(head ?? "")) return true;
  if (head === "options" && option !== "order") return sub === undefined || sub === "label";
  return false;
}

export interface LinkedQuestion {
  questionKey: string;
  changeEventId: string;
  /** The changed provision keys that touch the question's links. */
  provisionKeys: string[];
}

export interface DeltaPlan {
  /** The questions asked again, in the order of the new template. */
  delta: DeltaEntry[];
  /** The questions whose source answer is carried over unchanged. */
  carried: string[];
}

/**
 * Every question of the new version is either asked again (new, reworded, touched by the change,
 * or without an answer to carry) or carried: nothing falls between the two, so the vendor's
 * page and the submit rule can rely on "not carried = asked".
 */
export function planDelta(input: {
  before: TemplateDefinition;
  after: TemplateDefinition;
  /** Question keys the source assessment has a non-empty answer for. */
  answeredKeys: ReadonlySet<string>;
  linked: readonly LinkedQuestion[];
}): DeltaPlan {
  const diff = diffTemplateDefinitions(input.before, input.after);
  const added = new Set(diff.questions.added.map((q) => q.key));
  const reworded = new Map(
    diff.questions.changed.flatMap((q) => {
      const fields = q.changes.filter(vendorFacing).map((c) => c.field);
      return fields.length > 0 ? [[q.key, fields] as const] : [];
    }),
  );
  const linkedByKey = new Map<string, LinkedQuestion[]>();
  for (const link of input.linked) {
    linkedByKey.set(link.questionKey, [...(linkedByKey.get(link.questionKey) ?? []), link]);
  }
  const delta: DeltaEntry[] = [];
  const carried: string[] = [];
  for (const question of input.after.sections.flatMap((s) => s.questions)) {
    const reasons: DeltaReason[] = [];
    for (const link of linkedByKey.get(question.key) ?? []) {
      reasons.push({
        kind: "provision_changed",
        changeEventId: link.changeEventId,
        provisionKeys: [...new Set(link.provisionKeys)].sort(),
      });
    }
    if (added.has(question.key)) reasons.push({ kind: "question_new" });
    const fields = reworded.get(question.key);
    if (fields) reasons.push({ kind: "question_changed", fields });
    if (reasons.length === 0 && !input.answeredKeys.has(question.key))
      reasons.push({ kind: "not_answered_before" });
    else if (reasons.length === 0 && question.type === "evidence")
      reasons.push({ kind: "evidence_again" });
    if (reasons.length > 0) delta.push({ questionKey: question.key, reasons });
    else carried.push(question.key);
  }
  return { delta, carried };
}
