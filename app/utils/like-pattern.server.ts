import { getEnv } from "./env.server";
import { providerOf, type Provider } from "./migrate.server";

/**
 * A value for Prisma's `contains` that matches as literally as each database allows. Prisma turns
 * `contains` into `LIKE '%…%'` without escaping the value (prisma/orm#19506):
 *   - PostgreSQL reads a backslash as LIKE's escape character, so `\`, `%` and `_` are escaped
 *     here and the value matches exactly. Unescaped, a backslash in the value (JSON writes `"` as
 *     `\"`) would make a stored value unfindable.
 *   - SQLite's LIKE has no escape character unless the query names one (Prisma's does not): a
 *     backslash is already literal, while `%` and `_` stay wildcards. They can only widen the
 *     match (one or any characters), never hide a row that contains the value.
 */
export function containsLiteral(
  value: string,
  provider: Provider = providerOf(getEnv().DATABASE_URL),
): string {
  return provider === "postgresql" ? value.replace(/[\\%_]/g, "\\$&") : value;
}
