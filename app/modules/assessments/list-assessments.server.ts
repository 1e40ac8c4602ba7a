import { z } from "zod";
import type { Prisma } from "../../generated/sqlite/client";
import { db } from "../../utils/db.server";
import { parseUseCaseInput } from "../../utils/validation-messages";
import type { UserActor } from "../auth/actor";
import type { AssessmentListFilters } from "./assessment-list-filters";
import { isAssessmentStatus } from "./assessment-status";
import {
  assessmentIdsWithAnsweredClarifications,
  assessmentsWithConditionsDue,
  overdueWhere,
} from "./assessment-work-sets.server";
import { parseStoredScore } from "./stored-score";

const PAGE_SIZE = 25;
/** Far beyond any real list; keeps `skip` a number the databases accept. */
export const MAX_ASSESSMENT_PAGE = 100_000;

/**
 * The list's page from the address: rounded down and at least 1, but a finite number in range.
 * The work filters come parsed (parseAssessmentListFilters: unknown values are left out there);
 * `status` is also accepted on its own, for callers without an address (CLI, tests).
 */
export const listAssessmentsInputSchema = z.object({
  /** A status that is none of ours shows every status (a stale link still works). */
  status: z.string().max(64).optional(),
  page: z.number().max(MAX_ASSESSMENT_PAGE).optional(),
});
export type ListAssessmentsInput = z.input<typeof listAssessmentsInputSchema> & {
  filters?: Partial<AssessmentListFilters>;
};

/** The filters as one Prisma `where`, always inside the actor's organisation. */
async function whereOf(
  organizationId: string,
  filters: Partial<AssessmentListFilters>,
  now: Date,
): Promise<Prisma.AssessmentWhereInput> {
  const and: Prisma.AssessmentWhereInput[] = [{ organizationId }];
  if (filters.status) and.push({ status: filters.status });
  if (filters.overdue) and.push(overdueWhere(now));
  if (filters.clarificationsAnswered)
    and.push({ id: { in: await assessmentIdsWithAnsweredClarifications(organizationId) } });
  if (filters.conditionsDue) {
    const due = await assessmentsWithConditionsDue(organizationId, now);
    and.push({ id: { in: due.map((row) => row.assessmentId) } });
  }
  return { AND: and };
}

export async function listAssessments(
  actor: UserActor,
  { filters = {}, ...rawFilter }: ListAssessmentsInput,
  now = new Date(),
) {
  const filter = parseUseCaseInput(listAssessmentsInputSchema, rawFilter);
  const status = filters.status ?? (isAssessmentStatus(filter.status) ? filter.status : null);
  const where = await whereOf(actor.organizationId, { ...filters, status }, now);
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const [total, rows] = await Promise.all([
    db().assessment.count({ where }),
    db().assessment.findMany({
      where,
      orderBy: { updatedAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        title: true,
        status: true,
        dueDate: true,
        overallScore: true,
        scoreResult: true,
        updatedAt: true,
        vendor: { select: { id: true, name: true } },
        product: { select: { name: true } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    items: rows.map(({ scoreResult, ...row }) => {
      const score = parseStoredScore(scoreResult);
      return {
        ...row,
        riskTier: score?.riskTier ?? null,
        knockOutCount: score?.knockOuts.length ?? 0,
      };
    }),
  };
}

/** Choices for the "start assessment" form, all scoped to the actor's organisation. */
export async function newAssessmentOptions(actor: UserActor) {
  const [vendors, templates] = await Promise.all([
    db().vendor.findMany({
      where: { organizationId: actor.organizationId, archivedAt: null },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        products: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      },
    }),
    db().templateVersion.findMany({
      where: { status: "PUBLISHED", template: { organizationId: actor.organizationId } },
      orderBy: [{ template: { name: "asc" } }, { version: "desc" }],
      select: { id: true, version: true, template: { select: { name: true } } },
    }),
  ]);
  return {
    vendors,
    templates: templates.map((t) => ({ id: t.id, label: `${t.template.name} (v${t.version})` })),
  };
}
