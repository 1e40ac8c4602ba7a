import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentHeaders } from "~/modules/exports/spreadsheet";
import { answersCopyPdf, getAnswersCopy } from "~/modules/portal/answers-copy.server";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { runUseCase } from "~/utils/http.server";
import { resolveLocale } from "~/utils/locale.server";

/** The vendor's copy of their answers as a plain (unsigned, bounded) PDF, in their language. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const locale = await resolveLocale(request);
  const copy = await runUseCase(() => getAnswersCopy(actor, locale));
  const pdf = await answersCopyPdf(copy, locale);
  return new Response(Buffer.from(pdf), {
    headers: attachmentHeaders("answers.pdf", "application/pdf"),
  });
}
