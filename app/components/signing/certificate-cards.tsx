import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Card } from "~/components/ui/layout";
import type { SigningCertificateDto } from "~/modules/signing/signing-certificate-dto";
import { useT } from "~/utils/use-t";
import { CertificateFacts } from "./certificate-facts";

/** The organisation's uploaded certificate, with the form that removes it. */
export function UploadedCertificateCard({
  certificate,
  busy,
}: {
  certificate: SigningCertificateDto;
  busy: boolean;
}) {
  const { t } = useT();
  return (
    <Card title={t("signing.uploadedHeading")}>
      <CertificateFacts certificate={certificate} />
      <Form method="post" className="mt-4 space-y-2">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="certificateId" value={certificate.id} />
        <p className="text-sm text-slate-600">{t("signing.removeHint")}</p>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t("signing.removeButton")}
        </Button>
      </Form>
    </Card>
  );
}

/** The operator's certificate (the fallback signer): subject and fingerprint only. */
export function OperatorCertificateCard({
  certificate,
}: {
  certificate: { subject: string; fingerprint: string };
}) {
  const { t } = useT();
  return (
    <Card title={t("signing.operatorHeading")}>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">{t("signing.subject")}</dt>
        <dd className="break-words">{certificate.subject}</dd>
        <dt className="font-medium text-slate-700">{t("signing.fingerprint")}</dt>
        <dd>
          <code className="break-all font-mono text-xs">{certificate.fingerprint}</code>
        </dd>
      </dl>
    </Card>
  );
}

/** Upload (or replace) the organisation's own certificate: a PKCS#12 file and its passphrase. */
export function UploadCertificateCard({ replacing, busy }: { replacing: boolean; busy: boolean }) {
  const { t } = useT();
  return (
    <Card title={replacing ? t("signing.replaceHeading") : t("signing.uploadHeading")}>
      <p className="mb-3 text-sm text-slate-700">{t("signing.uploadIntro")}</p>
      <Form method="post" encType="multipart/form-data" className="max-w-md space-y-4">
        <input type="hidden" name="intent" value="upload" />
        <TextField
          label={t("signing.fileLabel")}
          name="certificate"
          type="file"
          accept=".p12,.pfx,application/x-pkcs12"
          required
        />
        <TextField
          label={t("signing.passphraseLabel")}
          name="passphrase"
          type="password"
          autoComplete="off"
        />
        <Button type="submit" disabled={busy}>
          {replacing ? t("signing.replaceButton") : t("signing.uploadButton")}
        </Button>
      </Form>
    </Card>
  );
}
