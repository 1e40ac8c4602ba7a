import { inTransaction } from "../../utils/transaction.server";
import type { VendorActor } from "../auth/actor";
import { hiddenQuestionKeys } from "../questionnaires/conditions";
import { unconfirmedCarriedCount } from "./confirm-carried-answers.server";
import { scoreStoredAnswers } from "./score-stored-answers.server";
import { loadVendorAssessment } from "./vendor-questionnaire.server";

export interface SubmitReadiness {
  /** Required questions of this contact's sections still without an answer, in template order. */
  missingRequired: string[];
  /** A re-review's carried answers wait for the main contact's confirmation. */
  carriedUnconfirmed: boolean;
  /** Visible questions of this contact's sections that have an answer (the confirmation's "N"). */
  answered: number;
}

/**
 * What stands between the stored answers and a submit (or, for a delegated colleague, "done"),
 * judged exactly as the submit judges it (scoreStoredAnswers) but without writing anything: the
 * confirmation step asks only when the submit would go through.
 */
export async function checkSubmitReadiness(
  actor: VendorActor,
  now = new Date(),
): Promise<SubmitReadiness> {
  return inTransaction(async (tx) => {
    const assessment = await loadVendorAssessment(actor, tx);
    const { score, answers, definition } = await scoreStoredAnswers(tx, actor, assessment, now);
    const own = actor.sections ? new Set(actor.sections) : null;
    const questions = definition.sections
      .filter((section) => !own || own.has(section.key))
      .flatMap((section) => section.questions);
    const inScope = new Set(questions.map((q) => q.key));
    const hidden = hiddenQuestionKeys(definition.sections, answers);
    const answered = questions.filter(
      (q) => !hidden.has(q.key) && answers[q.key] !== null && answers[q.key] !== undefined,
    ).length;
    const carriedUnconfirmed = own ? false : (await unconfirmedCarriedCount(tx, assessment.id)) > 0;
    return {
      missingRequired: score.completeness.missingRequired.filter((key) => inScope.has(key)),
      carriedUnconfirmed,
      answered,
    };
  });
}
