// Start re-reviews after a regulation change (issue 14 item 8; ADR 0023: guard → parse → use
// case → view). GET lists the organisation's affected assessments with what a re-review would ask
// and carry (the impact page links here, optionally with `assessmentId` preselected); POST starts
// the chosen ones. Works without JavaScript. The trailing "_" keeps this page out of the change
// page's layout: it is a page of its own under the same address.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ReReviewStartPage } from "~/components/assessments/re-review-start-page";
import { getReReviewStartPage } from "~/modules/assessments/re-review/get-re-review-start-page.server";
import { runReReviewStart } from "~/modules/assessments/re-review/run-re-review-start.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import { translatedTitle } from "~/utils/page-title";

export const meta: MetaFunction = ({ matches }) => [translatedTitle(matches, "reReview.pageTitle")];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "assessment:re-review");
  const chosen = new URL(request.url).searchParams.getAll("assessmentId");
  return runUseCase(() => getReReviewStartPage(actor, { changeId: params.changeId ?? "", chosen }));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "assessment:re-review");
  const form = await readFormData(request);
  const answer = await runReReviewStart(actor, { changeId: params.changeId ?? "", form });
  if (answer.kind === "redirect") return redirect(answer.to);
  return data(answer);
}

export default function ReReviewStartRoute() {
  const view = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return <ReReviewStartPage view={view} results={answer?.results ?? null} />;
}
