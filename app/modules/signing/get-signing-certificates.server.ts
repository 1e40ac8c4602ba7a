import { db } from "../../utils/db.server";
import { assertAdministers } from "../admin/admin-access.server";
import type { UserActor } from "../auth/actor";
import { certificateDetails } from "./certificate-details";
import { operatorIssuingProblem } from "./issue-organization-certificate";
import { activeSlotOf } from "./signing-certificate-record.server";
import { toSigningCertificateDto, type SigningCertificateDto } from "./signing-certificate-dto";
import { loadSigningIdentity } from "./signing-certificate.server";

export interface SigningCertificatesOverview {
  organizationName: string;
  /** The organisation's own certificate, when an ADMIN uploaded one. */
  uploaded: SigningCertificateDto | null;
  /** The certificate the operator issued for the organisation (made with its first report). */
  issued: SigningCertificateDto | null;
  /** The operator's certificate (the issuer), when one is configured. */
  operator: { subject: string; fingerprint: string; notAfter: string; canIssue: boolean } | null;
  /** Which one signs the next report. */
  nextSigner: "UPLOADED" | "ISSUED" | "OPERATOR" | "NONE";
}

const SELECT = {
  id: true,
  source: true,
  subject: true,
  issuer: true,
  notBefore: true,
  notAfter: true,
  fingerprint: true,
} as const;

/** The admin page's view of the organisation's signing certificates (names and fingerprints only). */
export async function getSigningCertificates(
  actor: UserActor,
  _input: Record<string, never> = {},
): Promise<SigningCertificatesOverview> {
  assertAdministers(actor, "organization:configure");
  const now = new Date();
  const [organization, uploaded, issued] = await Promise.all([
    db().organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { name: true },
    }),
    db().signingCertificate.findUnique({
      where: { activeSlot: activeSlotOf(actor.organizationId, "UPLOADED") },
      select: SELECT,
    }),
    db().signingCertificate.findUnique({
      where: { activeSlot: activeSlotOf(actor.organizationId, "ISSUED") },
      select: SELECT,
    }),
  ]);
  let identity = null;
  try {
    identity = loadSigningIdentity();
  } catch {
    // A broken operator configuration stops the server at boot; here it simply shows as none.
  }
  const details = identity ? certificateDetails(identity.certificate) : null;
  const operator =
    identity && details
      ? {
          subject: details.subject,
          fingerprint: identity.fingerprint,
          notAfter: details.notAfter.toISOString(),
          canIssue: operatorIssuingProblem(identity, now) === null,
        }
      : null;
  const uploadedUsable = uploaded && uploaded.notAfter > now && uploaded.notBefore <= now;
  const nextSigner = uploadedUsable
    ? "UPLOADED"
    : !operator
      ? "NONE"
      : operator.canIssue
        ? "ISSUED"
        : "OPERATOR";
  return {
    organizationName: organization.name,
    uploaded: uploaded ? toSigningCertificateDto(uploaded, now) : null,
    issued: issued ? toSigningCertificateDto(issued, now) : null,
    operator,
    nextSigner,
  };
}
