// The vendor's questionnaire (ADR 0023: guard → parse → use case → view model). Data from
// getPortalPage, the plain form post through savePortalForm (app/modules/portal), the markup is
// PortalPage (app/components/portal). Works without JavaScript; with it, answers autosave.
import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PortalPage } from "~/components/portal/portal-page";
import { getPortalPage } from "~/modules/portal/get-portal-page.server";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { savePortalForm } from "~/modules/portal/save-portal-form.server";
import { readFormData } from "~/utils/form-data.server";
import { translate } from "~/utils/i18n";
import { metaLocale, pageTitle } from "~/utils/page-title";

export const headers: HeadersFunction = () => ({
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex",
});
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { name: "robots", content: "noindex, nofollow" },
  pageTitle(data?.assessment.title, translate(metaLocale(matches), "portal.title")),
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  return getPortalPage(actor, { url: request.url });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const form = await readFormData(request);
  const result = await savePortalForm(actor, { form });
  if (result.kind === "submitted") return redirect("/portal");
  return data(result.summary, { status: result.status });
}

export default function VendorQuestionnaireRoute() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <PortalPage view={view} actionData={actionData} />;
}
