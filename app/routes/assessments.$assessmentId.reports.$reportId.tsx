import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/guards.server";
import { readSignedReport } from "~/modules/reports/signed-reports.server";
import { runUseCase } from "~/utils/http.server";

/** Download of a signed assessment report (exact stored bytes: any change would break the signature). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const report = await runUseCase(() =>
    readSignedReport(actor, {
      assessmentId: params.assessmentId ?? "",
      reportId: params.reportId ?? "",
    }),
  );
  return new Response(report.signedPdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="assessment-${report.assessmentId}-${report.decisionId}.pdf"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
