import { DomainError } from "../../utils/errors";
import type { Role, UserActor } from "../auth/actor";

/**
 * Who may do what with vendors and products. Everyone in the organisation reads; admins and
 * assessors write. Routes use VENDOR_WRITE_ROLES with requireRole (403 before any work); use
 * cases call assertCanWriteVendors again, so no caller can skip the check.
 */
export const VENDOR_WRITE_ROLES = ["ADMIN", "ASSESSOR"] as const satisfies readonly Role[];
export const VENDOR_READ_ROLES = ["ADMIN", "ASSESSOR", "DPO", "AUDITOR"] as const satisfies readonly Role[];

export function canWriteVendors(role: Role): boolean {
  return (VENDOR_WRITE_ROLES as readonly Role[]).includes(role);
}

export function assertCanWriteVendors(actor: UserActor): void {
  if (!canWriteVendors(actor.role)) {
    throw new DomainError("FORBIDDEN", "errors.vendorWriteForbidden");
  }
}

export function assertCanReadVendors(actor: UserActor): void {
  if (!(VENDOR_READ_ROLES as readonly Role[]).includes(actor.role)) {
    throw new DomainError("FORBIDDEN", "errors.vendorReadForbidden");
  }
}
