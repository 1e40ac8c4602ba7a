import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import {
  assertAdministers,
  assertStepUpFor,
  findMembershipInOrganization,
  parseInput,
} from "./admin-access.server";
import { memberRefSchema, type MemberRefInput } from "./admin-schemas";

/** Gives a deactivated member access again, with the role they had. Needs a recent step-up. */
export async function reactivateMember(actor: UserActor, input: MemberRefInput): Promise<void> {
  assertAdministers(actor, "member:manage");
  assertStepUpFor(actor, { kind: "reactivate" });
  const { membershipId } = parseInput(memberRefSchema, input);
  await inTransaction(async (tx) => {
    const membership = await findMembershipInOrganization(tx, actor, membershipId);
    if (!membership.deactivatedAt)
      throw new DomainError("INVALID_STATE", "admin.errorNotDeactivated");
    await tx.membership.update({ where: { id: membership.id }, data: { deactivatedAt: null } });
    await recordAuditEvent(tx, actor, {
      action: "user.reactivated",
      target: { type: "user", id: membership.userId },
      payload: { membershipId: membership.id, email: membership.user.email, role: membership.role },
    });
  });
}
