import type { Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { lockRow } from "../../utils/row-lock.server";
import type { UserActor } from "../auth/actor";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import {
  questionsOf,
  type TemplateQuestionWithSection,
} from "../questionnaires/template-definition";
import { assertCan } from "../../utils/permissions";

/**
 * Who may do what in the review workspace (the permission table, app/utils/permissions.ts):
 * findings and change requests need "finding:edit", comments "comment:write"; every member reads.
 */
export function requireFindingWriter(actor: UserActor): void {
  assertCan(actor, "finding:edit", "errors.findingWriteForbidden");
}

export function requireCommentWriter(actor: UserActor): void {
  assertCan(actor, "comment:write", "errors.commentForbidden");
}

/**
 * The actor's assessment, locked for the rest of the transaction (writes to its findings,
 * comments and change requests serialise with status changes), with the questions of its pinned
 * template version. A foreign or unknown id is NOT_FOUND.
 */
export async function lockedReviewAssessment(tx: Tx, actor: UserActor, assessmentId: string) {
  const owned = await tx.assessment.findFirst({
    where: { id: assessmentId, organizationId: actor.organizationId },
    select: { id: true },
  });
  if (!owned) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
  await lockRow(tx, "Assessment", owned.id);
  const assessment = await tx.assessment.findFirstOrThrow({
    where: { id: owned.id, organizationId: actor.organizationId },
    select: { id: true, status: true, version: true, title: true, templateVersionId: true },
  });
  const { definition } = await loadTemplateVersion(assessment.templateVersionId, tx);
  const questions = new Map<string, TemplateQuestionWithSection>(
    questionsOf(definition).map((q) => [q.key, q]),
  );
  return { ...assessment, questions };
}

/** Every key must be a question of the pinned template version (a typo must not slip into a finding). */
export function assertKnownQuestions(
  questions: ReadonlyMap<string, unknown>,
  keys: readonly string[],
): string[] {
  const unique = [...new Set(keys)];
  const unknown = unique.filter((k) => !questions.has(k));
  if (unknown.length > 0)
    throw new DomainError("VALIDATION", "review.unknownQuestion", { unknown });
  return unique;
}

/**
 * The chosen questions plus every question whose show-if rule tests one of them (transitively):
 * a changed answer may reveal a required follow-up, and the vendor must be able to answer it or
 * the questionnaire could never be submitted again. Rules only test earlier questions, so one
 * pass in template order suffices.
 */
export function withDependents(
  questions: ReadonlyMap<string, TemplateQuestionWithSection>,
  keys: readonly string[],
): string[] {
  const reopened = new Set(keys);
  for (const question of questions.values()) {
    const rule = question.showIf;
    if (!rule || reopened.has(question.key)) continue;
    const leaves = "all" in rule ? rule.all : "any" in rule ? rule.any : [rule];
    if (leaves.some((leaf) => reopened.has(leaf.question))) reopened.add(question.key);
  }
  return [...reopened];
}
