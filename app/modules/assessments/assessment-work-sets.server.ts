import { Prisma } from "../../generated/sqlite/client";
import { db } from "../../utils/db.server";
import { CONDITION_DUE_WITHIN_DAYS, OVERDUE_STATUSES } from "./assessment-list-filters";

/**
 * The sets behind the work filters of the assessment list and the home page's counts, each
 * scoped to one organisation. Defined once here, so "3 overdue" on the home page is exactly what
 * /assessments?overdue=1 lists.
 */

/** Decided and cancelled assessments: a closed record, nobody works on their threads any more. */
const CLOSED_STATUSES = ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED", "CANCELLED"];
const DAY_MS = 86_400_000;

/** Past the due date while the vendor still owes answers. */
export function overdueWhere(now: Date) {
  return { dueDate: { lt: now }, status: { in: [...OVERDUE_STATUSES] } };
}

/**
 * Assessments with an open clarification thread whose newest message is the vendor's: the
 * vendor answered and the assessor has not replied or resolved it. Oldest thread first. "Newest
 * message" needs a correlated subquery, which Prisma's query API cannot say: raw SQL, the same on
 * SQLite and PostgreSQL (quoted identifiers, LIMIT).
 */
export async function assessmentIdsWithAnsweredClarifications(
  organizationId: string,
): Promise<string[]> {
  const rows = await db().$queryRaw<{ assessmentId: string }[]>`
    SELECT t."assessmentId" AS "assessmentId"
    FROM "ClarificationThread" t
    JOIN "Assessment" a ON a."id" = t."assessmentId"
    WHERE t."organizationId" = ${organizationId}
      AND a."organizationId" = ${organizationId}
      AND t."status" = 'OPEN'
      AND a."status" NOT IN (${Prisma.join(CLOSED_STATUSES)})
      AND (
        SELECT m."author" FROM "ClarificationMessage" m
        WHERE m."threadId" = t."id"
        ORDER BY m."createdAt" DESC, m."id" DESC
        LIMIT 1
      ) LIKE 'vendor:%'
    GROUP BY t."assessmentId"
    ORDER BY MIN(t."createdAt") ASC, t."assessmentId" ASC`;
  return rows.map((row) => row.assessmentId);
}

/**
 * Assessments whose current decision carries a condition due within CONDITION_DUE_WITHIN_DAYS
 * (or already past), with the earliest such due day, soonest first. Conditions are JSON in the
 * decision row, so the current conditional decisions are read (two short columns each) and their
 * due days compared here; a condition stays "due" until a new decision supersedes the old one.
 */
export async function assessmentsWithConditionsDue(
  organizationId: string,
  now: Date,
): Promise<{ assessmentId: string; dueDate: string }[]> {
  const until = new Date(now.getTime() + CONDITION_DUE_WITHIN_DAYS * DAY_MS)
    .toISOString()
    .slice(0, 10);
  const decisions = await db().decision.findMany({
    where: {
      organizationId,
      supersededAt: null,
      outcome: "APPROVED_WITH_CONDITIONS",
      assessment: { organizationId, status: "APPROVED_WITH_CONDITIONS" },
    },
    select: { assessmentId: true, conditions: true },
  });
  const due: { assessmentId: string; dueDate: string }[] = [];
  for (const decision of decisions) {
    const earliest = conditionDueDays(decision.conditions).sort()[0];
    if (earliest && earliest <= until)
      due.push({ assessmentId: decision.assessmentId, dueDate: earliest });
  }
  return due.sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.assessmentId.localeCompare(b.assessmentId),
  );
}

/** The due days (YYYY-MM-DD) of a stored conditions array; anything unreadable counts as none. */
export function conditionDueDays(stored: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .map((condition: unknown) =>
      typeof condition === "object" && condition !== null
        ? (condition as { dueDate?: unknown }).dueDate
        : undefined,
    )
    .filter((day): day is string => typeof day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(day));
}
