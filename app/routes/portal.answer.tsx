import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { changesFromForm } from "~/modules/portal/form-changes";
import { saveAnswers } from "~/modules/portal/save-answers.server";
import { getVendorQuestionnaire } from "~/modules/portal/vendor-questionnaire.server";
import { runUseCase } from "~/utils/http.server";
import { readFormData } from "~/utils/form-data.server";

/** Autosave endpoint for one question (fetcher POST from the questionnaire page). */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const form = await readFormData(request);
  const questionKey = String(form.get("questionKey") ?? "");
  const { sections } = await getVendorQuestionnaire(actor);
  const question = sections.flatMap((section) => section.questions).find((q) => q.key === questionKey);
  if (!question) return data({ status: "invalid" as const, questionKey, message: "unknown question" }, { status: 400 });
  const { changes, invalid } = changesFromForm([question], form);
  if (invalid[0]) return data({ status: "invalid" as const, questionKey, message: invalid[0].message }, { status: 400 });
  if (changes.length === 0) return { status: "unchanged" as const, questionKey };
  const [outcome] = await runUseCase(() => saveAnswers(actor, changes));
  if (!outcome) return { status: "unchanged" as const, questionKey };
  if (outcome.status === "conflict") return data(outcome, { status: 409 });
  if (outcome.status === "invalid") return data(outcome, { status: 400 });
  // The saved value goes back so the page can mark it as the new "shown" value.
  return { ...outcome, value: changes[0]?.value ?? null };
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405 });
}
