import type { UserActor } from "../auth/actor";
import { assertCan } from "../../utils/permissions";

/**
 * Who may do what with vendors and products ("vendor:read", "vendor:edit" in the permission
 * table). Routes guard with requirePermission (403 before any work); use cases call these again,
 * so no caller can skip the check.
 */
export function assertCanWriteVendors(actor: UserActor): void {
  assertCan(actor, "vendor:edit", "errors.vendorWriteForbidden");
}

export function assertCanReadVendors(actor: UserActor): void {
  assertCan(actor, "vendor:read", "errors.vendorReadForbidden");
}
