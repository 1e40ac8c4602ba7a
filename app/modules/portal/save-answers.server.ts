import { z } from "zod";
import type { LocalizedMessage } from "../../utils/i18n";
import { messageKey, parseUseCaseInput } from "../../utils/validation-messages";
import type { Tx } from "../../utils/db.server";
import { lockRow } from "../../utils/row-lock.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { VendorActor } from "../auth/actor";
import { VENDOR_EDITABLE } from "../assessments/assessment-status";
import type { AnswerValue } from "../questionnaires/answer-value";
import {
  questionsOfVersion,
  type QuestionIndex,
} from "../questionnaires/published-questions.server";
import { comparableAnswer, parseAnswerValue } from "../questionnaires/answer-value";
import {
  loadVendorWriteState,
  parseStoredAnswer,
  type VendorWriteState,
} from "./vendor-questionnaire.server";
import { ANSWER_LOCK_MESSAGES, answerLock } from "./vendor-answer-scope";
import { refreshPortfolioOfAssessment } from "../portfolio/refresh-vendor-portfolio.server";

const MALFORMED = { message: messageKey("answers.malformedChange") };

/**
 * One change as the portal sends it. Only its shape is checked here: whether the question exists
 * and may change, and whether the value fits the question, is decided per change in writeAnswers
 * (a change that fails those is reported as "invalid" and the others are still saved).
 */
export const answerChangeSchema = z.object(
  {
    questionKey: z.string(MALFORMED).min(1, MALFORMED).max(200, MALFORMED),
    /** null clears the answer; the value itself is parsed against its question (parseAnswerValue). */
    value: z.custom<AnswerValue | null>((value) => value !== undefined, MALFORMED),
    /** The version the editor started from; 0 when there was no answer yet. */
    baseVersion: z.number(MALFORMED).int(MALFORMED).min(0, MALFORMED),
  },
  MALFORMED,
);
export const saveAnswersInputSchema = z.array(answerChangeSchema, MALFORMED);
export type AnswerChange = z.infer<typeof answerChangeSchema>;
export type SaveAnswersInput = z.infer<typeof saveAnswersInputSchema>;

export type SaveOutcome =
  | { questionKey: string; status: "saved"; version: number }
  | { questionKey: string; status: "unchanged"; version: number }
  | {
      questionKey: string;
      status: "conflict";
      version: number;
      currentValue: unknown;
      yourValue: AnswerValue | null;
    }
  | { questionKey: string; status: "invalid"; message: LocalizedMessage };

const canonical = (value: unknown) => JSON.stringify(value ?? null);

/**
 * Saves answers with optimistic concurrency: a change based on an older version than the stored
 * one is not written; the caller gets both values (conflict) and nothing is lost. All accepted
 * changes and one audit event are written in one transaction.
 */
export async function saveAnswers(
  actor: VendorActor,
  rawChanges: SaveAnswersInput,
): Promise<SaveOutcome[]> {
  const changes = parseUseCaseInput(saveAnswersInputSchema, rawChanges);
  return inTransaction(async (tx) => {
    const state = await lockAnswersForWriting(tx, actor);
    if (!(VENDOR_EDITABLE as readonly string[]).includes(state.status)) {
      throw new DomainError("INVALID_STATE", "errors.questionnaireReadOnly");
    }
    return writeAnswers(
      tx,
      actor,
      state,
      await questionsOfVersion(state.templateVersionId, tx),
      changes,
    );
  });
}

/**
 * Locks the contact's assessment and reads what decides whether its answers may change: status,
 * template version and (delegated sections, reopened questions) the scope. A submit running at
 * the same time holds the same lock, so an answer can never change behind a stored score.
 */
export async function lockAnswersForWriting(tx: Tx, actor: VendorActor): Promise<VendorWriteState> {
  await lockRow(tx, "Assessment", actor.assessmentId);
  return loadVendorWriteState(actor, tx);
}

/**
 * Writes the changes inside the caller's transaction, after lockAnswersForWriting: each change is
 * checked against the scope (delegated sections, and after "request changes" only the reopened
 * questions until the next submit: vendor-answer-scope.ts) and parsed; callers pass only
 * changeable questions, a change named here anyway is reported, not written. The audit event is
 * the last write (record-audit-event.server.ts: on PostgreSQL it queues on the organisation).
 */
export async function writeAnswers(
  tx: Tx,
  actor: VendorActor,
  state: VendorWriteState,
  questions: QuestionIndex,
  changes: AnswerChange[],
  now: Date = new Date(),
): Promise<SaveOutcome[]> {
  const outcomes: SaveOutcome[] = [];
  // A new answer is checked against today: a past event's date (e.g. the last pentest) cannot lie ahead.
  const input = { today: now.toISOString().slice(0, 10) };
  for (const change of changes) {
    const question = questions.get(change.questionKey);
    if (!question) {
      outcomes.push({
        questionKey: change.questionKey,
        status: "invalid",
        message: { key: "answers.unknownQuestion" },
      });
      continue;
    }
    const lock = answerLock(state.scope, question);
    if (lock) {
      outcomes.push({
        questionKey: change.questionKey,
        status: "invalid",
        message: { key: ANSWER_LOCK_MESSAGES[lock] },
      });
      continue;
    }
    // What is stored is the parsed value (names cleaned, text trimmed), not what was sent.
    let value: AnswerValue | null = null;
    if (change.value !== null) {
      const parsed = parseAnswerValue(question, change.value, input);
      if (!parsed.ok) {
        outcomes.push({
          questionKey: change.questionKey,
          status: "invalid",
          message: parsed.error,
        });
        continue;
      }
      const missingFile = await firstForeignFile(tx, state.id, question.key, parsed.value);
      if (missingFile) {
        outcomes.push({
          questionKey: change.questionKey,
          status: "invalid",
          message: { key: "answers.fileNotOfQuestion" },
        });
        continue;
      }
      value = parsed.value;
    }
    outcomes.push(await saveOne(tx, actor, state.id, { ...change, value }));
  }
  const saved = outcomes.filter((o) => o.status === "saved");
  if (saved.length > 0) {
    if (state.status === "INVITED" || state.status === "CHANGES_REQUESTED") {
      await tx.assessment.update({
        where: { id: state.id },
        data: { status: "IN_PROGRESS", version: { increment: 1 } },
      });
      await refreshPortfolioOfAssessment(tx, actor.organizationId, state.id);
    }
    await recordAuditEvent(tx, actor, {
      action: "answers.saved",
      target: { type: "assessment", id: state.id },
      payload: { questions: saved.map((o) => ({ key: o.questionKey, version: o.version })) },
    });
  }
  return outcomes;
}

/** Evidence answers may only name files uploaded to this assessment's question (and not deleted). */
async function firstForeignFile(
  tx: Tx,
  assessmentId: string,
  questionKey: string,
  value: AnswerValue | null,
): Promise<string | null> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const files = value.files;
  if (files.length === 0) return null;
  const found = await tx.evidenceFile.findMany({
    where: { id: { in: files }, assessmentId, questionKey, deletedAt: null },
    select: { id: true },
  });
  const known = new Set(found.map((f) => f.id));
  return files.find((id) => !known.has(id)) ?? null;
}

/**
 * One answer, compare-and-set on its version. The read and the update are tagged queries
 * (portable across SQLite and PostgreSQL): autosave runs them on every save, and Prisma 6
 * compiles each ORM query anew (ADR 0021). The first answer to a question is created through
 * Prisma (once per question; it generates the row id).
 */
async function saveOne(
  tx: Tx,
  actor: VendorActor,
  assessmentId: string,
  change: AnswerChange,
): Promise<SaveOutcome> {
  const updatedBy = `vendor:${actor.inviteLinkId}`;
  // A new value is a new answer: given today, no longer carried (a change request can reopen a
  // carried answer of a re-review).
  const now = new Date();
  // The common case in one statement: a text, number or choice based on the stored version that
  // differs from the stored value. For these the stored JSON is their comparable form, so "differs"
  // can be judged by the database; lists and objects (sets, key order) take the path below.
  if (
    change.baseVersion > 0 &&
    (typeof change.value === "string" || typeof change.value === "number")
  ) {
    const stored = canonical(change.value);
    const updated = await tx.$executeRaw`
      UPDATE "Answer" SET "value" = ${stored}, "version" = ${change.baseVersion + 1}, "updatedBy" = ${updatedBy}, "updatedAt" = ${now}, "firstGivenAt" = ${now}, "carriedFromAssessmentId" = NULL, "carriedConfirmedAt" = NULL
      WHERE "assessmentId" = ${assessmentId} AND "questionKey" = ${change.questionKey} AND "version" = ${change.baseVersion} AND "value" <> ${stored}`;
    if (updated === 1)
      return { questionKey: change.questionKey, status: "saved", version: change.baseVersion + 1 };
  }
  const [existing] = await tx.$queryRaw<{ id: string; value: string; version: number | bigint }[]>`
    SELECT "id", "value", "version" FROM "Answer" WHERE "assessmentId" = ${assessmentId} AND "questionKey" = ${change.questionKey}`;
  const currentVersion = Number(existing?.version ?? 0);
  if (
    existing &&
    comparableAnswer(parseStoredAnswer(existing.value)) === comparableAnswer(change.value)
  ) {
    return { questionKey: change.questionKey, status: "unchanged", version: currentVersion };
  }
  if (change.baseVersion !== currentVersion) {
    return {
      questionKey: change.questionKey,
      status: "conflict",
      version: currentVersion,
      currentValue: existing ? parseStoredAnswer(existing.value) : null,
      yourValue: change.value,
    };
  }
  if (!existing) {
    await tx.answer.create({
      data: {
        organizationId: actor.organizationId,
        assessmentId,
        questionKey: change.questionKey,
        value: canonical(change.value),
        version: 1,
        updatedBy,
      },
    });
    return { questionKey: change.questionKey, status: "saved", version: 1 };
  }
  // The version condition makes a concurrent writer that read the same version lose cleanly.
  const updated = await tx.$executeRaw`
    UPDATE "Answer" SET "value" = ${canonical(change.value)}, "version" = ${currentVersion + 1}, "updatedBy" = ${updatedBy}, "updatedAt" = ${now}, "firstGivenAt" = ${now}, "carriedFromAssessmentId" = NULL, "carriedConfirmedAt" = NULL
    WHERE "id" = ${existing.id} AND "version" = ${currentVersion}`;
  if (updated !== 1) {
    const fresh = await tx.answer.findUniqueOrThrow({
      where: { id: existing.id },
      select: { value: true, version: true },
    });
    return {
      questionKey: change.questionKey,
      status: "conflict",
      version: fresh.version,
      currentValue: parseStoredAnswer(fresh.value),
      yourValue: change.value,
    };
  }
  return { questionKey: change.questionKey, status: "saved", version: currentVersion + 1 };
}
