import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { serializeList } from "./product-json";
import { assertCanWriteVendors } from "./vendor-access";
import { assertVendorActive, findVendorForWrite, validationError } from "./vendor-lookup.server";
import { productFieldsSchema, type ProductFieldsInput } from "./vendor-schemas";

export type CreateProductInput = ProductFieldsInput & { vendorId: string };

/** Adds an (AI) product to a vendor of the actor's organisation. The vendor must not be archived. */
export async function createProduct({
  actor,
  input,
}: {
  actor: UserActor;
  input: CreateProductInput;
}) {
  assertCanWriteVendors(actor);
  const { vendorId, ...rest } = input;
  const parsed = productFieldsSchema.safeParse(rest);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const fields = parsed.data;
  return inTransaction(async (tx) => {
    const vendor = await findVendorForWrite(tx, actor, vendorId);
    assertVendorActive(vendor);
    const product = await tx.product.create({
      data: {
        organizationId: actor.organizationId,
        vendorId: vendor.id,
        name: fields.name,
        description: fields.description,
        foundationModel: fields.foundationModel,
        hostingRegions: serializeList(fields.hostingRegions),
        dataCategories: serializeList(fields.dataCategories),
      },
      select: { id: true, version: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "product.created",
      target: { type: "product", id: product.id },
      payload: {
        vendorId: vendor.id,
        name: fields.name,
        hostingRegions: fields.hostingRegions,
        dataCategories: fields.dataCategories,
      },
    });
    return product;
  });
}
