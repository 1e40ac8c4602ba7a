import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUserLocale, requireUser } from "~/modules/auth/guards.server";
import {
  EXPORT_FORMATS,
  exportPortfolio,
  type ExportFormat,
} from "~/modules/portfolio/portfolio-export.server";
import { parsePortfolioParams } from "~/modules/portfolio/portfolio-query";
import { runUseCase } from "~/utils/http.server";
import { resolveLocale } from "~/utils/locale.server";

// The current portfolio view (?format=csv|xlsx|json plus the page's filters) as a download.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "csv";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    // The requested value is not echoed back: the message names what is accepted.
    return new Response(`Unknown export format: use ${EXPORT_FORMATS.join(", ")}.`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const locale = await resolveLocale(request, await getSessionUserLocale(request, context));
  return runUseCase(() =>
    exportPortfolio(actor, {
      query: parsePortfolioParams(params),
      format: format as ExportFormat,
      locale,
    }),
  );
}
