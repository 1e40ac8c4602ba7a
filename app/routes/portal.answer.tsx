import type { ActionFunctionArgs } from "@remix-run/node";
import { autosaveAnswer } from "~/modules/portal/autosave-answer.server";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { jsonReply, runUseCase } from "~/utils/http.server";
import { readFormData } from "~/utils/form-data.server";
import { translateMessage } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";

/**
 * Autosave endpoint for one question (fetcher POST from the questionnaire page; scripts may call
 * it too). 200 saved or unchanged, 409 a version conflict or a read-only answer, 400 invalid
 * input; the body says which (`status`). A returned Response, not `data()`: called directly, a
 * resource route's `data()` lost its status (200) and made Remix print a warning; the page's
 * single-fetch request reads a returned Response as data with its status (not as a route error,
 * which only a thrown one becomes).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const form = await readFormData(request);
  const reply = await runUseCase(() => autosaveAnswer(actor, form));
  // A refusal carries its message as key + parameters and as text in the request's language.
  if (reply.body.status === "invalid") {
    const text = translateMessage(await resolveLocale(request), reply.body.message);
    return jsonReply({ ...reply.body, text }, reply.httpStatus);
  }
  return jsonReply(reply.body, reply.httpStatus);
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405 });
}
