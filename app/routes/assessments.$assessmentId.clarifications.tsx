import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { askClarification } from "~/modules/clarifications/ask-clarification.server";
import { requireOrgAssessment } from "~/modules/clarifications/clarification-access.server";
import {
  anchorFor,
  answerClarificationForm,
  invalidClarificationForm,
  readClarificationFields,
} from "~/modules/clarifications/clarification-form.server";
import { replyClarification } from "~/modules/clarifications/reply-clarification.server";
import { resolveClarification } from "~/modules/clarifications/resolve-clarification.server";
import { requireUser } from "~/modules/auth/guards.server";
import { assessmentTabHref, requestedTabOf } from "~/modules/assessments/assessment-tabs";
import { runUseCase } from "~/utils/http.server";
import { readFormData } from "~/utils/form-data.server";

/**
 * Ask, reply and resolve on an assessment's clarifications (ADMIN/ASSESSOR; the use cases check
 * the role). Another organisation's assessment is a 404 before the form is read, so a broken
 * form cannot tell a foreign id from a missing one. Plain POST → back to the answer; fetcher → JSON with the outcome's status.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, context);
  const assessmentId = params.assessmentId ?? "";
  await runUseCase(() => requireOrgAssessment(actor, assessmentId));
  const fields = readClarificationFields(await readFormData(request));
  // Back to the tab the form posted from (`?tab=conversation`), by default the answers.
  const tab = requestedTabOf(request.url) ?? "answers";
  const back = `${assessmentTabHref(assessmentId, tab)}${anchorFor("answer-", fields.questionKey)}`;
  const { intent, questionKey, threadId, body } = fields;
  if (intent === "ask")
    return answerClarificationForm(
      fields,
      () => askClarification(actor, { assessmentId, questionKey, body }),
      back,
    );
  if (intent === "reply")
    return answerClarificationForm(
      fields,
      () => replyClarification(actor, { assessmentId, threadId, body }),
      back,
    );
  if (intent === "resolve")
    return answerClarificationForm(
      fields,
      () => resolveClarification(actor, { assessmentId, threadId }),
      back,
    );
  return invalidClarificationForm(fields);
}

/** Nothing to GET; a foreign or unknown assessment still answers 404 (no existence oracle). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  await runUseCase(() => requireOrgAssessment(actor, params.assessmentId ?? ""));
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}
