import { z } from "zod";
import { db, type Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { assertCan } from "../../utils/permissions";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { visibleTo } from "./catalogue-scope";
import {
  TRIAGE_REASON_MAX_LENGTH,
  TRIAGE_STATUSES,
  TRIAGE_STATUSES_NEEDING_REASON,
} from "./triage-values";

export const TRIAGE_AUDIT_ACTION = "impact.triaged";

export const triageChangeInputSchema = z.strictObject({
  changeEventId: z.string().min(1).max(64),
  status: z.enum(TRIAGE_STATUSES),
  reason: z.string().trim().max(TRIAGE_REASON_MAX_LENGTH).optional(),
  /** The triage version the form was rendered with (0: there was none yet). */
  expectedVersion: z.number().int().min(0),
});
export type TriageChangeInput = z.input<typeof triageChangeInputSchema>;

export interface TriageChangeResult {
  status: string;
  version: number;
}

/**
 * The DPO (or an admin) triages a change event for the organisation. "not applicable" and
 * "deferred" need a reason. Optimistic concurrency: a form rendered with an older version gets a
 * CONFLICT (the page reloads the current state and keeps what was typed), never a silent
 * overwrite. The change and its audit event ("impact.triaged", the triage's history) commit
 * together.
 */
export async function triageChange({
  actor,
  input,
}: {
  actor: UserActor;
  input: TriageChangeInput;
}): Promise<TriageChangeResult> {
  assertCan(actor, "impact:triage", "impact.errorTriageForbidden");
  // Another organisation's change (or no change) is not found, whatever the form says: the
  // existence check comes before the form's validation.
  const id = typeof input.changeEventId === "string" ? input.changeEventId : "";
  const visible =
    id.length > 0 && id.length <= 64
      ? await db().changeEvent.findFirst({
          where: { id, ...visibleTo(actor) },
          select: { id: true },
        })
      : null;
  if (!visible) throw new DomainError("NOT_FOUND", "errors.notFound");
  const parsed = triageChangeInputSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("VALIDATION", "impact.errorTriageInvalid");
  const { changeEventId, status, expectedVersion } = parsed.data;
  const reason = parsed.data.reason ? parsed.data.reason : null;
  if (TRIAGE_STATUSES_NEEDING_REASON.includes(status) && !reason)
    throw new DomainError("VALIDATION", "impact.errorReasonRequired");
  try {
    return await inTransaction(async (tx) => {
      const event = await tx.changeEvent.findFirst({
        where: { id: changeEventId, ...visibleTo(actor) },
        select: { id: true },
      });
      if (!event) throw new DomainError("NOT_FOUND", "errors.notFound");
      const result = await writeTriage(tx, actor, changeEventId, expectedVersion, status, reason);
      await recordAuditEvent(tx, actor, {
        action: TRIAGE_AUDIT_ACTION,
        target: { type: "change_event", id: changeEventId },
        payload: { from: result.from, to: status, reason, version: result.version },
      });
      return { status, version: result.version };
    });
  } catch (error) {
    // Two first triages at once: the second meets the unique key, which is the same conflict.
    if (error instanceof DomainError && error.key === "errors.alreadyExists")
      throw new DomainError("CONFLICT", "impact.errorTriageChanged");
    throw error;
  }
}

async function writeTriage(
  tx: Tx,
  actor: UserActor,
  changeEventId: string,
  expectedVersion: number,
  status: string,
  reason: string | null,
): Promise<{ from: string | null; version: number }> {
  const { organizationId } = actor;
  const current = await tx.impactTriage.findUnique({
    where: { organizationId_changeEventId: { organizationId, changeEventId } },
    select: { id: true, status: true, version: true },
  });
  const stale = () => new DomainError("CONFLICT", "impact.errorTriageChanged");
  if (!current) {
    if (expectedVersion !== 0) throw stale();
    await tx.impactTriage.create({
      data: { organizationId, changeEventId, status, reason, decidedById: actor.userId },
    });
    return { from: null, version: 1 };
  }
  if (current.version !== expectedVersion) throw stale();
  // The version in the condition makes the check and the write one step (no lost update).
  const updated = await tx.impactTriage.updateMany({
    where: { id: current.id, version: expectedVersion },
    data: { status, reason, decidedById: actor.userId, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw stale();
  return { from: current.status, version: expectedVersion + 1 };
}
