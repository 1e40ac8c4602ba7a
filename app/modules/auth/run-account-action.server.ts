import { z } from "zod";
import { getAccountOverview } from "~/modules/admin/get-account-overview.server";
import type { UserActor } from "~/modules/auth/actor";
import { runUseCase } from "~/utils/http.server";
import { isLocale, type LocalizedMessage, type MessageKey } from "~/utils/i18n";
import { languageCookie } from "~/utils/locale.server";
import { messageForIssue } from "~/utils/validation-messages";
import {
  changePassword,
  CURRENT_PASSWORD_MAX_CHARS,
  newPasswordSchema,
  setUserLocale,
} from "./account.server";
import { regenerateRecoveryCodes } from "./enrol-totp.server";
import { requireRecentMfa } from "./guards.server";
import { issueFeedToken } from "~/modules/regulations/feed/issue-feed-token.server";
import { revokeFeedToken } from "~/modules/regulations/feed/revoke-feed-token.server";
import { getEnv } from "~/utils/env.server";

/** The forms of the account page (/account). */
export const accountIntentSchema = z.enum([
  "changePassword",
  "regenerateCodes",
  "setLocale",
  "createFeedToken",
  "revokeFeedToken",
]);
export type AccountIntent = z.infer<typeof accountIntentSchema>;

/** What every submission that stays on the page returns. */
export interface AccountActionData {
  intent: AccountIntent | null;
  ok: boolean;
  message?: MessageKey;
  fieldErrors?: Record<string, LocalizedMessage>;
  recoveryCodes?: string[];
  /** The new secret feed addresses: in this answer only, never stored or shown again. */
  feedUrls?: { atom: string; json: string };
  /** Changes on each success so the password form starts empty again. */
  nonce?: number;
}
export type AccountActionResult =
  { status: number; body: AccountActionData } | { redirectTo: string; setCookie: string };

const ok = (body: AccountActionData, status = 200): AccountActionResult => ({ status, body });

/**
 * Dispatches one form of the account page to its use case. Regenerating recovery codes needs a
 * fresh second factor (a redirect to step-up is thrown); a saved language redirects with the
 * language cookie so the next page is already in it.
 */
export async function runAccountAction(
  request: Request,
  actor: UserActor,
  form: FormData,
): Promise<AccountActionResult> {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const intent = accountIntentSchema.safeParse(field("intent"));
  if (!intent.success) return ok({ intent: null, ok: false, message: "auth.unknownAction" }, 400);
  switch (intent.data) {
    case "changePassword": {
      const current = field("currentPassword");
      const next = field("newPassword");
      const errors: Record<string, LocalizedMessage> = {};
      if (!current || current.length > CURRENT_PASSWORD_MAX_CHARS)
        errors.currentPassword = { key: "auth.wrongCurrentPassword" };
      const policy = newPasswordSchema.safeParse(next);
      if (!policy.success)
        errors.newPassword = policy.error.issues[0]
          ? messageForIssue(policy.error.issues[0])
          : { key: "auth.passwordTooShort" };
      else if (next !== field("confirmPassword"))
        errors.confirmPassword = { key: "auth.passwordsDoNotMatch" };
      if (Object.keys(errors).length > 0) {
        return ok({ intent: "changePassword", ok: false, fieldErrors: errors }, 400);
      }
      const outcome = await runUseCase(() => changePassword(actor, current, next));
      if (!outcome.ok) {
        const rateLimited = outcome.error === "rateLimited";
        return ok(
          {
            intent: "changePassword",
            ok: false,
            fieldErrors: {
              currentPassword: {
                key: rateLimited ? "auth.passwordChangeRateLimited" : "auth.wrongCurrentPassword",
              },
            },
          },
          rateLimited ? 429 : 400,
        );
      }
      return ok({
        intent: "changePassword",
        ok: true,
        message: "auth.passwordChanged",
        nonce: Date.now(),
      });
    }
    case "regenerateCodes": {
      requireRecentMfa(request, actor);
      const account = await runUseCase(() => getAccountOverview(actor));
      if (!account.totpEnabledAt) {
        return ok(
          { intent: "regenerateCodes", ok: false, message: "auth.recoveryCodesNeedMfa" },
          409,
        );
      }
      const recoveryCodes = await regenerateRecoveryCodes(actor);
      return ok({ intent: "regenerateCodes", ok: true, recoveryCodes });
    }
    case "setLocale": {
      const locale = field("locale");
      if (!isLocale(locale)) {
        return ok(
          {
            intent: "setLocale",
            ok: false,
            fieldErrors: { locale: { key: "auth.languageInvalid" } },
          },
          400,
        );
      }
      await setUserLocale(actor, locale);
      return {
        redirectTo: "/account?saved=language",
        setCookie: await languageCookie().serialize(locale),
      };
    }
    case "createFeedToken": {
      const { secret } = await issueFeedToken(actor);
      const base = getEnv().APP_URL;
      const url = (format: string) => new URL(`/feeds/${secret}/changes.${format}`, base).href;
      return ok({
        intent: "createFeedToken",
        ok: true,
        feedUrls: { atom: url("atom"), json: url("json") },
      });
    }
    case "revokeFeedToken": {
      await revokeFeedToken(actor);
      return ok({
        intent: "revokeFeedToken",
        ok: true,
        message: "regulationChanges.feedCardRevoked",
      });
    }
  }
}
