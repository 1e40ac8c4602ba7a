import { db } from "../../utils/db.server";
import { checkRecentAuditChain } from "../audit/check-recent-audit-chain.server";
import { startOfDayInZone } from "../audit/list-audit-events.server";
import {
  HOME_ITEMS_PER_SECTION,
  RECENT_DECISION_DAYS,
  type HomeAuditChain,
  type HomeSection,
} from "./home-types";
const DAY_MS = 86_400_000;

/**
 * The auditor's overview: the organisation's recent decisions (newest first, with their outcome)
 * and a bounded check of the audit chain (checkRecentAuditChain); the full verification is one
 * click away on /audit.
 */
export async function auditOverview(
  organizationId: string,
  now: Date,
): Promise<{ section: HomeSection; chain: HomeAuditChain }> {
  // From the start of the day RECENT_DECISION_DAYS ago, as the audit log's "from" filter reads
  // it: the count and the list it opens are the same decisions.
  const fromDay = new Date(now.getTime() - RECENT_DECISION_DAYS * DAY_MS)
    .toISOString()
    .slice(0, 10);
  const recent = { organizationId, createdAt: { gte: startOfDayInZone(fromDay) } };
  const [count, decisions, chain] = await Promise.all([
    db().decision.count({ where: recent }),
    db().decision.findMany({
      where: recent,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HOME_ITEMS_PER_SECTION,
      select: {
        id: true,
        outcome: true,
        createdAt: true,
        assessment: {
          select: {
            id: true,
            title: true,
            vendor: { select: { name: true } },
            product: { select: { name: true } },
          },
        },
      },
    }),
    checkRecentAuditChain(db(), organizationId),
  ]);
  return {
    section: {
      id: "recentDecisions",
      count,
      href: `/audit?action=assessment.decided&from=${fromDay}`,
      items: decisions.map(({ assessment, ...row }) => ({
        key: row.id,
        title: assessment.title,
        detail: assessment.product
          ? `${assessment.vendor.name} · ${assessment.product.name}`
          : assessment.vendor.name,
        href: `/assessments/${assessment.id}`,
        date: row.createdAt.toISOString(),
        dateKind: "decided",
        status: row.outcome,
      })),
    },
    chain:
      chain.state === "empty"
        ? chain
        : {
            state: chain.state,
            headSeq: chain.headSeq,
            lastEventAt: chain.lastEventAt.toISOString(),
            checkedEvents: chain.checkedEvents,
            brokenSeq: chain.brokenSeq,
            checkpointSeq: chain.checkpoint?.seq ?? null,
          },
  };
}
