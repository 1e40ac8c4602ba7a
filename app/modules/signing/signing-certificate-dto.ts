/** What the admin page shows of a stored signing certificate: names, validity, fingerprint; never key material. */
export interface SigningCertificateDto {
  id: string;
  source: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  fingerprint: string;
  expired: boolean;
}

export function toSigningCertificateDto(
  row: {
    id: string;
    source: string;
    subject: string;
    issuer: string;
    notBefore: Date;
    notAfter: Date;
    fingerprint: string;
  },
  now: Date,
): SigningCertificateDto {
  return {
    id: row.id,
    source: row.source,
    subject: row.subject,
    issuer: row.issuer,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    fingerprint: row.fingerprint,
    expired: row.notAfter <= now,
  };
}
