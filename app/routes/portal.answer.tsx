import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { autosaveAnswer } from "~/modules/portal/autosave-answer.server";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { runUseCase } from "~/utils/http.server";
import { readFormData } from "~/utils/form-data.server";

/**
 * Autosave endpoint for one question (fetcher POST from the questionnaire page). The page's
 * fetcher calls this action as a single-fetch data request, where `data()` carries the status;
 * a 4xx Response would be turned into a route error instead of fetcher data.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const form = await readFormData(request);
  const reply = await runUseCase(() => autosaveAnswer(actor, form));
  return data(reply.body, { status: reply.httpStatus });
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405 });
}
