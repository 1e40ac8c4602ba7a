import type { z } from "zod";
import { DomainError } from "./errors";
import { isMessageKey, type LocalizedMessage, type MessageKey, type MessageParams } from "./i18n";

/**
 * zod issues → messages the view translates. A schema names its message as a key
 * (`.min(10, messageKey("assessments.rationaleTooShort"))`); a rule without its own message gets
 * a generic key by the issue's code, with the bound it broke (`{min}`, `{max}`) as a parameter,
 * so "at least 10 characters" reads right in German too. No English text from zod reaches a page.
 */

/** The shape of a zod 4 issue that this module reads (kept structural: zod's own union is wide). */
export interface IssueLike {
  readonly code?: string;
  readonly message: string;
  readonly path: readonly PropertyKey[];
  readonly minimum?: number | bigint | Date;
  readonly maximum?: number | bigint | Date;
  readonly origin?: string;
  readonly expected?: string;
  readonly input?: unknown;
  /** A custom issue's own parameters (`ctx.addIssue({ …, params: { value } })`). */
  readonly params?: Record<string, unknown>;
}

/** A schema's message, typed: only keys of the dictionaries compile. */
export function messageKey(key: MessageKey): MessageKey {
  return key;
}

function bound(value: number | bigint | Date | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "bigint" ? value.toString() : value;
}

function boundParams(issue: IssueLike): MessageParams | undefined {
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(issue.params ?? {})) {
    if (typeof value === "string" || typeof value === "number") params[name] = value;
  }
  const min = bound(issue.minimum);
  const max = bound(issue.maximum);
  if (min !== undefined) params.min = min;
  if (max !== undefined) params.max = max;
  return Object.keys(params).length > 0 ? params : undefined;
}

function genericKey(issue: IssueLike): MessageKey {
  const origin = issue.origin ?? "";
  switch (issue.code) {
    case "too_small":
      if (origin === "string")
        return Number(bound(issue.minimum)) <= 1 ? "errors.required" : "errors.tooShort";
      if (origin === "array" || origin === "set") return "errors.tooFewItems";
      return "errors.numberTooSmall";
    case "too_big":
      if (origin === "string") return "errors.tooLong";
      if (origin === "array" || origin === "set") return "errors.tooManyItems";
      return "errors.numberTooLarge";
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return "errors.required";
      return issue.expected === "number" || issue.expected === "int"
        ? "errors.notANumber"
        : "errors.invalidInput";
    case "invalid_value":
    case "invalid_union":
      return "errors.invalidChoice";
    case "invalid_format":
      return "errors.invalidFormat";
    default:
      return "errors.invalidInput";
  }
}

export function messageForIssue(issue: IssueLike): LocalizedMessage {
  const key = isMessageKey(issue.message) ? issue.message : genericKey(issue);
  const params = boundParams(issue);
  return params ? { key, params } : { key };
}

/** `{ field: first message }` for a form; issues without a path land on `_form`. */
export function fieldErrors(issues: readonly IssueLike[]): Record<string, LocalizedMessage> {
  const errors: Record<string, LocalizedMessage> = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "_form";
    errors[field] ??= messageForIssue(issue);
  }
  return errors;
}

/** A VALIDATION DomainError for a failed parse: the first issue's message, all fields in details. */
export function validationError(issues: readonly IssueLike[]): DomainError {
  const first: LocalizedMessage = issues[0]
    ? messageForIssue(issues[0])
    : { key: "errors.invalidInput" };
  return new DomainError("VALIDATION", first.key, {
    params: first.params,
    fields: fieldErrors(issues),
  });
}

/**
 * Parses a use case's input with its own schema (house rule: each use case parses its input and
 * exports its types via z.infer). Malformed input from any caller — a route, the CLI, a test —
 * is a VALIDATION DomainError with the first issue's key and every field's message, never a
 * ZodError or a TypeError further down that would answer 500.
 */
export function parseUseCaseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error.issues);
  return result.data;
}

/**
 * `{ field: the schema's own message }` for forms whose schema names short codes of one
 * namespace (`rationaleTooShort` → `assessments.rationaleTooShort`); the view turns a code into
 * a key with `labelKey` and falls back to a generic translated message, never to the raw text.
 */
export function issueCodes(issues: readonly IssueLike[]): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const issue of issues) codes[issue.path.map(String).join(".") || "_form"] ??= issue.message;
  return codes;
}
