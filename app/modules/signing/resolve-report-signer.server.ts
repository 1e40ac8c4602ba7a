import type { Db, Tx } from "../../utils/db.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { Actor } from "../auth/actor";
import { certificateDetails } from "./certificate-details";
import {
  generateOrganizationKeyPair,
  issueOrganizationCertificate,
  operatorIssuingProblem,
  RENEW_BEFORE_DAYS,
  type KeyPair,
} from "./issue-organization-certificate";
import type { SigningIdentity } from "./pkcs12";
import {
  activeSlotOf,
  identityOfStoredCertificate,
  retireSigningCertificate,
  storeSigningCertificate,
  type CertificateSource,
} from "./signing-certificate-record.server";
import { loadSigningIdentity } from "./signing-certificate.server";

/**
 * Which certificate signs an organisation's next report (ADR 0016):
 *   1. its own certificate (uploaded by an ADMIN), while valid;
 *   2. otherwise the certificate the operator's certificate issued for it — issued on first use
 *      and again when the operator's certificate changes or the issued one nears its end;
 *   3. the operator's certificate itself, when it cannot issue (not a CA), recorded for the
 *      organisation so `audit verify` knows it.
 * Null when nothing can sign (no operator certificate outside production, no upload).
 */
export interface ReportSigner {
  identity: SigningIdentity;
  source: CertificateSource;
}

type StoredCertificate = NonNullable<Awaited<ReturnType<Tx["signingCertificate"]["findUnique"]>>>;

type SignerPlan =
  | { kind: "stored"; row: StoredCertificate; source: "UPLOADED" | "ISSUED" }
  | { kind: "issue"; operator: SigningIdentity; previous: StoredCertificate | null }
  | { kind: "operator"; operator: SigningIdentity }
  | null;

const DAY_MS = 86_400_000;

function usable(row: StoredCertificate | null, now: Date): row is StoredCertificate {
  return Boolean(row?.privateKeyEnc) && row!.notBefore <= now && row!.notAfter > now;
}

/** Whether an issued certificate should be replaced by a new one from `operator`. */
function dueForNewIssue(
  issued: StoredCertificate,
  operator: SigningIdentity,
  operatorNotAfter: Date,
  now: Date,
): boolean {
  if (!usable(issued, now) || issued.issuerFingerprint !== operator.fingerprint) return true;
  if (issued.notAfter.getTime() - now.getTime() > RENEW_BEFORE_DAYS * DAY_MS) return false;
  // Near its end: a new one only helps when the operator's certificate outlives the current one.
  return operatorNotAfter.getTime() > issued.notAfter.getTime() + DAY_MS;
}

async function planSigner(reader: Db | Tx, organizationId: string, now: Date): Promise<SignerPlan> {
  const uploaded = await reader.signingCertificate.findUnique({
    where: { activeSlot: activeSlotOf(organizationId, "UPLOADED") },
  });
  if (usable(uploaded, now)) return { kind: "stored", row: uploaded, source: "UPLOADED" };
  const operator = loadSigningIdentity();
  if (!operator) return null;
  if (operatorIssuingProblem(operator, now)) return { kind: "operator", operator };
  const issued = await reader.signingCertificate.findUnique({
    where: { activeSlot: activeSlotOf(organizationId, "ISSUED") },
  });
  const { notAfter } = certificateDetails(operator.certificate);
  if (issued && !dueForNewIssue(issued, operator, notAfter, now))
    return { kind: "stored", row: issued, source: "ISSUED" };
  return { kind: "issue", operator, previous: issued };
}

/** Inside the signing transaction: the signer, issuing or recording a certificate when needed (audited). */
export async function resolveReportSigner(
  tx: Tx,
  actor: Actor,
  options: { keyPair?: KeyPair; now?: Date } = {},
): Promise<ReportSigner | null> {
  const now = options.now ?? new Date();
  const plan = await planSigner(tx, actor.organizationId, now);
  if (!plan) return null;
  switch (plan.kind) {
    case "stored":
      return { identity: identityOfStoredCertificate(plan.row)!, source: plan.source };
    case "operator":
      await recordOperatorCertificate(tx, actor, plan.operator);
      return { identity: plan.operator, source: "OPERATOR" };
    case "issue":
      return {
        identity: await issueCertificate(
          tx,
          actor,
          plan.operator,
          plan.previous,
          options.keyPair,
          now,
        ),
        source: "ISSUED",
      };
  }
}

/**
 * Before the decision's transaction: makes the key pair a new certificate would need (RSA 3072
 * takes up to seconds) and issues or records the certificate in a short transaction of its own,
 * so the decision neither holds the database's write lock meanwhile nor carries these events.
 * Nothing happens when the signer is ready.
 */
export async function prepareReportSigner(actor: Actor, database: Db): Promise<void> {
  const plan = await planSigner(database, actor.organizationId, new Date());
  if (plan?.kind === "issue") {
    const keyPair = await generateOrganizationKeyPair();
    await inTransaction((tx) => resolveReportSigner(tx, actor, { keyPair }));
  } else if (plan?.kind === "operator") {
    await inTransaction((tx) => recordOperatorCertificate(tx, actor, plan.operator));
  }
}

async function issueCertificate(
  tx: Tx,
  actor: Actor,
  operator: SigningIdentity,
  previous: StoredCertificate | null,
  keyPair: KeyPair | undefined,
  now: Date,
): Promise<SigningIdentity> {
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: actor.organizationId },
    select: { name: true },
  });
  const pair = keyPair ?? (await generateOrganizationKeyPair());
  const issued = issueOrganizationCertificate({
    operator,
    organizationName: organization.name,
    keyPair: pair,
    now,
  });
  if (previous) await retireSigningCertificate(tx, previous.id, now);
  const row = await storeSigningCertificate(tx, {
    organizationId: actor.organizationId,
    source: "ISSUED",
    certificate: issued.certificate,
    chain: issued.chain,
    privateKey: pair.privateKey,
    issuerFingerprint: operator.fingerprint,
    active: true,
  });
  await recordAuditEvent(tx, actor, {
    action: "signing_certificate.issued",
    target: { type: "signing_certificate", id: row.id },
    payload: {
      fingerprint: row.fingerprint,
      subject: row.subject,
      issuer: row.issuer,
      notAfter: row.notAfter.toISOString(),
      replaces: previous?.fingerprint ?? null,
    },
  });
  return identityOfStoredCertificate(row)!;
}

/** The operator's certificate signs for the organisation directly: recorded once per certificate, so `audit verify` knows it later. */
async function recordOperatorCertificate(
  tx: Tx,
  actor: Actor,
  operator: SigningIdentity,
): Promise<void> {
  const known = await tx.signingCertificate.findFirst({
    where: {
      organizationId: actor.organizationId,
      source: "OPERATOR",
      fingerprint: operator.fingerprint,
    },
    select: { id: true },
  });
  if (known) return;
  const row = await storeSigningCertificate(tx, {
    organizationId: actor.organizationId,
    source: "OPERATOR",
    certificate: operator.certificate,
    chain: operator.chain,
    privateKey: null,
    active: false,
  });
  await recordAuditEvent(tx, actor, {
    action: "signing_certificate.operator_used",
    target: { type: "signing_certificate", id: row.id },
    payload: {
      fingerprint: row.fingerprint,
      subject: row.subject,
      reason: operatorIssuingProblem(operator),
    },
  });
}
