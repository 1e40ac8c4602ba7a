import type { LocalizedMessage } from "../../utils/i18n";
import { inTransaction } from "../../utils/transaction.server";
import type { VendorActor } from "../auth/actor";
import { questionsOfVersion } from "../questionnaires/published-questions.server";
import { changesFromForm } from "./form-changes";
import { lockAnswersForWriting, writeAnswers, type SaveOutcome } from "./save-answers.server";
import { ANSWER_LOCK_MESSAGES, answerLock, sectionVisible } from "./vendor-answer-scope";
import { countAutosave } from "../metrics/app-metrics.server";

export type AutosaveReply =
  | {
      httpStatus: 200;
      body:
        | { status: "unchanged"; questionKey: string }
        | (Extract<SaveOutcome, { status: "saved" | "unchanged" }> & { value?: unknown });
    }
  | {
      httpStatus: 400 | 409;
      body: { status: "invalid"; questionKey: string; message: LocalizedMessage };
    }
  | { httpStatus: 409; body: Extract<SaveOutcome, { status: "conflict" }> };

/**
 * One question saved from the questionnaire page's autosave (question-block.tsx posts the
 * question's fields, the version they are based on and the value it showed), in ONE short
 * transaction: lock the assessment and read status, template version and scope (one query), find
 * the question in the cached published template, then compare-and-set the answer and append the
 * audit event. The questionnaire itself (all answers, files, visibility) is not read: the page
 * has it. Until ADR 0021 the route read the whole questionnaire, then the use case read
 * assessment, template and scope a second time.
 */
export async function autosaveAnswer(actor: VendorActor, form: FormData): Promise<AutosaveReply> {
  // Counted by outcome for the metrics endpoint once the transaction is over.
  try {
    const reply = await saveOneAnswer(actor, form);
    countAutosave(reply.body.status);
    return reply;
  } catch (error) {
    countAutosave("error");
    throw error;
  }
}

async function saveOneAnswer(actor: VendorActor, form: FormData): Promise<AutosaveReply> {
  const questionKey = String(form.get("questionKey") ?? "");
  return inTransaction(async (tx): Promise<AutosaveReply> => {
    const state = await lockAnswersForWriting(tx, actor);
    const questions = await questionsOfVersion(state.templateVersionId, tx);
    const question = questions.get(questionKey);
    // A question of a section not delegated to this contact is as unknown to them as a made-up key.
    if (!question || !sectionVisible(state.scope, question.sectionKey)) {
      return {
        httpStatus: 400,
        body: { status: "invalid", questionKey, message: { key: "answers.unknownQuestion" } },
      };
    }
    const { changes, invalid } = changesFromForm([question], form);
    // Nothing to change (e.g. a save that left the page as the contact submitted): nothing to refuse.
    if (!invalid[0] && changes.length === 0)
      return { httpStatus: 200, body: { status: "unchanged", questionKey } };
    // This one question was named on purpose: say why it cannot change (the plain form ignores such fields instead).
    const lock = answerLock(state.scope, question);
    if (lock)
      return {
        httpStatus: lock === "read_only" ? 409 : 400,
        body: { status: "invalid", questionKey, message: { key: ANSWER_LOCK_MESSAGES[lock] } },
      };
    if (invalid[0])
      return {
        httpStatus: 400,
        body: { status: "invalid", questionKey, message: invalid[0].message },
      };
    const [outcome] = await writeAnswers(tx, actor, state, questions, changes);
    if (!outcome) return { httpStatus: 200, body: { status: "unchanged", questionKey } };
    if (outcome.status === "conflict") return { httpStatus: 409, body: outcome };
    if (outcome.status === "invalid") return { httpStatus: 400, body: outcome };
    // The saved value goes back so the page can mark it as the new "shown" value.
    return { httpStatus: 200, body: { ...outcome, value: changes[0]?.value ?? null } };
  });
}
