// What the pages show of a re-review: the delta with each reason in words-ready form (the change's
// summary in both languages), the carried answers with the day they were first given and their
// confirmation, and the source. Read-only; the vendor portal and the assessor's page use it.

import { db, type Tx } from "../../../utils/db.server";
import { parseDelta, type DeltaReason } from "./delta";

type Client = Tx | ReturnType<typeof db>;

export type ReasonView =
  | { kind: "provision_changed"; summary: { en: string; de: string }; provisionKeys: string[] }
  | { kind: Exclude<DeltaReason["kind"], "provision_changed"> };

export interface ReReviewView {
  source: { id: string; title: string; vendorId: string };
  change: { id: string; key: string; summary: { en: string; de: string } } | null;
  delta: { questionKey: string; reasons: ReasonView[] }[];
  carried: {
    questionKey: string;
    firstGivenAt: string;
    confirmedAt: string | null;
  }[];
  /** When the vendor confirmed the carried answers (null: not yet, or nothing was carried). */
  confirmedAt: string | null;
}

/** The re-review facts of an assessment of the organisation; null when it is not a re-review. */
export async function getReReviewView(
  organizationId: string,
  assessmentId: string,
  client: Client = db(),
): Promise<ReReviewView | null> {
  const assessment = await client.assessment.findFirst({
    where: { id: assessmentId, organizationId },
    select: {
      deltaJson: true,
      reReviewOf: { select: { id: true, title: true, vendorId: true } },
      changeEvent: { select: { id: true, key: true, summaryEn: true, summaryDe: true } },
    },
  });
  const delta = parseDelta(assessment?.deltaJson);
  if (!assessment || !delta || !assessment.reReviewOf) return null;
  const events = new Map<string, { en: string; de: string }>();
  const eventIds = [
    ...new Set(
      delta.flatMap((e) =>
        e.reasons.flatMap((r) => (r.kind === "provision_changed" ? [r.changeEventId] : [])),
      ),
    ),
  ];
  if (eventIds.length > 0) {
    const rows = await client.changeEvent.findMany({
      where: {
        id: { in: eventIds },
        OR: [{ organizationId: null }, { organizationId }],
      },
      select: { id: true, summaryEn: true, summaryDe: true },
    });
    for (const row of rows) events.set(row.id, { en: row.summaryEn, de: row.summaryDe });
  }
  const carriedRows = await client.answer.findMany({
    where: { assessmentId, organizationId, carriedFromAssessmentId: { not: null } },
    select: { questionKey: true, firstGivenAt: true, carriedConfirmedAt: true },
    orderBy: { questionKey: "asc" },
  });
  const confirmed = carriedRows.map((row) => row.carriedConfirmedAt);
  const allConfirmed = confirmed.length > 0 && confirmed.every((at) => at !== null);
  const change = assessment.changeEvent;
  return {
    source: assessment.reReviewOf,
    change: change
      ? { id: change.id, key: change.key, summary: { en: change.summaryEn, de: change.summaryDe } }
      : null,
    delta: delta.map((entry) => ({
      questionKey: entry.questionKey,
      reasons: entry.reasons.map((reason): ReasonView =>
        reason.kind === "provision_changed"
          ? {
              kind: reason.kind,
              provisionKeys: reason.provisionKeys,
              summary: events.get(reason.changeEventId) ?? { en: "", de: "" },
            }
          : { kind: reason.kind },
      ),
    })),
    carried: carriedRows.map((row) => ({
      questionKey: row.questionKey,
      firstGivenAt: row.firstGivenAt.toISOString(),
      confirmedAt: row.carriedConfirmedAt?.toISOString() ?? null,
    })),
    confirmedAt: allConfirmed
      ? new Date(Math.max(...confirmed.map((at) => at!.getTime()))).toISOString()
      : null,
  };
}
