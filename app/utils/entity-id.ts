import { z } from "zod";
import { DomainError } from "./errors";

/**
 * A row id as a use case receives it. Checked before any query: Prisma reads `id: undefined` or
 * `id: {}` as "no condition", so an unchecked id would act on the organisation's first row.
 */
export const entityIdSchema = z.string().min(1).max(64);
export type EntityId = z.infer<typeof entityIdSchema>;

/** The id, or NOT_FOUND: a value that cannot be an id is answered like a foreign or missing one. */
export function requireEntityId(value: unknown, what: string): EntityId {
  const parsed = entityIdSchema.safeParse(value);
  if (!parsed.success) throw new DomainError("NOT_FOUND", "errors.notFound", { what });
  return parsed.data;
}

/**
 * An id field of a use case's input schema. Not checked by the schema (a missing key included):
 * the use case passes it to requireEntityId right after parsing, so a value that cannot be an id
 * is NOT_FOUND like a foreign one, not a VALIDATION error that would tell the two apart.
 */
export const entityIdInput = z.unknown().optional();
