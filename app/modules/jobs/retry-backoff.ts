/**
 * When a failed job runs again: exponential back-off (base · 2^(attempt-1), capped) with "full
 * jitter" in its upper half, so jobs that failed together (the mail server was down) do not all
 * come back in the same second. Pure: the random number comes in as an argument.
 */
export const RETRY_BASE_MS = 15_000;
export const RETRY_CAP_MS = 60 * 60_000;

export function retryDelayMs(attempt: number, random: number): number {
  const exponential = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  const unit = Math.min(1, Math.max(0, random));
  return Math.round(exponential / 2 + (exponential / 2) * unit);
}
