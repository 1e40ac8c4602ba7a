import { z } from "zod";
import { DomainError } from "../../utils/errors";
import { messageKey, parseUseCaseInput } from "../../utils/validation-messages";
import type { MessageKey } from "../../utils/i18n";
import { inTransaction } from "../../utils/transaction.server";
import { assertAdministers, assertRecentStepUp } from "../admin/admin-access.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { certificateDetails } from "./certificate-details";
import {
  parsePkcs12,
  SigningCertificateError,
  type SigningCertificateProblem,
  type SigningIdentity,
} from "./pkcs12";
import { PKCS12_MAX_TOTAL_ITERATIONS, pkcs12IterationTotal } from "./pkcs12-work-limit";
import {
  activeSlotOf,
  retireSigningCertificate,
  storeSigningCertificate,
} from "./signing-certificate-record.server";
import { toSigningCertificateDto, type SigningCertificateDto } from "./signing-certificate-dto";

/** A PKCS#12 file with a certificate chain is a few kB; this leaves room for long chains. */
export const SIGNING_CERTIFICATE_MAX_BYTES = 64 * 1024;
export const SIGNING_PASSPHRASE_MAX_CHARS = 1024;
export const SIGNING_KEY_MIN_BITS = 2048;

const PROBLEM_MESSAGES: Record<SigningCertificateProblem, MessageKey> = {
  passphrase: "signing.errorPassphrase",
  unreadable: "signing.errorUnreadable",
  no_rsa_key: "signing.errorNoRsaKey",
  no_certificate: "signing.errorNoCertificate",
  configuration: "signing.errorUnreadable",
};

/**
 * The upload as the use case takes it: the file's bytes (not empty, at most
 * SIGNING_CERTIFICATE_MAX_BYTES) and the passphrase as text (may be empty). What the bytes hold
 * is checked by readUploadedIdentity.
 */
export const uploadSigningCertificateInputSchema = z.object({
  file: z
    .custom<Uint8Array>((file) => file instanceof Uint8Array, {
      message: messageKey("signing.errorNoFile"),
    })
    .refine((file) => file.length > 0, { message: messageKey("signing.errorNoFile") })
    .refine((file) => file.length <= SIGNING_CERTIFICATE_MAX_BYTES, {
      message: messageKey("signing.errorTooLarge"),
    }),
  passphrase: z
    .string({ message: messageKey("signing.errorPassphrase") })
    .max(SIGNING_PASSPHRASE_MAX_CHARS, { message: messageKey("signing.errorPassphrase") }),
});
export type UploadSigningCertificateInput = z.infer<typeof uploadSigningCertificateInputSchema>;

function invalid(message: MessageKey, details?: Record<string, unknown>): DomainError {
  return new DomainError("VALIDATION", message, details);
}

/** Opens the file with its passphrase and checks that it can sign reports now; throws VALIDATION with a message key. */
function readUploadedIdentity(file: Uint8Array, passphrase: string, now: Date): SigningIdentity {
  // Counted before node-forge derives any key: the file sets how much work that is.
  if (pkcs12IterationTotal(file) > PKCS12_MAX_TOTAL_ITERATIONS)
    throw invalid("signing.errorTooManyIterations");
  let identity: SigningIdentity;
  try {
    identity = parsePkcs12(file, passphrase);
  } catch (error) {
    if (error instanceof SigningCertificateError) throw invalid(PROBLEM_MESSAGES[error.problem]);
    throw invalid("signing.errorUnreadable");
  }
  const details = certificateDetails(identity.certificate);
  if ((details.rsaBits ?? 0) < SIGNING_KEY_MIN_BITS) throw invalid("signing.errorWeakKey");
  if (details.notAfter <= now) throw invalid("signing.errorExpired");
  if (details.notBefore > now) throw invalid("signing.errorNotYetValid");
  if (!details.canSignDocuments) throw invalid("signing.errorKeyUsage");
  return identity;
}

/**
 * An ADMIN (after a fresh second-factor check) gives the organisation its own signing certificate
 * as a PKCS#12 file. The passphrase is used once to open it and then forgotten; the key is stored
 * encrypted with ENCRYPTION_KEY and never leaves the server. A certificate already in use is
 * replaced (it stays on record, its key erased). Audited as signing_certificate.uploaded.
 */
export async function uploadSigningCertificate(
  actor: UserActor,
  rawInput: UploadSigningCertificateInput,
): Promise<SigningCertificateDto> {
  assertAdministers(actor, "organization:configure");
  assertRecentStepUp(actor);
  const input = parseUseCaseInput(uploadSigningCertificateInputSchema, rawInput);
  const now = new Date();
  const identity = readUploadedIdentity(input.file, input.passphrase, now);
  return inTransaction(async (tx) => {
    const previous = await tx.signingCertificate.findUnique({
      where: { activeSlot: activeSlotOf(actor.organizationId, "UPLOADED") },
      select: { id: true, fingerprint: true },
    });
    if (previous) await retireSigningCertificate(tx, previous.id, now);
    const row = await storeSigningCertificate(tx, {
      organizationId: actor.organizationId,
      source: "UPLOADED",
      certificate: identity.certificate,
      chain: identity.chain,
      privateKey: identity.privateKey,
      active: true,
    });
    await recordAuditEvent(tx, actor, {
      action: "signing_certificate.uploaded",
      target: { type: "signing_certificate", id: row.id },
      payload: {
        fingerprint: row.fingerprint,
        subject: row.subject,
        issuer: row.issuer,
        notBefore: row.notBefore.toISOString(),
        notAfter: row.notAfter.toISOString(),
        replaces: previous?.fingerprint ?? null,
      },
    });
    return toSigningCertificateDto(row, now);
  });
}
