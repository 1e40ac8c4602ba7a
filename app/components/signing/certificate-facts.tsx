import type { SigningCertificateDto } from "~/modules/signing/signing-certificate-dto";
import { useT } from "~/utils/use-t";

/** A certificate's subject, issuer, validity and fingerprint. */
export function CertificateFacts({ certificate }: { certificate: SigningCertificateDto }) {
  const { t, date } = useT();
  return (
    <dl
      className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]"
      data-testid={`certificate-${certificate.source.toLowerCase()}`}
    >
      <dt className="font-medium text-slate-700">{t("signing.subject")}</dt>
      <dd className="break-words">{certificate.subject}</dd>
      <dt className="font-medium text-slate-700">{t("signing.issuer")}</dt>
      <dd className="break-words">{certificate.issuer}</dd>
      <dt className="font-medium text-slate-700">{t("signing.validity")}</dt>
      <dd>
        {t("signing.validRange", {
          from: date(certificate.notBefore),
          to: date(certificate.notAfter),
        })}
        {certificate.expired ? (
          <span className="block text-red-700">{t("signing.expired")}</span>
        ) : null}
      </dd>
      <dt className="font-medium text-slate-700">{t("signing.fingerprint")}</dt>
      <dd>
        <code className="break-all font-mono text-xs">{certificate.fingerprint}</code>
      </dd>
    </dl>
  );
}
