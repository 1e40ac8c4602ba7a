import type { Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { UserActor } from "../auth/actor";

/**
 * Loads a vendor or product inside the actor's organisation. An id from another organisation
 * and an unknown id look the same: NOT_FOUND (404, never 403).
 */
export async function findVendorForWrite(tx: Tx, actor: UserActor, vendorId: string) {
  const vendor = await tx.vendor.findFirst({
    where: { id: vendorId, organizationId: actor.organizationId },
  });
  if (!vendor) throw new DomainError("NOT_FOUND", "errors.vendorNotFound");
  return vendor;
}

export async function findProductForWrite(
  tx: Tx,
  actor: UserActor,
  input: { vendorId?: string; productId: string },
) {
  const product = await tx.product.findFirst({
    where: {
      id: input.productId,
      organizationId: actor.organizationId,
      ...(input.vendorId !== undefined ? { vendorId: input.vendorId } : {}),
    },
    include: { vendor: { select: { id: true, archivedAt: true } } },
  });
  if (!product) throw new DomainError("NOT_FOUND", "errors.productNotFound");
  return product;
}

export function assertVendorActive(vendor: { archivedAt: Date | null }): void {
  if (vendor.archivedAt) {
    throw new DomainError("INVALID_STATE", "errors.vendorArchived");
  }
}

/** Names of the fields whose values differ (arrays compared by content). */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
  fields: readonly (keyof T)[],
): string[] {
  return fields
    .filter(
      (field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null),
    )
    .map(String);
}

export function validationError(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): DomainError {
  return new DomainError("VALIDATION", "errors.vendorInputInvalid", {
    issues: issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    })),
  });
}
