import { z } from "zod";
import type { UserActor } from "~/modules/auth/actor";
import { PASSWORD_MAX_LENGTH } from "~/modules/auth/password.server";
import { DomainError, statusForCode } from "~/utils/errors";
import type { Locale, LocalizedMessage, MessageKey } from "~/utils/i18n";
import { acceptInvitation } from "./accept-invitation.server";
import { signUpByInvitation } from "./sign-up-by-invitation.server";
import { viewInvitation, type InvitationPage } from "./view-invitation.server";
import type { Visitor } from "./visitor";

/**
 * The page's two forms: "join" (a signed-in invitee) and "signUp" (create an account); anything
 * else is read as "signUp", which answers a signed-in visitor by showing the page again.
 */
export const invitationIntentSchema = z.enum(["join", "signUp"]);
export type InvitationIntent = z.infer<typeof invitationIntentSchema>;

/** What the invitation page (/accept-invitation/:token) shows. */
export type InvitationPageData =
  | (InvitationPage & { signInPath: string; signedInAs: string | null })
  | { state: "unusable"; reason: MessageKey };

/** What a submission of the page returns when it stays on the page. */
export interface InvitationActionData {
  message?: MessageKey;
  params?: Record<string, string | number>;
  fieldErrors?: Record<string, LocalizedMessage>;
  name?: string;
  unusable?: MessageKey;
}

export type InvitationActionResult =
  | { redirectTo: string }
  | { status: number; body: InvitationActionData; headers?: Record<string, string> };

/** Sign in, then come back to this invitation (a fixed path of ours; the login checks it again). */
export function signInPathFor(token: string): string {
  return `/login?redirectTo=${encodeURIComponent(`/accept-invitation/${token}`)}&invitation=1`;
}

/**
 * The invitation as its visitor sees it. Reading changes nothing (mail scanners that open the
 * link cannot use it up). A link that does not work is a page with a reason and a 404/410
 * status, never an error.
 */
export async function getInvitationPage(
  visitor: Visitor,
  actor: UserActor | null,
  input: { token: string },
): Promise<{ status: number; body: InvitationPageData }> {
  try {
    const viewer = actor ? { userId: actor.userId, email: actor.email } : null;
    const page = await viewInvitation(visitor, input, viewer);
    const signInPath = signInPathFor(input.token);
    return { status: 200, body: { ...page, signInPath, signedInAs: actor?.email ?? null } };
  } catch (error) {
    if (error instanceof DomainError && (error.code === "NOT_FOUND" || error.code === "GONE")) {
      return { status: statusForCode(error.code), body: { state: "unusable", reason: error.key } };
    }
    throw error;
  }
}

const rateLimited = (seconds: number, name?: string): InvitationActionResult => ({
  status: 429,
  body: { message: "auth.rateLimited", params: { minutes: Math.ceil(seconds / 60) }, name },
  headers: { "Retry-After": String(seconds) },
});

/**
 * The page's two forms. "join" adds a signed-in invitee to the organisation; "create your
 * account" is for visitors who are not signed in and answers "sign in to continue" whether or not
 * the address already had an account (it never takes an existing account's password).
 */
export async function runInvitationAction(
  visitor: Visitor,
  actor: UserActor | null,
  input: { token: string; form: FormData; locale: () => Promise<Locale> },
): Promise<InvitationActionResult> {
  const { token, form } = input;
  const field = (name: string) =>
    typeof form.get(name) === "string" ? String(form.get(name)) : undefined;
  try {
    const intent = invitationIntentSchema.safeParse(field("intent"));
    if (intent.success && intent.data === "join") {
      if (!actor) return { redirectTo: signInPathFor(token) };
      await acceptInvitation(actor, { token });
      return { redirectTo: "/" };
    }
    // "Create your account" is for visitors who are not signed in; a signed-in one sees the page again.
    if (actor) return { redirectTo: `/accept-invitation/${encodeURIComponent(token)}` };
    const name = field("name")?.slice(0, 400);
    const password = field("password") ?? "";
    if (password.length > 1024) {
      const tooLong = {
        key: "auth.passwordTooLong",
        params: { max: PASSWORD_MAX_LENGTH },
      } as const;
      return { status: 400, body: { fieldErrors: { password: tooLong }, name } };
    }
    const locale = await input.locale();
    const outcome = await signUpByInvitation(visitor, { token, name, password, locale });
    if (outcome.kind === "rate_limited") return rateLimited(outcome.retryAfterSeconds, name);
    return { redirectTo: signInPathFor(token) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "NOT_FOUND" || error.code === "GONE") {
      return { status: statusForCode(error.code), body: { unusable: error.key } };
    }
    if (error.code === "RATE_LIMITED") {
      return rateLimited(Number(error.details?.retryAfterSeconds ?? 60));
    }
    const fields = (error.details?.fields ?? {}) as Record<string, LocalizedMessage>;
    return {
      status: statusForCode(error.code),
      body: {
        message: error.key,
        params: error.params,
        fieldErrors: fields,
        name: field("name")?.slice(0, 400),
      },
    };
  }
}
