// One regulation change (issue 14 item 7; ADR 0023: guard → use case → view). Every member reads
// the facts and the impact; the DPO and admins triage it with the no-JS form below.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ChangeImpactPage } from "~/components/regulations/change-impact-page";
import { requirePermission, requireUser } from "~/modules/auth/guards.server";
import { getChangeImpactPage } from "~/modules/regulations/get-change-impact-page.server";
import { runTriageForm } from "~/modules/regulations/run-triage-form.server";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import { translatedTitle } from "~/utils/page-title";

export const meta: MetaFunction = ({ matches }) => [translatedTitle(matches, "impact.pageTitle")];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  return runUseCase(() => getChangeImpactPage(actor, params.changeId ?? ""));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "impact:triage");
  const changeId = params.changeId ?? "";
  const form = await readFormData(request);
  const answer = await runUseCase(() => runTriageForm(actor, changeId, form));
  if (answer.ok)
    return redirect(`/regulations/changes/${encodeURIComponent(changeId)}?notice=triaged`);
  return data({ problem: answer.problem, values: answer.values }, { status: answer.status });
}

export default function ChangeImpactRoute() {
  const view = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <ChangeImpactPage
      view={view}
      triageForm={{
        saved: !answer && params.get("notice") === "triaged",
        ...(answer ? { problem: answer.problem, values: answer.values } : {}),
      }}
    />
  );
}
