import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DelegateForm } from "~/components/portal/delegate-form";
import { DelegationsCard } from "~/components/portal/delegations-card";
import { Alert, Card } from "~/components/ui/layout";
import { getDelegationPage } from "~/modules/portal/delegate-list.server";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import {
  runDelegateAction,
  type DelegateActionData,
} from "~/modules/portal/run-delegate-action.server";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import { useT } from "~/utils/use-t";
import { translatedTitle } from "~/utils/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { name: "robots", content: "noindex, nofollow" },
  translatedTitle(matches, "access.delegateTitle"),
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  return runUseCase(() => getDelegationPage(actor));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const result = await runDelegateAction(actor, await readFormData(request));
  return data<DelegateActionData>(result.body, { status: result.status });
}

export default function PortalDelegatePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as DelegateActionData | undefined;
  const { t } = useT();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/portal" className="text-sm underline">
          {t("access.backToQuestionnaire")}
        </Link>
      </p>
      <Card>
        <h1 className="text-xl font-semibold">{t("access.delegateTitle")}</h1>
        <p className="mt-2 text-slate-700">{t("access.delegateIntro")}</p>
        {result?.sentTo ? (
          <div className="mt-3">
            <Alert tone="success">{t("access.delegateSent", { email: result.sentTo })}</Alert>
          </div>
        ) : null}
        {result?.intent === "revoke" ? (
          <div className="mt-3">
            <Alert tone="success">{t("access.delegationRevoked")}</Alert>
          </div>
        ) : null}
        {result?.error ? (
          <div className="mt-3">
            <Alert tone="error">
              {t(`access.${result.error}`, { minutes: result.minutes ?? 1 })}
            </Alert>
          </div>
        ) : null}
        {page.open ? (
          <DelegateForm sections={page.sections} />
        ) : (
          <div className="mt-3">
            <Alert tone="info">{t("access.delegateClosed")}</Alert>
          </div>
        )}
      </Card>
      <DelegationsCard page={page} />
    </div>
  );
}
