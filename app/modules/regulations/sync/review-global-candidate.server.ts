import { db } from "../../../utils/db.server";

/**
 * An operator confirms or dismisses a candidate of the global catalogue (a sync run without
 * --org). No organisation's member may: a global row is every organisation's fact. The global
 * catalogue has no audit chain of its own, so the decision is written into the row's note.
 * False when there is no such open candidate.
 */
export async function reviewGlobalCandidate(
  changeEventId: string,
  decision: "confirm" | "dismiss",
  now = new Date(),
): Promise<boolean> {
  const trace = `${decision === "confirm" ? "Confirmed" : "Dismissed"} by an operator (vetted regulations review) on ${now.toISOString()}`;
  const updated = await db().changeEvent.updateMany({
    where: {
      id: changeEventId,
      organizationId: null,
      source: "sync",
      confirmed: false,
      dismissedAt: null,
    },
    data:
      decision === "confirm" ? { confirmed: true, note: trace } : { dismissedAt: now, note: trace },
  });
  return updated.count === 1;
}
