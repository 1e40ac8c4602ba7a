import { z } from "zod";
import { can } from "../../utils/permissions";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { parseUseCaseInput } from "../../utils/validation-messages";

export const reviewChangeCandidateSchema = z.object({
  changeEventId: z.string().min(1).max(64),
  intent: z.enum(["confirm", "dismiss"]),
});

/**
 * A person confirms or dismisses a change event that an online sync proposed for the actor's
 * organisation. Confirmed, it counts as a fact; dismissed, it stays stored (so the next sync does
 * not propose it again) but is never shown. Only the organisation's own open candidates qualify:
 * anything else (another organisation's, a bundled fact, one already handled) is NOT_FOUND.
 */
export async function reviewChangeCandidate(
  actor: UserActor,
  rawInput: unknown,
  now = new Date(),
): Promise<"confirmed" | "dismissed"> {
  if (!can(actor.role, "regulation-change:review"))
    throw new DomainError("FORBIDDEN", "errors.forbidden");
  const input = parseUseCaseInput(reviewChangeCandidateSchema, rawInput);
  return inTransaction(async (tx) => {
    const updated = await tx.changeEvent.updateMany({
      where: {
        id: input.changeEventId,
        organizationId: actor.organizationId,
        source: "sync",
        confirmed: false,
        dismissedAt: null,
      },
      data: input.intent === "confirm" ? { confirmed: true } : { dismissedAt: now },
    });
    if (updated.count !== 1)
      throw new DomainError("NOT_FOUND", "regulationChanges.candidateNotFound");
    await recordAuditEvent(tx, actor, {
      action:
        input.intent === "confirm"
          ? "regulations.change_candidate_confirmed"
          : "regulations.change_candidate_dismissed",
      target: { type: "change_event", id: input.changeEventId },
    });
    return input.intent === "confirm" ? "confirmed" : "dismissed";
  });
}
