import { createHmac } from "node:crypto";
import { db, type Tx } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import { isLocale, translate, type Locale } from "../../utils/i18n";
import { coarseIp } from "../../utils/request-context.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { enqueueMail } from "../mail/enqueue-mail.server";
import { loginSourceOf } from "./login-source.server";
import {
  clearRateLimit,
  consumeRateLimits,
  refundRateLimit,
  type RateLimitOutcome,
  type RateLimitRule,
} from "./rate-limit.server";

/**
 * Which limits a password attempt counts against (issue 11, item 6). A single per-account limit
 * let anyone lock any user out with five wrong passwords; now the tight limit is per account AND
 * source, and the owner's known places get their own budgets:
 *
 *   known device (device cookie of this account) → perKnownDevice only;
 *   otherwise → perSource (any account), perAccountAndSource, and — unless the source is a known
 *               network of the account — perAccount, the slower limit all unknown sources share.
 *
 * When perAccount trips, the account's organisations get `auth.login_throttled` in their audit
 * trail and the owner a mail in their language, once per window. Every attempt is counted before
 * the password is checked (rate-limit.server.ts); a correct password gives the attempt back.
 * Unknown e-mail addresses go through the same limits as known ones, so the limits reveal
 * nothing about which addresses have accounts.
 */
export const LOGIN_LIMITS = {
  /** All sign-in attempts from one IPv4 address or IPv6 /64, whatever the account. */
  perSource: { limit: 30, windowSeconds: 15 * 60 },
  /** One account from one source: the tight limit against guessing. */
  perAccountAndSource: { limit: 5, windowSeconds: 15 * 60 },
  /** One account from every source that is neither a known device nor a known network. */
  perAccount: { limit: 20, windowSeconds: 60 * 60 },
  /** One account from one of its known devices (a browser it signed in on before). */
  perKnownDevice: { limit: 10, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

/** A network counts as known for this long after the last completed sign-in from it. */
export const KNOWN_NETWORK_DAYS = 90;
const DAY_MS = 86_400_000;

function hmac(label: string, value: string, bytes = 16): string {
  return createHmac("sha256", getEnv().SESSION_SECRET)
    .update(`${label}:${value}`)
    .digest()
    .subarray(0, bytes)
    .toString("base64url");
}

/** Keys carry an HMAC of the e-mail address, not the address: the table holds no personal data in clear. */
function accountKeyPart(email: string): string {
  return hmac("login-account", email);
}

function networkHash(source: string): string {
  return hmac("login-network", source, 32);
}

export interface SignInAttempt {
  /** Normalised e-mail address as typed. */
  email: string;
  /** The account with that address, if there is one. */
  user: { id: string } | null;
  ip: string | null;
  /** The device id this browser holds for the account (login-devices.server.ts), if any. */
  deviceId: string | null;
}

export interface SignInAdmission {
  outcome: RateLimitOutcome;
  /** Call after a correct password: gives the attempt back and ends the tight window. */
  settleSuccess(): Promise<void>;
}

async function isKnownNetwork(userId: string, source: string, now: Date): Promise<boolean> {
  if (source === "unknown") return false;
  const row = await db().knownLoginNetwork.findUnique({
    where: { userId_networkHash: { userId, networkHash: networkHash(source) } },
    select: { lastSignInAt: true },
  });
  return Boolean(row && row.lastSignInAt.getTime() > now.getTime() - KNOWN_NETWORK_DAYS * DAY_MS);
}

/** Counts one password attempt against its limits, before the password is checked. */
export async function admitSignInAttempt(
  attempt: SignInAttempt,
  now = new Date(),
): Promise<SignInAdmission> {
  const account = accountKeyPart(attempt.email);
  if (attempt.user && attempt.deviceId) {
    const deviceKey = `login:device:${account}:${attempt.deviceId}`;
    const outcome = await consumeRateLimits([[deviceKey, LOGIN_LIMITS.perKnownDevice]], now);
    return { outcome, settleSuccess: () => clearRateLimit(deviceKey) };
  }
  const source = loginSourceOf(attempt.ip);
  const sourceKey = `login:source:${source}`;
  const pairKey = `login:account-source:${account}:${source}`;
  const accountKey = `login:account:${account}`;
  const knownNetwork = attempt.user ? await isKnownNetwork(attempt.user.id, source, now) : false;
  const entries: [string, RateLimitRule][] = [
    [sourceKey, LOGIN_LIMITS.perSource],
    [pairKey, LOGIN_LIMITS.perAccountAndSource],
    ...(knownNetwork ? [] : [[accountKey, LOGIN_LIMITS.perAccount] as [string, RateLimitRule]]),
  ];
  const outcome = await consumeRateLimits(entries, now);
  if (outcome.limited && outcome.refusedBy === accountKey && outcome.firstRefusal && attempt.user) {
    await alertLoginThrottled(attempt.user.id, attempt.ip);
  }
  return {
    outcome,
    async settleSuccess() {
      await refundRateLimit(sourceKey);
      if (!knownNetwork) await refundRateLimit(accountKey);
      await clearRateLimit(pairKey);
    },
  };
}

/**
 * Remembers the network of a completed sign-in (inside the transaction that opens the session)
 * and forgets the account's networks not used for KNOWN_NETWORK_DAYS.
 */
export async function rememberLoginNetwork(
  tx: Tx,
  userId: string,
  ip: string | null,
  now = new Date(),
): Promise<void> {
  const source = loginSourceOf(ip);
  if (source === "unknown") return;
  const key = { userId, networkHash: networkHash(source) };
  await tx.knownLoginNetwork.upsert({
    where: { userId_networkHash: key },
    create: { ...key, lastSignInAt: now },
    update: { lastSignInAt: now },
  });
  await tx.knownLoginNetwork.deleteMany({
    where: { userId, lastSignInAt: { lt: new Date(now.getTime() - KNOWN_NETWORK_DAYS * DAY_MS) } },
  });
}

/**
 * The account's overall limit tripped: someone is guessing its password from many places. One
 * audit event in each of the user's organisations and one mail to the owner, per window (the
 * caller only calls on the window's first refusal). The mail is not awaited: the refused
 * attempt's answer must not wait for (or reveal) a delivery to a real account.
 */
async function alertLoginThrottled(userId: string, ip: string | null): Promise<void> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      memberships: {
        where: { deactivatedAt: null },
        select: { organizationId: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!user) return;
  const payload = {
    windowMinutes: LOGIN_LIMITS.perAccount.windowSeconds / 60,
    limit: LOGIN_LIMITS.perAccount.limit,
    lastSource: coarseIp(ip),
  };
  const locale: Locale = isLocale(user.locale) ? user.locale : "en";
  const mail = {
    to: user.email,
    organizationId: user.memberships[0]?.organizationId ?? null,
    subject: translate(locale, "auth.throttledMailSubject"),
    text: translate(locale, "auth.throttledMailBody", {
      name: user.name || user.email,
      minutes: payload.windowMinutes,
      url: getEnv().APP_URL,
    }),
  };
  // The mail is queued with the first organisation's audit event (ADR 0028); its delivery is not
  // awaited.
  let mailQueued = false;
  for (const { organizationId } of user.memberships) {
    await inTransaction(async (tx) => {
      if (!mailQueued) await enqueueMail(tx, mail, { awaitDelivery: false });
      await recordAuditEvent(
        tx,
        { kind: "system", organizationId, label: "sign-in limits" },
        { action: "auth.login_throttled", target: { type: "user", id: user.id }, payload },
      );
    });
    mailQueued = true;
  }
  if (!mailQueued) await inTransaction((tx) => enqueueMail(tx, mail, { awaitDelivery: false }));
}
