import { z } from "zod";
import { entityIdInput, requireEntityId } from "../../utils/entity-id";
import { DomainError } from "../../utils/errors";
import { parseUseCaseInput } from "../../utils/validation-messages";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { assertCanWriteVendors } from "./vendor-access";
import { findVendorForWrite } from "./vendor-lookup.server";

/**
 * Deletes a vendor and its products for good. Refused (INVALID_STATE) once any assessment
 * refers to the vendor: assessments are evidence and must keep their vendor; archive instead.
 */
export const deleteVendorInputSchema = z.object({ vendorId: entityIdInput });
export type DeleteVendorInput = z.infer<typeof deleteVendorInputSchema>;

export async function deleteVendor({
  actor,
  input: rawInput,
}: {
  actor: UserActor;
  input: DeleteVendorInput;
}) {
  assertCanWriteVendors(actor);
  // A missing id must never reach the query: Prisma reads `id: undefined` as "any vendor".
  const vendorId = requireEntityId(
    parseUseCaseInput(deleteVendorInputSchema, rawInput).vendorId,
    "Vendor",
  );
  return inTransaction(async (tx) => {
    const vendor = await findVendorForWrite(tx, actor, vendorId);
    const assessmentCount = await tx.assessment.count({
      where: { organizationId: actor.organizationId, vendorId: vendor.id },
    });
    if (assessmentCount > 0) {
      throw new DomainError("INVALID_STATE", "errors.vendorHasAssessments", {
        assessmentCount,
      });
    }
    const products = await tx.product.findMany({
      where: { organizationId: actor.organizationId, vendorId: vendor.id },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    await tx.product.deleteMany({
      where: { organizationId: actor.organizationId, vendorId: vendor.id },
    });
    await tx.vendor.deleteMany({ where: { id: vendor.id, organizationId: actor.organizationId } });
    await recordAuditEvent(tx, actor, {
      action: "vendor.deleted",
      target: { type: "vendor", id: vendor.id },
      payload: { name: vendor.name, productIds: products.map((p) => p.id) },
    });
    return { id: vendor.id };
  });
}
