import type { LocalizedMessage, MessageKey, MessageParams } from "./i18n";

/**
 * Domain errors carry a code from a closed set (`statusForCode` is the one place that maps codes
 * to HTTP statuses) and a message key with parameters, translated where the error is shown: a
 * use case does not know the reader's language. Only existing keys compile.
 */
export const ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "VALIDATION",
  "CONFLICT",
  "INVALID_STATE",
  "RATE_LIMITED",
  "GONE",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const STATUS: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  VALIDATION: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  GONE: 410,
};

/** Machine-readable facts for the caller (`reason`, `currentVersion` …); `params` fill the message. */
export type DomainErrorDetails = Record<string, unknown> & { params?: MessageParams };

export class DomainError extends Error {
  readonly params: MessageParams | undefined;

  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly details?: DomainErrorDetails,
  ) {
    // The key doubles as the technical message in logs and stack traces: it names the case
    // without choosing a language.
    super(key);
    this.name = "DomainError";
    this.params = details?.params;
  }

  /** What the user reads, once translated in the request's language. */
  get userMessage(): LocalizedMessage {
    return this.params ? { key: this.key, params: this.params } : { key: this.key };
  }
}

export function statusForCode(code: ErrorCode): number {
  return STATUS[code];
}

export function notFound(key: MessageKey = "errors.notFound"): DomainError {
  return new DomainError("NOT_FOUND", key);
}
