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
export async function removeSigningCertificate(actor: UserActor, input: { certificateId: string }): Promise<void> {
  assertAdministers(actor, "organization:configure");
  assertRecentStepUp(actor);
  await inTransaction(async (tx) => {
    const current = await tx.signingCertificate.findFirst({
      where: { id: input.certificateId, organizationId: actor.organizationId, activeSlot: activeSlotOf(actor.organizationId, "UPLOADED") },
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
