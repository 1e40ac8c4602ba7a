import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentHeaders } from "~/modules/exports/spreadsheet";
import { answersCopyCsv, getAnswersCopy } from "~/modules/portal/answers-copy.server";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { runUseCase } from "~/utils/http.server";
import { resolveLocale } from "~/utils/locale.server";

/** The vendor's copy of their answers as CSV (formula injection neutralised), in their language. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const locale = await resolveLocale(request);
  const copy = await runUseCase(() => getAnswersCopy(actor, locale));
  return new Response(answersCopyCsv(copy, locale), {
    headers: attachmentHeaders("answers.csv", "text/csv; charset=utf-8"),
  });
}
