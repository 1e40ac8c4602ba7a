import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { EvidenceTooLargeError } from "./evidence-store";

/**
 * A pass-through that counts and hashes what flows through it and fails as soon as more than
 * `maxBytes` passed, so an oversized body never reaches storage in full. `result()` is valid once
 * the stream has ended.
 */
export class HashingLimit extends Transform {
  private readonly hash = createHash("sha256");
  private count = 0;

  /** `declaredSize`: the length the caller announced; a stream of any other length fails. */
  constructor(
    private readonly maxBytes: number,
    private readonly declaredSize?: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.maxBytes) {
      done(new EvidenceTooLargeError(this.maxBytes));
      return;
    }
    if (this.declaredSize !== undefined && this.count > this.declaredSize) {
      done(new Error("evidence stream is longer than its declared length"));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.declaredSize !== undefined && this.count !== this.declaredSize)
      done(new Error("evidence stream ended before its declared length"));
    else done();
  }

  result(): { size: number; sha256: string } {
    return { size: this.count, sha256: this.hash.copy().digest("hex") };
  }
}

/** The SHA-256 and size of a stream, read to its end. */
export async function hashStream(
  source: AsyncIterable<Buffer | Uint8Array>,
): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    hash.update(chunk);
  }
  return { size, sha256: hash.digest("hex") };
}

/** A stream read into one buffer (evidence is bounded by EVIDENCE_MAX_BYTES). */
export async function readAll(source: AsyncIterable<Buffer | Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
