import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { hasRecentMfa, requirePermission, requireRecentMfa } from "~/modules/auth/guards.server";
import { getSigningCertificates } from "~/modules/signing/get-signing-certificates.server";
import { readCertificateForm } from "~/modules/signing/read-certificate-form.server";
import { removeSigningCertificate } from "~/modules/signing/remove-signing-certificate.server";
import type { SigningCertificateDto } from "~/modules/signing/signing-certificate-dto";
import { uploadSigningCertificate } from "~/modules/signing/upload-signing-certificate.server";
import { getEnv } from "~/utils/env.server";
import { DomainError } from "~/utils/errors";
import { runUseCase } from "~/utils/http.server";
import { isLocale, translate, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return [{ title: `${translate(isLocale(locale) ? locale : "en", "signing.title")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "organization:configure");
  const overview = await runUseCase(() => getSigningCertificates(actor));
  return { overview, recentMfa: hasRecentMfa(actor), stepUpMinutes: getEnv().MFA_STEP_UP_MINUTES };
}

type ActionResult = { ok: boolean; message: MessageKey };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "organization:configure");
  requireRecentMfa(request, actor);
  const form = await readCertificateForm(request);
  if (!form.ok) {
    return data<ActionResult>({ ok: false, message: form.status === 413 ? "signing.errorTooLarge" : "signing.errorUnreadable" }, { status: form.status });
  }
  // A file the use case refuses (passphrase, format, validity) is answered on the page, not as an error page.
  const refused = (error: unknown) => {
    if (error instanceof DomainError && error.code === "VALIDATION") return data<ActionResult>({ ok: false, message: error.key }, { status: 400 });
    throw error;
  };
  if (form.intent === "upload") {
    if (!form.file) return data<ActionResult>({ ok: false, message: "signing.errorNoFile" }, { status: 400 });
    const file = form.file;
    const result = await runUseCase(() => uploadSigningCertificate(actor, { file, passphrase: form.passphrase }).then(() => null, refused));
    return result ?? data<ActionResult>({ ok: true, message: "signing.uploaded" });
  }
  if (form.intent === "remove") {
    await runUseCase(() => removeSigningCertificate(actor, { certificateId: form.certificateId }));
    return data<ActionResult>({ ok: true, message: "signing.removed" });
  }
  return data<ActionResult>({ ok: false, message: "signing.errorUnknownAction" }, { status: 400 });
}

function CertificateFacts({ certificate }: { certificate: SigningCertificateDto }) {
  const { t, date } = useT();
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid={`certificate-${certificate.source.toLowerCase()}`}>
      <dt className="font-medium text-slate-700">{t("signing.subject")}</dt>
      <dd className="break-words">{certificate.subject}</dd>
      <dt className="font-medium text-slate-700">{t("signing.issuer")}</dt>
      <dd className="break-words">{certificate.issuer}</dd>
      <dt className="font-medium text-slate-700">{t("signing.validity")}</dt>
      <dd>
        {t("signing.validRange", { from: date(certificate.notBefore), to: date(certificate.notAfter) })}
        {certificate.expired ? <span className="block text-red-700">{t("signing.expired")}</span> : null}
      </dd>
      <dt className="font-medium text-slate-700">{t("signing.fingerprint")}</dt>
      <dd>
        <code className="break-all font-mono text-xs">{certificate.fingerprint}</code>
      </dd>
    </dl>
  );
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
      <PageHeader title={t("signing.title")}>{t("signing.intro", { organization: overview.organizationName })}</PageHeader>
      {actionData ? <Alert tone={actionData.ok ? "success" : "error"}>{t(actionData.message)}</Alert> : null}
      {!recentMfa ? (
        <Alert tone="info">
          {t("signing.stepUpHint", { minutes: stepUpMinutes })}{" "}
          <Link className="font-medium underline" to={`/auth/step-up?redirectTo=${encodeURIComponent("/admin/signing")}`}>
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
        <Card title={t("signing.uploadedHeading")}>
          <CertificateFacts certificate={overview.uploaded} />
          <Form method="post" className="mt-4 space-y-2">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="certificateId" value={overview.uploaded.id} />
            <p className="text-sm text-slate-600">{t("signing.removeHint")}</p>
            <Button type="submit" variant="secondary" disabled={busy}>
              {t("signing.removeButton")}
            </Button>
          </Form>
        </Card>
      ) : null}
      {overview.issued ? (
        <Card title={t("signing.issuedHeading")}>
          <CertificateFacts certificate={overview.issued} />
        </Card>
      ) : null}
      {overview.operator ? (
        <Card title={t("signing.operatorHeading")}>
          <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-slate-700">{t("signing.subject")}</dt>
            <dd className="break-words">{overview.operator.subject}</dd>
            <dt className="font-medium text-slate-700">{t("signing.fingerprint")}</dt>
            <dd>
              <code className="break-all font-mono text-xs">{overview.operator.fingerprint}</code>
            </dd>
          </dl>
        </Card>
      ) : null}
      <Card title={overview.uploaded ? t("signing.replaceHeading") : t("signing.uploadHeading")}>
        <p className="mb-3 text-sm text-slate-700">{t("signing.uploadIntro")}</p>
        <Form method="post" encType="multipart/form-data" className="max-w-md space-y-4">
          <input type="hidden" name="intent" value="upload" />
          <TextField label={t("signing.fileLabel")} name="certificate" type="file" accept=".p12,.pfx,application/x-pkcs12" required />
          <TextField label={t("signing.passphraseLabel")} name="passphrase" type="password" autoComplete="off" />
          <Button type="submit" disabled={busy}>
            {overview.uploaded ? t("signing.replaceButton") : t("signing.uploadButton")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
