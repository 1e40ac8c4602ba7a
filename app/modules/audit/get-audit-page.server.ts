import type { UserActor } from "~/modules/auth/actor";
import { runUseCase } from "~/utils/http.server";
import { listAuditEvents, parseAuditQuery } from "./list-audit-events.server";

const FILTER_FIELDS = ["action", "actor", "from", "to", "targetType"] as const;
export type AuditFilterField = (typeof FILTER_FIELDS)[number];

/**
 * One page of the organisation's audit trail with its filters. A filter that does not parse is
 * ignored (and reported per field); the form shows what was typed, even when it was rejected.
 */
export async function getAuditPage(actor: UserActor, input: { searchParams: URLSearchParams }) {
  const { query, errors } = parseAuditQuery(input.searchParams);
  const page = await runUseCase(() => listAuditEvents(actor, query));
  const typed = Object.fromEntries(
    FILTER_FIELDS.map((k) => [k, (input.searchParams.get(k) ?? "").slice(0, 320)]),
  ) as Record<AuditFilterField, string>;
  return { page, typed, errors, filtered: Object.values(typed).some(Boolean) };
}
