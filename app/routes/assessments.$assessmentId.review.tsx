import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requestedTabOf } from "~/modules/assessments/assessment-tabs";
import { requireUser } from "~/modules/auth/guards.server";
import { requireOrgAssessment } from "~/modules/clarifications/clarification-access.server";
import { handleReviewForm } from "~/modules/review/review-form.server";
import { readIntent } from "~/modules/vendors/vendor-forms.server";
import { runUseCase } from "~/utils/http.server";
import { readFormData } from "~/utils/form-data.server";

/**
 * The review forms of the assessment page (findings, comments, request changes). Another
 * organisation's assessment is a 404 before the form is read; every outcome the user can fix is
 * a redirect back to the page, on the form's tab, with a flash (see review-form.server.ts).
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, context);
  const assessmentId = params.assessmentId ?? "";
  await runUseCase(() => requireOrgAssessment(actor, assessmentId));
  const form = await readFormData(request);
  // The list is spelled out here so the tenancy sweep (tests/http) probes every intent.
  const intent = readIntent(form, [
    "createFinding",
    "updateFinding",
    "deleteFinding",
    "addComment",
    "requestChanges",
  ]);
  if (!intent) return new Response("Unknown intent", { status: 400 });
  // The form names its tab in the URL it posts to (`?tab=findings`): back to that tab.
  return runUseCase(() => handleReviewForm(actor, assessmentId, form, requestedTabOf(request.url)));
}

/** Nothing to GET here: back to the page (a foreign or unknown assessment still answers 404). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const assessmentId = params.assessmentId ?? "";
  await runUseCase(() => requireOrgAssessment(actor, assessmentId));
  return redirect(`/assessments/${encodeURIComponent(assessmentId)}`);
}
