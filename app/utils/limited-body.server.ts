/** Thrown (into the stream) when an upload body is larger than allowed. */
export class BodyTooLargeError extends Error {}

/**
 * Passes a request body through while counting; past `maxBytes` it fails with BodyTooLargeError,
 * so an upload is cut off before it is buffered (a lying or chunked body included). The request's
 * own stream is released, never cancelled: cancelling would destroy the socket and the 413
 * could not be sent.
 */
export function limitedBody(
  source: ReadableStream<Uint8Array>,
  maxBytes: number,
): ReadableStream<Uint8Array> {
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
        controller.error(new BodyTooLargeError("body too large"));
        return;
      }
      controller.enqueue(value);
    },
    cancel: release,
  });
}
