import type { RateLimitRule } from "../auth/rate-limit.server";

/**
 * Limits of the public /verify upload (size: verify-limits.ts). The rate limit keeps the
 * anonymous page from being used to burn CPU (each check parses a PDF and a CMS).
 */
export const VERIFY_RATE_LIMIT: RateLimitRule = { limit: 30, windowSeconds: 5 * 60 };

export class UploadTooLargeError extends Error {}

/**
 * Passes the body through while counting; past `maxBytes` it fails. The request's own stream is
 * released, never cancelled: cancelling would destroy the socket and the 413 could not be sent.
 */
export function limitedBody(source: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let total = 0;
  const release = () => {
    try {
      reader.releaseLock();
    } catch {
      // already released
    }
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      total += value.byteLength;
      if (total > maxBytes) {
        release();
        controller.error(new UploadTooLargeError("body too large"));
        return;
      }
      controller.enqueue(value);
    },
    cancel: release,
  });
}
