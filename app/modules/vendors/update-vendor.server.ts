import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { assertCanWriteVendors } from "./vendor-access";
import {
  assertVendorActive,
  changedFields,
  findVendorForWrite,
  validationError,
} from "./vendor-lookup.server";
import { VENDOR_FIELDS } from "./vendor-fields";
import { vendorUpdateSchema, type VendorFieldsInput } from "./vendor-schemas";
import { foldForSearch } from "./search-text";
import { parseStoredTags } from "./vendor-tags";

export type UpdateVendorInput = VendorFieldsInput & { vendorId: string; version: number | string };

/**
 * Changes a vendor's details with optimistic concurrency: `version` is the version the editor
 * loaded. If the row changed since (another user saved, archived, …), nothing is written and a
 * CONFLICT error carries the current version; the page then shows the current values.
 * Saving identical values writes nothing and records no event. Like every field, `tags` is
 * replaced: leaving it out removes the vendor's tags. The event names the changed fields, and
 * the tags before and after when they changed.
 */
export async function updateVendor({
  actor,
  input,
}: {
  actor: UserActor;
  input: UpdateVendorInput;
}) {
  assertCanWriteVendors(actor);
  const { vendorId, ...rest } = input;
  const parsed = vendorUpdateSchema.safeParse(rest);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { version, ...fields } = parsed.data;

  return inTransaction(async (tx) => {
    const current = await findVendorForWrite(tx, actor, vendorId);
    if (current.version !== version) throw staleVersion(current.version);
    assertVendorActive(current);
    const before = { ...current, tags: parseStoredTags(current.tags) };
    const changed = changedFields(before, { ...before, ...fields }, VENDOR_FIELDS);
    if (changed.length === 0) return { id: current.id, version: current.version, changed };

    // The version in the WHERE clause closes the gap between the read above and this write.
    const result = await tx.vendor.updateMany({
      where: { id: current.id, organizationId: actor.organizationId, version },
      data: {
        ...fields,
        tags: JSON.stringify(fields.tags),
        searchName: foldForSearch(fields.name),
        version: { increment: 1 },
      },
    });
    if (result.count !== 1) throw staleVersion(null);
    await recordAuditEvent(tx, actor, {
      action: "vendor.updated",
      target: { type: "vendor", id: current.id },
      payload: {
        changed,
        fromVersion: version,
        toVersion: version + 1,
        ...(changed.includes("tags") ? { tags: { from: before.tags, to: fields.tags } } : {}),
      },
    });
    return { id: current.id, version: version + 1, changed };
  });
}

function staleVersion(currentVersion: number | null): DomainError {
  return new DomainError("CONFLICT", "errors.vendorChanged", { currentVersion });
}
