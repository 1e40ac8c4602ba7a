// Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, so equal data always
// serialises to the same bytes whatever order its keys were written in. Pure.

import { ScoringInputError } from "./types";

/** Serialises plain data (objects, arrays, strings, finite numbers, booleans, null) canonically. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") {
    return JSON.stringify(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ScoringInputError("canonical JSON: non-finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    return `[${items.map((item) => canonicalJson(item)).join(",")}]`;
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      // Object keys are unique, so no two compare equal.
      .sort((a, b) => (a < b ? -1 : 1));
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
  }
  throw new ScoringInputError(`canonical JSON: cannot serialise a value of type ${typeof value}`);
}
