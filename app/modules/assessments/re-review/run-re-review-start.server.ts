import { db } from "../../../utils/db.server";
import type { UserActor } from "../../auth/actor";
import { runUseCase } from "../../../utils/http.server";
import { findVisibleChangeEvent } from "./plan-re-review.server";
import { startReReviews, type StartedReReview } from "./start-re-reviews.server";

export type ReReviewStartAnswer =
  | { kind: "redirect"; to: string }
  | {
      kind: "results";
      results: (StartedReReview & { title: string })[];
    };

/**
 * The start page's post (no JavaScript needed): the chosen `assessmentId` fields (repeated; the
 * impact page posts the same form). One new re-review opens it; several, or one that was already
 * open, are listed with what happened to each.
 */
export async function runReReviewStart(
  actor: UserActor,
  input: { changeId: string; form: FormData },
): Promise<ReReviewStartAnswer> {
  // The change in the address first: a change the organisation cannot see is a 404 whatever the
  // form holds (not a 400 about the form).
  await runUseCase(() => findVisibleChangeEvent(actor.organizationId, input.changeId));
  const assessmentIds = input.form
    .getAll("assessmentId")
    .filter((value): value is string => typeof value === "string" && value !== "");
  const results = await runUseCase(() =>
    startReReviews(actor, { changeEventId: input.changeId, assessmentIds }),
  );
  if (results.length === 1 && results[0]!.status === "started")
    return { kind: "redirect", to: `/assessments/${results[0]!.assessmentId}` };
  const titles = await titlesOf(
    actor.organizationId,
    results.map((r) => r.sourceId),
  );
  return {
    kind: "results",
    results: results.map((result) => ({ ...result, title: titles.get(result.sourceId) ?? "" })),
  };
}

async function titlesOf(organizationId: string, ids: string[]) {
  const rows = await db().assessment.findMany({
    where: { organizationId, id: { in: ids } },
    select: { id: true, title: true },
  });
  return new Map(rows.map((row) => [row.id, row.title]));
}
