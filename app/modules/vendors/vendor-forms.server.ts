import { DomainError } from "../../utils/errors";

/**
 * Small request helpers for the vendor routes: a malformed body is a 400, never a 500, and the
 * confirmation checkbox of destructive forms is checked on the server too.
 */
export { readFormData } from "../../utils/form-data.server";

/** Destructive forms carry a checkbox `confirm=yes` (the browser requires it; the server checks it). */
export function isConfirmed(form: FormData): boolean {
  return form.get("confirm") === "yes";
}

export function isConflict(error: unknown): error is DomainError {
  return error instanceof DomainError && error.code === "CONFLICT";
}

/** The value of the `intent` field when it is one of `allowed`, otherwise null. */
export function readIntent<T extends string>(form: FormData, allowed: readonly T[]): T | null {
  const intent = form.get("intent");
  return typeof intent === "string" && (allowed as readonly string[]).includes(intent)
    ? (intent as T)
    : null;
}
