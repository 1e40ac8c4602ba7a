import { z } from "zod";
import { PASSWORD_MAX_LENGTH_CLIENT } from "./password-limits";
import { ROLES } from "../auth/actor";
import { displayNameSchema } from "../../utils/display-name-schema";
import { LOCALES } from "../../utils/i18n";

/**
 * Form schemas for user administration, shared by routes (server and client) and use cases.
 * Messages are i18n keys in the `admin` / `auth` namespaces; routes translate them. No writes and
 * no side effects in here (ARCHITECTURE rule 5).
 */
export const EMAIL_MAX_LENGTH = 320;
export const PERSON_NAME_MAX_LENGTH = 200;

export const emailSchema = z
  .string({ message: "admin.errorEmailInvalid" })
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX_LENGTH, { message: "admin.errorEmailInvalid" })
  // Unicode local parts and domains (jürgen@müller.de) are valid addresses (SMTPUTF8).
  .pipe(z.email({ pattern: z.regexes.unicodeEmail, message: "admin.errorEmailInvalid" }));

/** Cleaned like every user-supplied name: line breaks, controls, bidi and invisible characters cannot reach a mail or a page. */
export const personNameSchema = displayNameSchema({
  max: PERSON_NAME_MAX_LENGTH,
  required: "admin.errorNameRequired",
  tooLong: "admin.errorNameTooLong",
});

export const roleSchema = z.enum(ROLES, { message: "admin.errorRoleInvalid" });

export const inviteUserSchema = z.object({
  email: emailSchema,
  name: personNameSchema,
  role: roleSchema,
  locale: z.enum(LOCALES, { message: "admin.errorLocaleInvalid" }),
});
export type InviteUserInput = z.input<typeof inviteUserSchema>;

export const membershipIdSchema = z.string().trim().min(1).max(64);

export const changeMemberRoleSchema = z.object({
  membershipId: membershipIdSchema,
  role: roleSchema,
});
export type ChangeMemberRoleInput = z.input<typeof changeMemberRoleSchema>;

export const memberRefSchema = z.object({ membershipId: membershipIdSchema });
export type MemberRefInput = z.input<typeof memberRefSchema>;

export const invitationRefSchema = z.object({ invitationId: z.string().trim().min(1).max(64) });
export type InvitationRefInput = z.input<typeof invitationRefSchema>;

/** Invitation tokens are 32 random bytes, base64url without padding. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Checked against invitationTokenSchema by the lookup, so a bad token reads as "not found". */
const invitationTokenInput = z.string();

/** Creating an account on the invitation page (the page never takes an existing account's password). */
export const signUpByInvitationSchema = z.object({
  token: invitationTokenInput,
  name: z
    .string()
    .max(PERSON_NAME_MAX_LENGTH * 2)
    .optional(),
  password: z.string().max(PASSWORD_MAX_LENGTH_CLIENT * 4),
  locale: z.enum(LOCALES).optional(),
});
export type SignUpByInvitationInput = z.input<typeof signUpByInvitationSchema>;

/** Accepting while signed in as the invited address. */
export const acceptInvitationSchema = z.object({ token: invitationTokenInput });
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

export const organizationSettingsSchema = z.object({ requireMfaForAll: z.boolean() });
export type OrganizationSettingsInput = z.input<typeof organizationSettingsSchema>;
