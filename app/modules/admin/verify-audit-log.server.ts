import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { UserActor } from "../auth/actor";
import { verifyAuditChain, type ChainVerdict } from "../audit/verify-audit-chain.server";

/** Admins and auditors check their organisation's audit chain (read-only). */
export async function verifyAuditLog(actor: UserActor, _input: Record<string, never> = {}): Promise<ChainVerdict & { checkedAt: string }> {
  if (actor.role !== "ADMIN" && actor.role !== "AUDITOR") throw new DomainError("FORBIDDEN", "audit.errorForbidden");
  const verdict = await verifyAuditChain(db(), actor.organizationId);
  return { ...verdict, checkedAt: new Date().toISOString() };
}
