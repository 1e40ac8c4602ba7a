import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server";
import { exportTemplateVersion } from "~/modules/templates/export-template-version.server";
import { runUseCase } from "~/utils/http.server";

/** A template version as a file download (JSON or YAML), never rendered inline by the browser. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "template:read");
  const requested = new URL(request.url).searchParams.get("format") ?? "json";
  const format =
    requested === "yaml" || requested === "yml" ? "yaml" : requested === "json" ? "json" : null;
  const file = await runUseCase(() =>
    exportTemplateVersion(actor, {
      templateId: params.templateId ?? "",
      versionId: params.versionId ?? "",
      format: format ?? "json",
    }),
  );
  if (format === null) throw new Response("format must be json or yaml", { status: 400 });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
