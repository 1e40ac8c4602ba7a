// One assessment (ADR 0023: guard → parse → use case → view model). The page's data comes from
// getAssessmentPage, its form posts go through runAssessmentPageAction (app/modules/assessments),
// the markup is AssessmentPage (app/components/assessments).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AssessmentPage } from "~/components/assessments/assessment-page";
import { requireUser } from "~/modules/auth/guards.server";
import { getAssessmentPage } from "~/modules/assessments/get-assessment-page.server";
import { runAssessmentPageAction } from "~/modules/assessments/run-assessment-page-action.server";
import { readFormData } from "~/utils/form-data.server";
import { translate } from "~/utils/i18n";
import { metaLocale, pageTitle } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => [
  pageTitle(loaderData?.assessment.title, translate(metaLocale(matches), "assessments.pageTitle")),
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  return getAssessmentPage(actor, { assessmentId: params.assessmentId ?? "" });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, context);
  const form = await readFormData(request);
  const result = await runAssessmentPageAction(actor, {
    assessmentId: params.assessmentId ?? "",
    form,
  });
  if (result.redirectTo) return redirect(result.redirectTo, 303);
  return data(result.body, { status: result.status });
}

export default function AssessmentRoute() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <AssessmentPage view={view} actionData={actionData} />;
}
