import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { assertCanWriteVendors } from "./vendor-access";
import { findVendorForWrite } from "./vendor-lookup.server";

type Input = { vendorId: string };

/**
 * Archiving hides a vendor from the default list and makes it read-only; its products and
 * assessments stay. Restoring (unarchive) undoes it. Both bump the version, so an edit form
 * opened before gets a conflict instead of silently writing. Repeating either is a no-op
 * (`changed: false`, no event): a double-submitted form does no harm.
 */
export function archiveVendor({ actor, input }: { actor: UserActor; input: Input }) {
  return setArchived(actor, input.vendorId, true);
}

export function unarchiveVendor({ actor, input }: { actor: UserActor; input: Input }) {
  return setArchived(actor, input.vendorId, false);
}

async function setArchived(actor: UserActor, vendorId: string, archive: boolean) {
  assertCanWriteVendors(actor);
  return inTransaction(async (tx) => {
    const vendor = await findVendorForWrite(tx, actor, vendorId);
    if (Boolean(vendor.archivedAt) === archive)
      return { id: vendor.id, version: vendor.version, changed: false };
    const archivedAt = archive ? new Date() : null;
    await tx.vendor.update({
      where: { id: vendor.id },
      data: { archivedAt, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, actor, {
      action: archive ? "vendor.archived" : "vendor.unarchived",
      target: { type: "vendor", id: vendor.id },
      payload: { name: vendor.name },
    });
    return { id: vendor.id, version: vendor.version + 1, changed: true };
  });
}
