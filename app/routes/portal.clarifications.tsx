import type { ActionFunctionArgs } from "@remix-run/node";
import { replyClarification } from "~/modules/clarifications/reply-clarification.server";
import {
  anchorFor,
  answerClarificationForm,
  invalidClarificationForm,
  readClarificationFields,
} from "~/modules/clarifications/clarification-form.server";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { readFormData } from "~/utils/form-data.server";

/**
 * A vendor contact replies to a clarification (the only thing vendors may do with threads).
 * Works after submitting too. Plain POST → back to /portal#q-<key>; fetcher → JSON with the outcome's status.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const form = await readFormData(request);
  const fields = readClarificationFields(form);
  if (fields.intent !== "reply") return invalidClarificationForm(fields);
  return answerClarificationForm(
    fields,
    () => replyClarification(actor, { threadId: fields.threadId, body: fields.body }),
    `/portal${anchorFor("q-", fields.questionKey)}`,
  );
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}
