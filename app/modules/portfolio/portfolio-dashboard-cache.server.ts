import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";
import { assertCanReadVendors } from "../vendors/vendor-access";
import { loadPortfolioDashboard, type PortfolioDashboard } from "./portfolio-dashboard.server";

/**
 * The dashboard's figures per organisation, kept between requests. They do not depend on the
 * table's filters, sort or page, so paging or filtering the portfolio need not count the whole
 * organisation again. The same rules as the rendered-page cache (ADR 0012): an entry belongs to
 * the organisation's audit-chain head (every write that changes a figure records an audit event
 * in its transaction, so a new head means new figures) and lives at most a minute, which bounds
 * what time alone changes (an assessment becoming overdue, a certificate entering a window).
 */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 1000;

const entries = new Map<
  string,
  { head: string; storedAt: number; dashboard: PortfolioDashboard }
>();

export async function cachedPortfolioDashboard(
  actor: UserActor,
  now: Date,
): Promise<PortfolioDashboard> {
  assertCanReadVendors(actor);
  const [row] = await db().$queryRaw<{ seq: number | bigint }[]>`
    SELECT "seq" FROM "AuditEvent" WHERE "organizationId" = ${actor.organizationId} ORDER BY "seq" DESC LIMIT 1`;
  const head = String(row?.seq ?? 0);
  const entry = entries.get(actor.organizationId);
  const age = now.getTime() - (entry?.storedAt ?? 0);
  if (entry && entry.head === head && age >= 0 && age < MAX_AGE_MS) return entry.dashboard;
  const dashboard = await loadPortfolioDashboard(actor, { now });
  entries.delete(actor.organizationId);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(actor.organizationId, { head, storedAt: now.getTime(), dashboard });
  return dashboard;
}
