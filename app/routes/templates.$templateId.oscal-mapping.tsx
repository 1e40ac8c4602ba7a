import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server";
import { exportProvisionMapping } from "~/modules/provision-links/export-provision-mapping.server";
import { runUseCase } from "~/utils/http.server";

/** The template's question ↔ provision links as an OSCAL 1.2 mapping collection (a download). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "template:read");
  const file = await runUseCase(() =>
    exportProvisionMapping(actor, { templateId: params.templateId ?? "" }),
  );
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
