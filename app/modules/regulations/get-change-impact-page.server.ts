import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { can } from "../../utils/permissions";
import type { UserActor } from "../auth/actor";
import { analyseImpact, type ImpactAnalysis } from "./analyse-impact.server";
import {
  listResidencyReratings,
  type ResidencyReratingRow,
} from "./list-residency-reratings.server";
import { TRIAGE_AUDIT_ACTION } from "./triage-change.server";

const HISTORY_LIMIT = 100;

export interface TriageHistoryEntry {
  at: string;
  actor: string;
  kind: "triaged" | "raised";
  from: string | null;
  to: string | null;
  reason: string | null;
}

export interface ChangeImpactPage {
  impact: ImpactAnalysis;
  triage: {
    status: string;
    reason: string | null;
    version: number;
    raisedAt: string | null;
  } | null;
  history: TriageHistoryEntry[];
  reratings: ResidencyReratingRow[];
  canTriage: boolean;
  canStartReReview: boolean;
}

/**
 * Everything the change's detail page shows: the facts and impact (analyseImpact), the
 * organisation's triage and its history (the audit trail's "impact.triaged" and "impact.raised"
 * events of this change) and the residency re-ratings it caused. NOT_FOUND for an event the actor
 * may not see (another organisation's, a malformed id).
 */
export async function getChangeImpactPage(
  actor: UserActor,
  changeEventId: string,
): Promise<ChangeImpactPage> {
  const { organizationId } = actor;
  const impact = await analyseImpact({ organizationId }, changeEventId);
  if (!impact) throw new DomainError("NOT_FOUND", "errors.notFound");
  const triage = await db().impactTriage.findUnique({
    where: { organizationId_changeEventId: { organizationId, changeEventId: impact.event.id } },
    select: { status: true, reason: true, version: true, raisedAt: true },
  });
  const events = await db().auditEvent.findMany({
    where: {
      organizationId,
      action: { in: [TRIAGE_AUDIT_ACTION, "impact.raised"] },
      targetType: "change_event",
      targetId: impact.event.id,
    },
    orderBy: { seq: "desc" },
    take: HISTORY_LIMIT,
    select: { action: true, actorLabel: true, createdAt: true, payload: true },
  });
  const history = events.map((event): TriageHistoryEntry => {
    const payload = parsePayload(event.payload);
    return {
      at: event.createdAt.toISOString(),
      actor: event.actorLabel,
      kind: event.action === TRIAGE_AUDIT_ACTION ? "triaged" : "raised",
      from: typeof payload.from === "string" ? payload.from : null,
      to: typeof payload.to === "string" ? payload.to : null,
      reason: typeof payload.reason === "string" ? payload.reason : null,
    };
  });
  return {
    impact,
    triage: triage
      ? { ...triage, raisedAt: triage.raisedAt ? triage.raisedAt.toISOString().slice(0, 10) : null }
      : null,
    history,
    reratings: await listResidencyReratings(organizationId, { changeEventId: impact.event.id }),
    canTriage: can(actor.role, "impact:triage"),
    canStartReReview: can(actor.role, "assessment:edit"),
  };
}

function parsePayload(json: string): Record<string, unknown> {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
