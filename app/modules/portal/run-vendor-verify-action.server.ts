import { vendorDeviceCookie } from "~/modules/auth/cookies.server";
import { resendVendorCode, verifyVendorCode } from "./vendor-devices-code.server";

/** What the code page shows after a submit; the message is a key under `access.`. */
export type VerifyActionData = {
  message:
    "codeInvalid" | "codeExpired" | "codeMalformed" | "resendTooSoon" | "rateLimited" | "resent";
  attempts?: number;
  seconds?: number;
  minutes?: number;
};
export type VerifyActionResult =
  | { redirectTo: string; headers?: Record<string, string> }
  | { status: number; body: VerifyActionData };

/**
 * The code page's two forms: `resend` mails a new code, anything else checks the typed code.
 * A wrong, expired or malformed code and a rate limit stay on the page with their message; a
 * right code (with the remembered-browser cookie), a verified or an ended session move on.
 */
export async function runVendorVerifyAction(input: {
  token: unknown;
  ip: string | null;
  form: FormData;
}): Promise<VerifyActionResult> {
  const { token, ip, form } = input;
  if (form.get("intent") === "resend") {
    const sent = await resendVendorCode(token, ip);
    switch (sent.kind) {
      case "no_session":
        return { redirectTo: "/portal/ended" };
      case "already_verified":
        return { redirectTo: "/portal" };
      case "too_soon":
        return { status: 429, body: { message: "resendTooSoon", seconds: sent.retryAfterSeconds } };
      case "rate_limited": {
        const minutes = Math.ceil(sent.retryAfterSeconds / 60);
        return { status: 429, body: { message: "rateLimited", minutes } };
      }
      case "sent":
        return { status: 200, body: { message: "resent" } };
    }
  }
  const code = form.get("code");
  const result = await verifyVendorCode(
    token,
    typeof code === "string" ? code.slice(0, 20) : "",
    ip,
  );
  switch (result.kind) {
    case "ok": {
      // The device cookie (Path=/invite) lets the next "Continue" from this browser skip the code.
      const cookie = await vendorDeviceCookie().serialize(result.deviceToken);
      return { redirectTo: "/portal", headers: { "Set-Cookie": cookie } };
    }
    case "already_verified":
      return { redirectTo: "/portal" };
    case "no_session":
      return { redirectTo: "/portal/ended" };
    case "dead":
      return { redirectTo: "/portal/ended?reason=attempts" };
    case "malformed":
      return { status: 400, body: { message: "codeMalformed" } };
    case "expired":
      return { status: 400, body: { message: "codeExpired" } };
    case "invalid":
      return { status: 400, body: { message: "codeInvalid", attempts: result.attemptsLeft } };
    case "rate_limited": {
      const minutes = Math.ceil(result.retryAfterSeconds / 60);
      return { status: 429, body: { message: "rateLimited", minutes } };
    }
  }
}
