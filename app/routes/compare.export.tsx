import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUserLocale, requireUser } from "~/modules/auth/guards.server";
import { parseVendorIds } from "~/modules/comparison/compare-vendors.server";
import {
  COMPARISON_EXPORT_FORMATS,
  exportComparison,
  type ComparisonExportFormat,
} from "~/modules/comparison/export-comparison.server";
import { runUseCase } from "~/utils/http.server";
import { resolveLocale } from "~/utils/locale.server";

// A comparison (?format=csv|xlsx|json|pdf plus the page's vendors and profile) as a download.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "csv";
  if (!(COMPARISON_EXPORT_FORMATS as readonly string[]).includes(format)) {
    return new Response("Unknown format", {
      status: 400,
      headers: { "Content-Type": "text/plain" },
    });
  }
  const locale = await resolveLocale(request, await getSessionUserLocale(request, context));
  return runUseCase(() =>
    exportComparison(actor, {
      vendorIds: parseVendorIds(params.get("vendors")),
      profileId: params.get("profile") || null,
      format: format as ComparisonExportFormat,
      locale,
    }),
  );
}
