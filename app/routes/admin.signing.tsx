import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  OperatorCertificateCard,
  UploadCertificateCard,
  UploadedCertificateCard,
} from "~/components/signing/certificate-cards";
import { CertificateFacts } from "~/components/signing/certificate-facts";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { hasRecentMfa, requirePermission, requireRecentMfa } from "~/modules/auth/guards.server";
import { getSigningCertificates } from "~/modules/signing/get-signing-certificates.server";
import { readCertificateForm } from "~/modules/signing/read-certificate-form.server";
import {
  runSigningAction,
  type SigningActionData,
} from "~/modules/signing/run-signing-action.server";
import { getEnv } from "~/utils/env.server";
import { runUseCase } from "~/utils/http.server";
import { isLocale, translate } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)
    ?.locale;
  return [{ title: `${translate(isLocale(locale) ? locale : "en", "signing.title")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "organization:configure");
  const overview = await runUseCase(() => getSigningCertificates(actor));
  return { overview, recentMfa: hasRecentMfa(actor), stepUpMinutes: getEnv().MFA_STEP_UP_MINUTES };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "organization:configure");
  requireRecentMfa(request, actor);
  const result = await runSigningAction(actor, await readCertificateForm(request));
  return data<SigningActionData>(result.body, { status: result.status });
}

export default function AdminSigningPage() {
  const { overview, recentMfa, stepUpMinutes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const busy = navigation.state === "submitting";
  const next = {
    UPLOADED: t("signing.nextUploaded"),
    ISSUED: overview.issued ? t("signing.nextIssued") : t("signing.nextIssuedPending"),
    OPERATOR: t("signing.nextOperator"),
    NONE: t("signing.nextNone"),
  }[overview.nextSigner];
  return (
    <div className="space-y-6">
      <Link to="/admin/settings" className="text-sm text-brand-700 hover:underline">
        ← {t("admin.settingsTitle")}
      </Link>
      <PageHeader title={t("signing.title")}>
        {t("signing.intro", { organization: overview.organizationName })}
      </PageHeader>
      {actionData ? (
        <Alert tone={actionData.ok ? "success" : "error"}>{t(actionData.message)}</Alert>
      ) : null}
      {!recentMfa ? (
        <Alert tone="info">
          {t("signing.stepUpHint", { minutes: stepUpMinutes })}{" "}
          <Link
            className="font-medium underline"
            to={`/auth/step-up?redirectTo=${encodeURIComponent("/admin/signing")}`}
          >
            {t("admin.stepUpNow")}
          </Link>
        </Alert>
      ) : null}
      <Card title={t("signing.nextHeading")}>
        <p className="text-sm text-slate-800" data-testid="next-signer">
          {t("signing.nextHeading")} {next}
        </p>
      </Card>
      {overview.uploaded ? (
        <UploadedCertificateCard certificate={overview.uploaded} busy={busy} />
      ) : null}
      {overview.issued ? (
        <Card title={t("signing.issuedHeading")}>
          <CertificateFacts certificate={overview.issued} />
        </Card>
      ) : null}
      {overview.operator ? <OperatorCertificateCard certificate={overview.operator} /> : null}
      <UploadCertificateCard replacing={Boolean(overview.uploaded)} busy={busy} />
    </div>
  );
}
