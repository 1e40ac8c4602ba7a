import { z } from "zod";
import type { UserActor } from "~/modules/auth/actor";
import { DomainError, statusForCode } from "~/utils/errors";
import { fieldErrors, notFoundResponse } from "~/utils/http.server";
import type { LocalizedMessage, MessageKey } from "~/utils/i18n";
import { accessChangeNeedsStepUp } from "./admin-access.server";
import {
  changeMemberRoleSchema,
  invitationRefSchema,
  inviteUserSchema,
  memberRefSchema,
} from "./admin-schemas";
import { changeMemberRole } from "./change-member-role.server";
import { deactivateMember } from "./deactivate-member.server";
import { inviteUser } from "./invite-user.server";
import { reactivateMember } from "./reactivate-member.server";
import { revokeInvitation } from "./revoke-invitation.server";

/** The forms of the members page (/admin/users). */
export const memberAdminIntentSchema = z.enum([
  "invite",
  "revoke",
  "changeRole",
  "deactivate",
  "reactivate",
]);
export type MemberAdminIntent = z.infer<typeof memberAdminIntentSchema>;

/** What every submission returns: a message key for the page, field errors, what was typed. */
export interface MemberAdminActionData {
  intent: MemberAdminIntent | null;
  ok: boolean;
  message: MessageKey;
  params?: Record<string, string | number>;
  fieldErrors?: Record<string, LocalizedMessage>;
  values?: Record<string, string>;
  /** The membership or invitation the message is about (shown beside its row). */
  subjectId?: string;
  /** Changes on each success so the invite form starts empty again. */
  nonce?: number;
}
export type MemberAdminActionResult = { status: number; body: MemberAdminActionData };

/** The posted intent, or null when it is none of the page's forms. */
export function readMemberAdminIntent(form: FormData): MemberAdminIntent | null {
  const parsed = memberAdminIntentSchema.safeParse(form.get("intent"));
  return parsed.success ? parsed.data : null;
}

/**
 * Changes to existing members need a fresh second factor (the route redirects to step-up).
 * Invitations into a privileged role need one too, but their use case refuses instead, so the
 * invite form keeps what was typed.
 */
export function memberAdminNeedsStepUp(intent: MemberAdminIntent): boolean {
  return intent !== "invite" && intent !== "revoke" && accessChangeNeedsStepUp({ kind: intent });
}

/**
 * Dispatches one form of the members page to its use case. A malformed or foreign id is a 404
 * Response (thrown); a refused change comes back as a message with its HTTP status.
 */
export async function runMemberAdminAction(
  actor: UserActor,
  input: { intent: MemberAdminIntent; form: FormData },
): Promise<MemberAdminActionResult> {
  const { intent, form } = input;
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const result = (
    body: Omit<MemberAdminActionData, "intent">,
    status = 200,
  ): MemberAdminActionResult => ({ status, body: { intent, ...body } });
  const subjectId = field("membershipId") || field("invitationId") || undefined;
  try {
    switch (intent) {
      case "invite": {
        const values = {
          email: field("email"),
          name: field("name"),
          role: field("role"),
          locale: field("locale"),
        };
        const parsed = inviteUserSchema.safeParse(values);
        if (!parsed.success)
          return result(
            {
              ok: false,
              message: "admin.errorInvalidInput",
              fieldErrors: fieldErrors(parsed.error.issues),
              values,
            },
            400,
          );
        try {
          const invited = await inviteUser(actor, parsed.data);
          return result({
            ok: true,
            message: invited.mailSent ? "admin.invitationSent" : "admin.invitationMailFailed",
            params: { email: invited.email },
            nonce: Date.now(),
          });
        } catch (error) {
          if (error instanceof DomainError && error.code === "CONFLICT") {
            return result(
              {
                ok: false,
                message: error.key,
                params: error.params,
                fieldErrors: { email: error.userMessage },
                values,
              },
              409,
            );
          }
          if (error instanceof DomainError && error.code === "FORBIDDEN")
            return result({ ok: false, message: error.key, params: error.params, values }, 403);
          throw error;
        }
      }
      case "revoke": {
        const parsed = invitationRefSchema.safeParse({ invitationId: field("invitationId") });
        if (!parsed.success) throw notFoundResponse();
        await revokeInvitation(actor, parsed.data);
        return result({ ok: true, message: "admin.invitationRevokedDone", subjectId });
      }
      case "changeRole": {
        const parsed = changeMemberRoleSchema.safeParse({
          membershipId: field("membershipId"),
          role: field("role"),
        });
        if (!parsed.success)
          return result({ ok: false, message: "admin.errorRoleInvalid", subjectId }, 400);
        const changed = await changeMemberRole(actor, parsed.data);
        return result({
          ok: true,
          message: changed.changed ? "admin.roleChanged" : "admin.roleUnchanged",
          subjectId,
        });
      }
      case "deactivate": {
        const parsed = memberRefSchema.safeParse({ membershipId: field("membershipId") });
        if (!parsed.success) throw notFoundResponse();
        const done = await deactivateMember(actor, parsed.data);
        return result({
          ok: true,
          message: "admin.memberDeactivated",
          params: { count: done.revokedSessions },
          subjectId,
        });
      }
      case "reactivate": {
        const parsed = memberRefSchema.safeParse({ membershipId: field("membershipId") });
        if (!parsed.success) throw notFoundResponse();
        await reactivateMember(actor, parsed.data);
        return result({ ok: true, message: "admin.memberReactivated", subjectId });
      }
    }
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === "NOT_FOUND") throw notFoundResponse();
      return result(
        { ok: false, message: error.key, params: error.params, subjectId },
        statusForCode(error.code),
      );
    }
    throw error;
  }
}
