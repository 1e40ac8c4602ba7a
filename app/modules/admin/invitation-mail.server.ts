import type { OutgoingMail } from "../mail/send-mail.server";
import { formatDate, translate, type Locale } from "../../utils/i18n";
import type { Role } from "../auth/actor";

export interface InvitationMailInput {
  to: string;
  locale: Locale;
  inviteeName: string;
  inviterName: string;
  organizationName: string;
  role: Role;
  acceptUrl: string;
  expiresAt: Date;
}

/** The invitation e-mail in the language the admin chose for the invitee (plain text). */
export function composeInvitationMail(input: InvitationMailInput): OutgoingMail {
  const params = {
    name: input.inviteeName,
    inviter: input.inviterName,
    organization: input.organizationName,
    role: translate(input.locale, `common.role${input.role}`),
    link: input.acceptUrl,
    expires: formatDate(input.locale, input.expiresAt, true),
  };
  return {
    to: input.to,
    subject: translate(input.locale, "admin.inviteMailSubject", params),
    text: translate(input.locale, "admin.inviteMailBody", params),
  };
}

export function invitationAcceptUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/accept-invitation/${token}`;
}
