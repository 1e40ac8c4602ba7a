import { sha256Hex } from "../../../utils/crypto.server";
import { db } from "../../../utils/db.server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../../../utils/i18n";

/** The reader behind a feed secret: the organisation it reads for and the user's language. */
export interface FeedReader {
  tokenId: string;
  organizationId: string;
  organizationName: string;
  locale: Locale;
}

/** 32 random bytes in base64url: 43 characters. Anything else is not looked up at all. */
const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;
/** lastUsedAt is an access log, not a counter: one write per hour per token is enough. */
const LAST_USED_RESOLUTION_MS = 3_600_000;

/**
 * The reader of a secret feed address, or null — for an unknown or revoked secret, and for a user
 * who is no longer an active member of the token's organisation (deactivated or removed): every
 * such case is the same 404 to the caller, so the answer tells a guesser nothing.
 */
export async function resolveFeedToken(
  secret: string,
  now = new Date(),
): Promise<FeedReader | null> {
  if (!SECRET_SHAPE.test(secret)) return null;
  const token = await db().feedToken.findUnique({
    where: { tokenHash: sha256Hex(secret) },
    select: {
      id: true,
      userId: true,
      organizationId: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { locale: true } },
      organization: { select: { name: true } },
    },
  });
  if (!token || token.revokedAt) return null;
  const membership = await db().membership.findFirst({
    where: { userId: token.userId, organizationId: token.organizationId, deactivatedAt: null },
    select: { id: true },
  });
  if (!membership) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)
    await db().feedToken.updateMany({ where: { id: token.id }, data: { lastUsedAt: now } });
  return {
    tokenId: token.id,
    organizationId: token.organizationId,
    organizationName: token.organization.name,
    locale: isLocale(token.user.locale) ? token.user.locale : DEFAULT_LOCALE,
  };
}
