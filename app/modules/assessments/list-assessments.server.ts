import { z } from "zod";
import { db } from "../../utils/db.server";
import { parseUseCaseInput } from "../../utils/validation-messages";
import type { UserActor } from "../auth/actor";
import { isAssessmentStatus } from "./assessment-status";
import { parseStoredScore } from "./stored-score";

const PAGE_SIZE = 25;
/** Far beyond any real list; keeps `skip` a number the databases accept. */
export const MAX_ASSESSMENT_PAGE = 100_000;

/**
 * The list's filter from the address. A status that is none of ours shows every status (a stale
 * link still works); a page is rounded down and at least 1, but must be a finite number in range.
 */
export const listAssessmentsInputSchema = z.object({
  status: z.string().max(64).optional(),
  page: z.number().max(MAX_ASSESSMENT_PAGE).optional(),
});
export type ListAssessmentsInput = z.input<typeof listAssessmentsInputSchema>;

export async function listAssessments(actor: UserActor, rawFilter: ListAssessmentsInput) {
  const filter = parseUseCaseInput(listAssessmentsInputSchema, rawFilter);
  const where = {
    organizationId: actor.organizationId,
    ...(isAssessmentStatus(filter.status) ? { status: filter.status } : {}),
  };
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
