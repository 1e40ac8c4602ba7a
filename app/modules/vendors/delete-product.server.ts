import { z } from "zod";
import { entityIdInput, requireEntityId } from "../../utils/entity-id";
import { DomainError } from "../../utils/errors";
import { parseUseCaseInput } from "../../utils/validation-messages";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { assertCanWriteVendors } from "./vendor-access";
import { assertVendorActive, findProductForWrite } from "./vendor-lookup.server";

/**
 * Deletes a product. Refused (INVALID_STATE) when an assessment refers to it: the schema would
 * otherwise detach the assessment silently (onDelete: SetNull).
 */
export const deleteProductInputSchema = z.object({
  vendorId: entityIdInput.optional(),
  productId: entityIdInput,
});
export type DeleteProductInput = z.infer<typeof deleteProductInputSchema>;

export async function deleteProduct({
  actor,
  input: rawInput,
}: {
  actor: UserActor;
  input: DeleteProductInput;
}) {
  assertCanWriteVendors(actor);
  const parsed = parseUseCaseInput(deleteProductInputSchema, rawInput);
  // Ids are checked before any query: Prisma reads `id: undefined` as "any row".
  const input = {
    productId: requireEntityId(parsed.productId, "Product"),
    ...(parsed.vendorId === undefined
      ? {}
      : { vendorId: requireEntityId(parsed.vendorId, "Vendor") }),
  };
  return inTransaction(async (tx) => {
    const product = await findProductForWrite(tx, actor, input);
    assertVendorActive(product.vendor);
    const assessmentCount = await tx.assessment.count({
      where: { organizationId: actor.organizationId, productId: product.id },
    });
    if (assessmentCount > 0) {
      throw new DomainError("INVALID_STATE", "errors.productHasAssessments", { assessmentCount });
    }
    await tx.product.deleteMany({
      where: { id: product.id, organizationId: actor.organizationId },
    });
    await recordAuditEvent(tx, actor, {
      action: "product.deleted",
      target: { type: "product", id: product.id },
      payload: { vendorId: product.vendorId, name: product.name },
    });
    return { id: product.id, vendorId: product.vendorId };
  });
}
