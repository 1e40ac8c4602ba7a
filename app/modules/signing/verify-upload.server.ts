import type { RateLimitRule } from "../auth/rate-limit.server";

/**
 * Limits of the public /verify upload (size: verify-limits.ts). The rate limit keeps the
 * anonymous page from being used to burn CPU (each check parses a PDF and a CMS).
 */
export const VERIFY_RATE_LIMIT: RateLimitRule = { limit: 30, windowSeconds: 5 * 60 };
