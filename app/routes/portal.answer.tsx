import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { changesFromForm } from "~/modules/portal/form-changes";
import { saveAnswers } from "~/modules/portal/save-answers.server";
import { ANSWER_LOCK_MESSAGES, answerLock } from "~/modules/portal/vendor-answer-scope";
import { getVendorQuestionnaire, loadVendorAnswerScope, loadVendorAssessment } from "~/modules/portal/vendor-questionnaire.server";
import { runUseCase } from "~/utils/http.server";
import { readFormData } from "~/utils/form-data.server";
import { translateMessage, type LocalizedMessage } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";

// The page's fetcher calls this action as a single-fetch data request, where `data()` carries
// the status; a 4xx Response would be turned into a route error instead of fetcher data.
const json = <T,>(body: T, status = 200) => data(body, { status });

/** Autosave endpoint for one question (fetcher POST from the questionnaire page). */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const form = await readFormData(request);
  const questionKey = String(form.get("questionKey") ?? "");
  const { sections } = await getVendorQuestionnaire(actor);
  const section = sections.find((s) => s.questions.some((q) => q.key === questionKey));
  const question = section?.questions.find((q) => q.key === questionKey);
  // A refusal carries its message as key + parameters and as text in the request's language.
  const locale = await resolveLocale(request);
  const refuse = (message: LocalizedMessage, status: number) => json({ status: "invalid" as const, questionKey, message, text: translateMessage(locale, message) }, status);
  if (!section || !question) return refuse({ key: "answers.unknownQuestion" }, 400);
  const { changes, invalid } = changesFromForm([question], form);
  // Nothing to change (e.g. a save that left the page as the contact submitted): nothing to refuse.
  if (!invalid[0] && changes.length === 0) return json({ status: "unchanged" as const, questionKey });
  // This one question was named on purpose: say why it cannot change (the plain form ignores such fields instead).
  const scope = await loadVendorAnswerScope(actor, await loadVendorAssessment(actor));
  const lock = answerLock(scope, { key: question.key, sectionKey: section.key });
  if (lock) return refuse({ key: ANSWER_LOCK_MESSAGES[lock] }, lock === "read_only" ? 409 : 400);
  if (invalid[0]) return refuse(invalid[0].message, 400);
  const [outcome] = await runUseCase(() => saveAnswers(actor, changes));
  if (!outcome) return json({ status: "unchanged" as const, questionKey });
  if (outcome.status === "conflict") return json(outcome, 409);
  if (outcome.status === "invalid") return refuse(outcome.message, 400);
  // The saved value goes back so the page can mark it as the new "shown" value.
  return json({ ...outcome, value: changes[0]?.value ?? null });
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405 });
}
