import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { autosaveAnswer } from "~/modules/portal/autosave-answer.server";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { runUseCase } from "~/utils/http.server";
import { readFormData } from "~/utils/form-data.server";
import { translateMessage } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";

/**
 * Autosave endpoint for one question (fetcher POST from the questionnaire page). The page's
 * fetcher calls this action as a single-fetch data request, where `data()` carries the status;
 * a 4xx Response would be turned into a route error instead of fetcher data.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const form = await readFormData(request);
  const reply = await runUseCase(() => autosaveAnswer(actor, form));
  // A refusal carries its message as key + parameters and as text in the request's language.
  if (reply.body.status === "invalid") {
    const text = translateMessage(await resolveLocale(request), reply.body.message);
    return data({ ...reply.body, text }, { status: reply.httpStatus });
  }
  return data(reply.body, { status: reply.httpStatus });
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405 });
}
