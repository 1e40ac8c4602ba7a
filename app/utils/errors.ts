/**
 * Domain errors carry a code from a closed set; `statusForCode` is the one place that maps
 * codes to HTTP statuses. Messages are i18n keys or short English for logs, never stack traces.
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

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function statusForCode(code: ErrorCode): number {
  return STATUS[code];
}

export function notFound(what = "Not found"): DomainError {
  return new DomainError("NOT_FOUND", what);
}
