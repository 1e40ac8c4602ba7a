import { db } from "../../utils/db.server";
import type { AuditTrailVerdict } from "../audit/audit-trail-verdict";
import { verifyAuditTrail } from "../audit/verify-audit-trail.server";
import type { UserActor } from "../auth/actor";
import { assertCan } from "../../utils/permissions";

/**
 * Admins and auditors check their organisation's audit trail (read-only): the same verification
 * as `vetted audit verify` — the chain, its checkpoints and the chain heads of its signed reports.
 */
export async function verifyAuditLog(
  actor: UserActor,
  _input: Record<string, never> = {},
): Promise<AuditTrailVerdict & { checkedAt: string }> {
  assertCan(actor, "audit:read", "audit.errorForbidden");
  const verdict = await verifyAuditTrail(db(), actor.organizationId);
  return { ...verdict, checkedAt: new Date().toISOString() };
}
