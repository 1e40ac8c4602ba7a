import { exchangeInviteToken } from "../../app/modules/portal/invite-links.server";
import { sha256Hex } from "../../app/utils/crypto.server";
import { db } from "../../app/utils/db.server";
import type { SmtpCatcher } from "./smtp-catcher";

/**
 * Vendor sessions for tests. A new browser must confirm an e-mailed 6-digit code before the
 * portal shows anything (requireVendorSession); tests of other portal features start from a
 * verified session instead of repeating the code step.
 */

/** The code of the newest confirmation-code mail to `email` (waits for one to arrive). */
export async function codeFromMail(smtp: SmtpCatcher, email: string): Promise<string> {
  const isCodeMail = (m: { to: string[]; text: string }) =>
    m.to.includes(email.toLowerCase()) && /^\s{4}\d{6}$/m.test(m.text);
  await smtp.waitFor(isCodeMail);
  const mail = smtp.messages.filter(isCodeMail).at(-1)!;
  return /^\s{4}(\d{6})$/m.exec(mail.text)![1]!;
}

/**
 * Exchanges an invite token as the Continue button does and marks the session verified, as if
 * the contact had entered the code (set-up only: the code step has its own tests).
 */
export async function verifiedSession(token: string, ip = "203.0.113.9", userAgent = "test") {
  const result = await exchangeInviteToken(token, ip, userAgent);
  if (result.kind !== "ok") throw new Error(`exchange failed: ${result.kind}`);
  await db().vendorSession.update({
    where: { id: sha256Hex(result.sessionToken) },
    data: { verifiedAt: new Date(), codeHash: null, codeExpiresAt: null },
  });
  return result.sessionToken;
}
