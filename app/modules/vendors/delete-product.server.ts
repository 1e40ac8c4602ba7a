import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { assertCanWriteVendors } from "./vendor-access";
import { assertVendorActive, findProductForWrite } from "./vendor-lookup.server";

/**
 * Deletes a product. Refused (INVALID_STATE) when an assessment refers to it: the schema would
 * otherwise detach the assessment silently (onDelete: SetNull).
 */
export async function deleteProduct({
  actor,
  input,
}: {
  actor: UserActor;
  input: { vendorId?: string; productId: string };
}) {
  assertCanWriteVendors(actor);
  return inTransaction(async (tx) => {
    const product = await findProductForWrite(tx, actor, input);
    assertVendorActive(product.vendor);
    const assessmentCount = await tx.assessment.count({
      where: { organizationId: actor.organizationId, productId: product.id },
    });
    if (assessmentCount > 0) {
      throw new DomainError("INVALID_STATE", "errors.productHasAssessments", { assessmentCount });
    }
    await tx.product.deleteMany({ where: { id: product.id, organizationId: actor.organizationId } });
    await recordAuditEvent(tx, actor, {
      action: "product.deleted",
      target: { type: "product", id: product.id },
      payload: { vendorId: product.vendorId, name: product.name },
    });
    return { id: product.id, vendorId: product.vendorId };
  });
}
