/**
 * The password policy's numbers for client-side hints (minLength on inputs). The server's source
 * of truth is app/modules/auth/password.server.ts; password-limits.test.ts keeps the two equal.
 */
export const PASSWORD_MIN_LENGTH_CLIENT = 12;
export const PASSWORD_MAX_LENGTH_CLIENT = 256;
