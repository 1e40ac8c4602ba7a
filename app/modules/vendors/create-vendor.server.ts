import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { assertCanWriteVendors } from "./vendor-access";
import { validationError } from "./vendor-lookup.server";
import { vendorFieldsSchema, type VendorFieldsInput } from "./vendor-schemas";
import { foldForSearch } from "./search-text";

/** Registers a vendor in the actor's organisation. */
export async function createVendor({
  actor,
  input,
}: {
  actor: UserActor;
  input: VendorFieldsInput;
}) {
  assertCanWriteVendors(actor);
  const parsed = vendorFieldsSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const fields = parsed.data;
  return inTransaction(async (tx) => {
    const vendor = await tx.vendor.create({
      // A new vendor has no assessment yet: its portfolio facts are complete once searchName is set.
      data: {
        organizationId: actor.organizationId,
        ...fields,
        tags: JSON.stringify(fields.tags),
        searchName: foldForSearch(fields.name),
        portfolioSyncedAt: new Date(),
      },
      select: { id: true, version: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "vendor.created",
      target: { type: "vendor", id: vendor.id },
      payload: {
        name: fields.name,
        criticality: fields.criticality,
        country: fields.country,
        tags: fields.tags,
      },
    });
    return vendor;
  });
}
