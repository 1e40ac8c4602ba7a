// One assessment (ADR 0023: guard → parse → use case → view model). The page's data comes from
// getAssessmentPage, its form posts go through runAssessmentPageAction (app/modules/assessments),
// the markup is AssessmentPage (app/components/assessments). The page is in tabs that are links
// (`?tab=…`, assessment-tabs.ts); each form posts to a URL that names its tab, so the answer to a
// POST (the page again, or a redirect) shows the tab the form belongs to.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AssessmentPage } from "~/components/assessments/assessment-page";
import { requireUser } from "~/modules/auth/guards.server";
import { tabOfUrl } from "~/modules/assessments/assessment-tabs";
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
  // The tab comes from the query (`?tab=answers`); an unknown one is the overview.
  return getAssessmentPage(actor, {
    assessmentId: params.assessmentId ?? "",
    tab: tabOfUrl(request.url),
  });
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
