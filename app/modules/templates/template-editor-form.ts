// What the template editor's forms post and what a refused post hands back to the page: shared
// by the editor use case (server), the route and the editor components (browser).
import type { TemplateFileError } from "./template-file";

/** Every form of the editor says what it does in its `intent` field. */
export const TEMPLATE_EDITOR_INTENTS = [
  "meta",
  "add-section",
  "update-section",
  "move-section",
  "delete-section",
  "add-question",
  "update-question",
  "move-question",
  "delete-question",
  "advanced",
  "publish",
  "discard",
] as const;
export type TemplateEditorIntent = (typeof TEMPLATE_EDITOR_INTENTS)[number];

/** The fields of a posted form as typed: shown again when the post is refused, so nothing is lost. */
export type PostedValues = Record<string, string | string[]>;

/** Problems that block the page: a conflict, nothing to publish, every parser worker busy. */
export interface EditorProblem {
  key: "conflict" | "conflictGone" | "identical" | "busy";
  revision?: number;
  version?: number;
}

/** A refused post: the problem or the definition's errors, the form that failed and what was typed in it. */
export interface TemplateEditorActionData {
  problem: EditorProblem | null;
  errors: TemplateFileError[];
  intent: string;
  target: string;
  posted: PostedValues;
}

export function postedValues(form: FormData): PostedValues {
  const out: PostedValues = {};
  for (const name of new Set(form.keys())) {
    const all = form.getAll(name).filter((v): v is string => typeof v === "string");
    out[name] = all.length > 1 || name === "evidenceTypes" ? all : (all[0] ?? "");
  }
  return out;
}
