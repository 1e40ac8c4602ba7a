import { z } from "zod";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { assertAdministers, assertRecentStepUp } from "../admin/admin-access.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { activeSlotOf, retireSigningCertificate } from "./signing-certificate-record.server";

/**
 * An ADMIN (fresh second factor) removes the organisation's own certificate: it signs nothing
 * more, its key is erased, and reports are signed with the certificate the operator issues for
 * the organisation again. The record stays so that earlier reports keep verifying. A foreign or
 * already removed certificate is NOT_FOUND. Audited as signing_certificate.removed.
 */
export const removeSigningCertificateSchema = z.object({
  certificateId: z.string().min(1).max(64),
});
export type RemoveSigningCertificateInput = z.infer<typeof removeSigningCertificateSchema>;

export async function removeSigningCertificate(
  actor: UserActor,
  input: RemoveSigningCertificateInput,
): Promise<void> {
  assertAdministers(actor, "organization:configure");
  assertRecentStepUp(actor);
  // Parsed before the query: Prisma reads `id: undefined` as "any", which would remove whichever
  // certificate the organisation has uploaded.
  const parsed = removeSigningCertificateSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("NOT_FOUND", "signing.errorNotFound");
  const { certificateId } = parsed.data;
  await inTransaction(async (tx) => {
    const current = await tx.signingCertificate.findFirst({
      where: {
        id: certificateId,
        organizationId: actor.organizationId,
        activeSlot: activeSlotOf(actor.organizationId, "UPLOADED"),
      },
      select: { id: true, fingerprint: true, subject: true },
    });
    if (!current) throw new DomainError("NOT_FOUND", "signing.errorNotFound");
    await retireSigningCertificate(tx, current.id, new Date());
    await recordAuditEvent(tx, actor, {
      action: "signing_certificate.removed",
      target: { type: "signing_certificate", id: current.id },
      payload: { fingerprint: current.fingerprint, subject: current.subject },
    });
  });
}
