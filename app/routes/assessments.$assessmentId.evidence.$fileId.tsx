import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/guards.server";
import { evidenceDownloadResponse } from "~/modules/evidence/download-response.server";
import { readEvidence } from "~/modules/evidence/read-evidence.server";
import { runUseCase } from "~/utils/http.server";

/**
 * Download of one evidence file for members of the organisation (every role may read evidence).
 * The file must belong to the assessment in the URL, and the assessment to the user's
 * organisation; anything else is 404.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const file = await runUseCase(() =>
    readEvidence(actor, { assessmentId: params.assessmentId ?? "", fileId: params.fileId ?? "" }),
  );
  return evidenceDownloadResponse(file);
}
