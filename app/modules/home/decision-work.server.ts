import { db } from "../../utils/db.server";
import { assessmentListHref } from "../assessments/assessment-list-filters";
import { assessmentsWithConditionsDue } from "../assessments/assessment-work-sets.server";
import { homeAssessmentSelect, vendorLabel } from "./home-assessment-row";
import { HOME_ITEMS_PER_SECTION, type HomeItem, type HomeSection } from "./home-types";

const assessmentSelect = homeAssessmentSelect;

/**
 * The DPO's queue: assessments forwarded for a decision (longest waiting first), conditions of
 * current decisions that fall due, and regulation changes raised for the organisation whose
 * triage is still open.
 */
export async function decisionWork(organizationId: string, now: Date): Promise<HomeSection[]> {
  const awaitingWhere = { organizationId, status: "AWAITING_DECISION" };
  const triageWhere = {
    organizationId,
    status: "open",
    // The change feed shows what the organisation may see and was not dismissed: count the same.
    changeEvent: { dismissedAt: null, OR: [{ organizationId: null }, { organizationId }] },
  };
  const [awaitingCount, awaiting, conditions, triageCount, triages] = await Promise.all([
    db().assessment.count({ where: awaitingWhere }),
    db().assessment.findMany({
      where: awaitingWhere,
      orderBy: [{ forwardedAt: "asc" }, { id: "asc" }],
      take: HOME_ITEMS_PER_SECTION,
      select: { ...assessmentSelect, forwardedAt: true },
    }),
    assessmentsWithConditionsDue(organizationId, now),
    db().impactTriage.count({ where: triageWhere }),
    db().impactTriage.findMany({
      where: triageWhere,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: HOME_ITEMS_PER_SECTION,
      select: {
        raisedAt: true,
        createdAt: true,
        changeEvent: {
          select: {
            id: true,
            summaryDe: true,
            summaryEn: true,
            instrument: { select: { titleDe: true, titleEn: true } },
          },
        },
      },
    }),
  ]);

  const firstDue = conditions.slice(0, HOME_ITEMS_PER_SECTION);
  const dueRows = await db().assessment.findMany({
    where: { organizationId, id: { in: firstDue.map((row) => row.assessmentId) } },
    select: assessmentSelect,
  });
  const dueById = new Map(dueRows.map((row) => [row.id, row]));
  const conditionItems: HomeItem[] = firstDue.flatMap(({ assessmentId, dueDate }) => {
    const row = dueById.get(assessmentId);
    if (!row) return [];
    // Condition days are calendar days: stored as the day's end in UTC, like due dates.
    const date = `${dueDate}T23:59:59.000Z`;
    return [
      {
        key: row.id,
        title: row.title,
        detail: vendorLabel(row),
        href: `/assessments/${row.id}`,
        date,
        dateKind: new Date(date) < now ? "overdueSince" : "due",
      },
    ];
  });

  return [
    {
      id: "awaitingDecision",
      count: awaitingCount,
      href: assessmentListHref({ status: "AWAITING_DECISION" }),
      items: awaiting.map((row) => ({
        key: row.id,
        title: row.title,
        detail: vendorLabel(row),
        href: `/assessments/${row.id}`,
        date: row.forwardedAt?.toISOString() ?? null,
        dateKind: "forwarded",
      })),
    },
    {
      id: "conditionsDue",
      count: conditions.length,
      href: assessmentListHref({ conditionsDue: true }),
      items: conditionItems,
    },
    {
      id: "impactsToTriage",
      count: triageCount,
      href: "/regulations/changes?triage=open",
      items: triages.map((row) => ({
        key: row.changeEvent.id,
        title: { de: row.changeEvent.summaryDe, en: row.changeEvent.summaryEn },
        detail: {
          de: row.changeEvent.instrument.titleDe,
          en: row.changeEvent.instrument.titleEn,
        },
        href: `/regulations/changes/${row.changeEvent.id}`,
        date: (row.raisedAt ?? row.createdAt).toISOString(),
        dateKind: "raised",
      })),
    },
  ];
}
