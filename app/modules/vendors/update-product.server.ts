import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { parseDataCategories, parseHostingRegions, serializeList } from "./product-json";
import { assertCanWriteVendors } from "./vendor-access";
import {
  assertVendorActive,
  changedFields,
  findProductForWrite,
  validationError,
} from "./vendor-lookup.server";
import { PRODUCT_FIELDS } from "./vendor-fields";
import { productUpdateSchema, type ProductFieldsInput } from "./vendor-schemas";

/** `vendorId`, when given, must be the product's vendor (the page's URL); otherwise NOT_FOUND. */
export type UpdateProductInput = ProductFieldsInput & {
  vendorId?: string;
  productId: string;
  version: number | string;
};

/**
 * Changes a product with optimistic concurrency (see updateVendor): a stale `version` writes
 * nothing and fails with CONFLICT carrying the current version.
 */
export async function updateProduct({
  actor,
  input,
}: {
  actor: UserActor;
  input: UpdateProductInput;
}) {
  assertCanWriteVendors(actor);
  const { vendorId, productId, ...rest } = input;
  const parsed = productUpdateSchema.safeParse(rest);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { version, ...fields } = parsed.data;

  return inTransaction(async (tx) => {
    const current = await findProductForWrite(tx, actor, { vendorId, productId });
    if (current.version !== version) throw staleVersion(current.version);
    assertVendorActive(current.vendor);
    const before = {
      name: current.name,
      description: current.description,
      foundationModel: current.foundationModel,
      hostingRegions: parseHostingRegions(current.hostingRegions),
      dataCategories: parseDataCategories(current.dataCategories),
    };
    const changed = changedFields<Record<string, unknown>>(before, fields, PRODUCT_FIELDS);
    if (changed.length === 0) return { id: current.id, version: current.version, changed };

    const result = await tx.product.updateMany({
      where: { id: current.id, organizationId: actor.organizationId, version },
      data: {
        name: fields.name,
        description: fields.description,
        foundationModel: fields.foundationModel,
        hostingRegions: serializeList(fields.hostingRegions),
        dataCategories: serializeList(fields.dataCategories),
        version: { increment: 1 },
      },
    });
    if (result.count !== 1) throw staleVersion(null);
    await recordAuditEvent(tx, actor, {
      action: "product.updated",
      target: { type: "product", id: current.id },
      payload: {
        vendorId: current.vendorId,
        changed,
        fromVersion: version,
        toVersion: version + 1,
      },
    });
    return { id: current.id, version: version + 1, changed };
  });
}

function staleVersion(currentVersion: number | null): DomainError {
  return new DomainError("CONFLICT", "errors.productChanged", { currentVersion });
}
