import { z } from "zod";
import { db } from "../../utils/db.server";

/** The stored payload of an `assessment.forwarded` audit event (parsed again on read). */
const forwardedPayload = z.object({ note: z.string() });

export interface ForwardNote {
  note: string;
  byLabel: string;
  at: Date;
}

/**
 * The assessor's note to the DPO from the latest forwarding of this assessment, or null (never
 * forwarded, or forwarded without a note). The note lives only in the audit event that
 * forwardToDpo writes in its transaction, so the overview reads it from there instead of copying
 * it into a column. Scoped to the organisation like every query.
 */
export async function getForwardNote(
  organizationId: string,
  assessmentId: string,
): Promise<ForwardNote | null> {
  const event = await db().auditEvent.findFirst({
    where: {
      organizationId,
      action: "assessment.forwarded",
      targetType: "assessment",
      targetId: assessmentId,
    },
    orderBy: { seq: "desc" },
    select: { payload: true, actorLabel: true, createdAt: true },
  });
  if (!event) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(event.payload);
  } catch {
    return null;
  }
  const parsed = forwardedPayload.safeParse(raw);
  if (!parsed.success || parsed.data.note.trim() === "") return null;
  return { note: parsed.data.note, byLabel: event.actorLabel, at: event.createdAt };
}
