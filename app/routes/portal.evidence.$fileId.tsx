import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { VendorActor } from "~/modules/auth/actor";
import { evidenceDownloadResponse } from "~/modules/evidence/download-response.server";
import { evidenceOutcomeMessage } from "~/modules/evidence/evidence-display";
import {
  evidenceFlashUrl,
  isEvidenceErrorCode,
  type EvidenceErrorCode,
} from "~/modules/evidence/evidence-outcome";
import { readEvidence } from "~/modules/evidence/read-evidence.server";
import { removeEvidence } from "~/modules/evidence/remove-evidence.server";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { DomainError, statusForCode } from "~/utils/errors";
import { readFormData } from "~/utils/form-data.server";
import { translate } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { runUseCase } from "~/utils/http.server";

/**
 * One evidence file of the vendor's own assessment: GET downloads it, POST `intent=remove`
 * removes it (JSON for the component's fetch, a redirect back to the question otherwise).
 * A file of another assessment or organisation is simply not found.
 */

/** Without a vendor session there is no file to find here: 404, not a redirect (a URL probe learns nothing). */
async function vendorOrNotFound(request: Request, context: AppLoadContext): Promise<VendorActor> {
  try {
    return await requireVendorSession(request, context);
  } catch (error) {
    if (error instanceof Response && error.status >= 300 && error.status < 400)
      throw new Response("Not Found", { status: 404 });
    throw error;
  }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await vendorOrNotFound(request, context);
  const file = await runUseCase(() =>
    readEvidence(actor, { assessmentId: actor.assessmentId, fileId: params.fileId ?? "" }),
  );
  return evidenceDownloadResponse(file);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await vendorOrNotFound(request, context);
  const wantsJson = (request.headers.get("Accept") ?? "").includes("application/json");
  const form = await readFormData(request);
  if (form.get("intent") !== "remove") return new Response("Unknown intent", { status: 400 });
  try {
    const result = await removeEvidence(actor, { fileId: params.fileId ?? "" });
    if (!wantsJson)
      return redirect(
        evidenceFlashUrl({ questionKey: result.questionKey, outcome: "removed", params: {} }),
      );
    return Response.json({ ok: true, ...result }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const status = statusForCode(error.code);
    // A foreign or unknown id is a plain 404 for everyone: the same answer whether it exists or not.
    if (error.code === "NOT_FOUND") throw new Response("Not Found", { status });
    const reason = error.details?.reason;
    const code: EvidenceErrorCode = isEvidenceErrorCode(reason) ? reason : "failed";
    if (!wantsJson) {
      // Only for the anchor of the redirect; the file's own question is what the use case checked.
      const questionKey = String(form.get("questionKey") ?? "");
      return redirect(evidenceFlashUrl({ questionKey, outcome: code, params: {} }));
    }
    // The code (the page's key, evidence.err_<code>) and its text in the request's language.
    const locale = await resolveLocale(request);
    const message = evidenceOutcomeMessage((key, values) => translate(locale, key, values), code);
    return Response.json({ ok: false, code, message, params: {} }, { status });
  }
}
