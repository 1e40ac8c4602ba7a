import { createHmac } from "node:crypto";
import { constantTimeEqual } from "../../utils/crypto.server";
import { getEnv } from "../../utils/env.server";

/**
 * The "send me a new link" address in mails to vendor contacts (ADR 0042). Invite tokens are
 * stored hashed, so a later mail cannot carry the contact's link; it carries this reference
 * instead: the invite link's id and an HMAC of it (SESSION_SECRET), so nobody can make one for a
 * link they only guessed. It signs nobody in: it only lets whoever holds the mail ask for a new
 * link, which is sent to the contact address on file.
 */
function macOf(inviteId: string): string {
  return createHmac("sha256", getEnv().SESSION_SECRET)
    .update(`invite-new-link:${inviteId}`)
    .digest("base64url")
    .slice(0, 32);
}

export function newLinkRef(inviteId: string): string {
  return `${inviteId}.${macOf(inviteId)}`;
}

export function newLinkUrl(inviteId: string): string {
  return `${getEnv().APP_URL}/portal/new-link/${newLinkRef(inviteId)}`;
}

/** The invite link's id, or null for anything not made by newLinkRef. */
export function inviteIdOfNewLinkRef(ref: string): string | null {
  const match = /^([a-z0-9]{20,40})\.([A-Za-z0-9_-]{32})$/.exec(ref);
  if (!match) return null;
  const [, inviteId, mac] = match;
  return inviteId && mac && constantTimeEqual(mac, macOf(inviteId)) ? inviteId : null;
}
