import { z } from "zod";
import type { Tx } from "../../../utils/db.server";
import { DomainError } from "../../../utils/errors";
import { lockRow } from "../../../utils/row-lock.server";
import { inTransaction } from "../../../utils/transaction.server";
import { parseUseCaseInput } from "../../../utils/validation-messages";
import { recordAuditEvent } from "../../audit/record-audit-event.server";
import type { UserActor } from "../../auth/actor";
import { refreshVendorPortfolio } from "../../portfolio/refresh-vendor-portfolio.server";
import { requireReReviewStarter } from "../permissions";
import {
  CLOSED_STATUSES,
  findSourceAssessment,
  findVisibleChangeEvent,
  NOT_RE_REVIEWABLE,
  planReReview,
  type ReReviewChange,
  type SourceAssessment,
} from "./plan-re-review.server";

export const startReReviewsSchema = z.object({
  /** The change event (id or stable key) that causes the re-reviews; null: a template update alone. */
  changeEventId: z.string().min(1).max(200).nullable(),
  assessmentIds: z
    .array(z.string().min(1).max(64))
    .min(1, "reReview.errorNoneChosen")
    .max(500)
    .transform((ids) => [...new Set(ids)]),
});
export type StartReReviewsInput = z.input<typeof startReReviewsSchema>;

export type StartedReReview =
  | {
      sourceId: string;
      status: "started";
      assessmentId: string;
      asked: number;
      carried: number;
    }
  /** An open re-review of this source for this change exists: nothing new was made. */
  | { sourceId: string; status: "already_open"; assessmentId: string };

/**
 * Starts one re-review per chosen assessment (issue 14 item 8): a new DRAFT assessment of the
 * same vendor and product on the newest published version of the same template, with the delta
 * (asked again) and the carried answers. Every chosen assessment is checked before anything is
 * written (one foreign id refuses the whole request); then one transaction per re-review with its
 * audit event, so a failure later in the list keeps the ones before it whole. The source is only
 * read: a decided assessment and its signed report stay as they are.
 */
export async function startReReviews(
  actor: UserActor,
  rawInput: StartReReviewsInput,
): Promise<StartedReReview[]> {
  requireReReviewStarter(actor);
  const input = parseUseCaseInput(startReReviewsSchema, rawInput);
  const change = input.changeEventId
    ? await findVisibleChangeEvent(actor.organizationId, input.changeEventId)
    : null;
  const sources: SourceAssessment[] = [];
  for (const id of input.assessmentIds) {
    const source = await findSourceAssessment(actor.organizationId, id);
    if ((NOT_RE_REVIEWABLE as readonly string[]).includes(source.status))
      throw new DomainError("INVALID_STATE", "reReview.errorSourceNotReviewable", {
        params: { title: source.title },
      });
    sources.push(source);
  }
  const results: StartedReReview[] = [];
  for (const source of sources) {
    results.push(await inTransaction((tx) => startOne(tx, actor, source, change)));
  }
  return results;
}

async function startOne(
  tx: Tx,
  actor: UserActor,
  source: SourceAssessment,
  change: ReReviewChange | null,
): Promise<StartedReReview> {
  // Two starts for the same source run one after the other: the second sees the first's row.
  await lockRow(tx, "Assessment", source.id);
  const open = await tx.assessment.findFirst({
    where: {
      organizationId: actor.organizationId,
      reReviewOfId: source.id,
      changeEventId: change?.id ?? null,
      status: { notIn: CLOSED_STATUSES },
    },
    select: { id: true },
  });
  if (open) return { sourceId: source.id, status: "already_open", assessmentId: open.id };
  const vendor = await tx.vendor.findFirst({
    where: { id: source.vendorId, organizationId: actor.organizationId, archivedAt: null },
    select: { id: true },
  });
  if (!vendor) throw new DomainError("NOT_FOUND", "errors.vendorNotFound");
  const plan = await planReReview(actor.organizationId, source, change, tx);
  const created = await tx.assessment.create({
    data: {
      organizationId: actor.organizationId,
      vendorId: source.vendorId,
      productId: source.productId,
      templateVersionId: plan.target.id,
      title: source.title,
      status: "DRAFT",
      // As for a new assessment: no due date until the assessor sets one.
      dueDate: null,
      createdById: actor.userId,
      reReviewOfId: source.id,
      changeEventId: change?.id ?? null,
      deltaJson: JSON.stringify(plan.delta),
    },
    select: { id: true },
  });
  const carried = await carryAnswers(tx, {
    organizationId: actor.organizationId,
    targetAssessmentId: created.id,
    sourceAssessmentId: source.id,
    answers: plan.carried.flatMap((key) => {
      const answer = plan.sourceAnswers.get(key);
      return answer ? [{ questionKey: key, ...answer }] : [];
    }),
  });
  await refreshVendorPortfolio(tx, actor.organizationId, source.vendorId);
  await recordAuditEvent(tx, actor, {
    action: "assessment.re_review_started",
    target: { type: "assessment", id: created.id },
    payload: {
      reReviewOf: source.id,
      changeEvent: change?.key ?? null,
      templateVersionFrom: source.templateVersion,
      templateVersionTo: plan.target.version,
      asked: plan.delta.map((entry) => entry.questionKey),
      carried,
    },
  });
  return {
    sourceId: source.id,
    status: "started",
    assessmentId: created.id,
    asked: plan.delta.length,
    carried: carried.length,
  };
}

/**
 * Copies answers into an assessment as carried answers (marked with their source and the day
 * they were first given; carried again, that day stays). A question that already has an answer
 * in the target keeps it: a carried value never overwrites a real one. Returns the carried keys.
 */
export async function carryAnswers(
  tx: Tx,
  input: {
    organizationId: string;
    targetAssessmentId: string;
    sourceAssessmentId: string;
    answers: readonly { questionKey: string; value: string; firstGivenAt: Date }[];
  },
): Promise<string[]> {
  const present = new Set(
    (
      await tx.answer.findMany({
        where: { assessmentId: input.targetAssessmentId },
        select: { questionKey: true },
      })
    ).map((row) => row.questionKey),
  );
  const toCarry = input.answers.filter((answer) => !present.has(answer.questionKey));
  if (toCarry.length === 0) return [];
  await tx.answer.createMany({
    data: toCarry.map((answer) => ({
      organizationId: input.organizationId,
      assessmentId: input.targetAssessmentId,
      questionKey: answer.questionKey,
      value: answer.value,
      version: 1,
      updatedBy: `carried:${input.sourceAssessmentId}`,
      carriedFromAssessmentId: input.sourceAssessmentId,
      firstGivenAt: answer.firstGivenAt,
    })),
  });
  return toCarry.map((answer) => answer.questionKey);
}
