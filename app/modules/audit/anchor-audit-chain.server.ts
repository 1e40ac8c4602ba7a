import { db } from "../../utils/db.server";
import { inTransaction } from "../../utils/transaction.server";
import { describeAuditProblem } from "./audit-trail-verdict";
import { verifyAuditTrail } from "./verify-audit-trail.server";
import { writeAuditCheckpoint } from "./write-audit-checkpoint.server";

export type AnchorOutcome =
  | { anchored: true; seq: number }
  | { anchored: false; reason: "empty" | "up_to_date" }
  | { anchored: false; reason: "refused"; problems: string[] };

/**
 * `vetted audit anchor`: a checkpoint of the current head (reason "manual"), for quiet
 * organisations whose newest events wait long for the next cadence checkpoint (run it from cron),
 * and once for a chain written before anchoring existed. Refuses a chain that does not verify:
 * anchoring it would certify the tampering. A long chain without any checkpoint is anchored only
 * with `firstAnchor` (the operator vouches that it predates anchoring).
 */
export async function anchorAuditChain(
  organizationId: string,
  options: { firstAnchor?: boolean } = {},
): Promise<AnchorOutcome> {
  const verdict = await verifyAuditTrail(db(), organizationId);
  const blocking = verdict.problems.filter(
    (p) => !(p.kind === "no_checkpoint" && options.firstAnchor),
  );
  if (!verdict.chain.ok || blocking.length > 0) {
    const chainProblem = verdict.chain.ok
      ? []
      : [`chain broken at seq ${verdict.chain.brokenSeq}: ${verdict.chain.reason}`];
    return {
      anchored: false,
      reason: "refused",
      problems: [...chainProblem, ...blocking.map(describeAuditProblem)],
    };
  }
  if (verdict.headSeq === 0) return { anchored: false, reason: "empty" };
  if (verdict.unanchoredEvents === 0) return { anchored: false, reason: "up_to_date" };
  return inTransaction(async (tx) => {
    const head = await tx.auditEvent.findFirstOrThrow({
      where: { organizationId },
      orderBy: { seq: "desc" },
      select: { organizationId: true, seq: true, hash: true },
    });
    await writeAuditCheckpoint(tx, head, "manual");
    return { anchored: true as const, seq: head.seq };
  });
}
