import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type PutObjectCommandInput,
} from "@aws-sdk/client-s3";
import {
  assertStorageKey,
  STORAGE_KEY_PATTERN,
  type EvidenceStore,
  type StoredEvidence,
  type StoredObject,
} from "./evidence-store";
import { HashingLimit, readAll } from "./hashing-limit";

export interface S3EvidenceSettings {
  /** Unset: AWS S3 itself (the region's endpoint); set for MinIO, Ceph RGW, Hetzner, IONOS, OVH … */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Objects go under this prefix (e.g. "evidence/"), so one bucket can serve several purposes. */
  prefix: string;
  /** http(s)://endpoint/bucket/key instead of http(s)://bucket.endpoint/key (most non-AWS stores). */
  forcePathStyle: boolean;
  serverSideEncryption?: "AES256" | "aws:kms";
  kmsKeyId?: string;
}

/**
 * Evidence in an S3-compatible bucket through the AWS SDK. Credentials come from the SDK's own
 * chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, an instance role): Vetted never reads
 * or logs them.
 *
 * Request checksums are sent only where S3 requires them ("WHEN_REQUIRED"): the SDK's default
 * since 2025 wraps a streamed body in aws-chunked encoding with a trailing CRC, which several
 * S3-compatible stores (and the emulator in our tests) store as part of the object. Our own
 * SHA-256, taken on the way and kept in the database, is what proves an object intact (ADR 0036).
 */
export function createS3EvidenceStore(
  settings: S3EvidenceSettings,
  client: S3Client = s3ClientFor(settings),
): EvidenceStore {
  const objectName = (key: string) => {
    assertStorageKey(key);
    return `${settings.prefix}${key}`;
  };
  const encryption = (): Partial<PutObjectCommandInput> =>
    settings.serverSideEncryption
      ? {
          ServerSideEncryption: settings.serverSideEncryption,
          ...(settings.kmsKeyId ? { SSEKMSKeyId: settings.kmsKeyId } : {}),
        }
      : {};

  async function upload(
    key: string,
    body: Readable | Buffer,
    size: number,
    abortSignal?: AbortSignal,
  ): Promise<void> {
    await client.send(
      new PutObjectCommand({
        Bucket: settings.bucket,
        Key: objectName(key),
        Body: body,
        ContentLength: size,
        // Never served from the bucket directly: the app sends the real type and name.
        ContentType: "application/octet-stream",
        ...encryption(),
      }),
      { abortSignal },
    );
  }

  /**
   * An upload we aborted mid-body may still be committed by the server after our delete: some
   * S3-compatible stores (and the emulator of our tests) keep what arrived once the connection is
   * cut, and finish that after answering our delete. Look again for about two seconds and delete
   * what appears; anything later is an unreferenced object for the orphan sweep.
   */
  async function removeLateCommit(key: string): Promise<void> {
    for (const wait of [100, 250, 500, 1000]) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      if (await store.exists(key).catch(() => false)) await store.delete(key).catch(() => {});
    }
  }

  const store: EvidenceStore = {
    kind: "s3",
    async put(source, { maxBytes, size }): Promise<StoredEvidence> {
      const key = randomBytes(32).toString("hex");
      const through = new HashingLimit(maxBytes, size);
      // pipeline() carries an error of either side to the other (pipe() would not). A failing
      // source or the size limit also aborts the request: the server would wait for the rest.
      const abort = new AbortController();
      let streamError: unknown = null;
      through.once("error", (error) => {
        streamError = error;
        abort.abort(error);
      });
      const piped = pipeline(source, through);
      piped.catch(() => {}); // the same error reaches the reader of `through` below
      try {
        if (size !== undefined && size <= maxBytes) {
          // A known length streams straight through (S3 needs the length up front).
          await upload(key, through, size, abort.signal);
        } else {
          // Unknown length: read up to the limit (bounded), then send with its length.
          const bytes = await readAll(through);
          await upload(key, bytes, bytes.length);
        }
        await piped;
        return { key, ...through.result() };
      } catch (error) {
        // A failed PutObject stores nothing, but a cut connection may leave the outcome unknown.
        await store.delete(key).catch(() => {});
        if (abort.signal.aborted) await removeLateCommit(key);
        // The stream's own error (too large, the source failed) says more than the aborted request.
        throw streamError ?? error;
      }
    },
    async putAt(key, source, { size }) {
      if (await store.exists(key)) throw new Error("evidence storage key already taken");
      await upload(key, source, size);
    },
    async get(key) {
      try {
        const object = await client.send(
          new GetObjectCommand({ Bucket: settings.bucket, Key: objectName(key) }),
        );
        return object.Body instanceof Readable ? object.Body : null;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: settings.bucket, Key: objectName(key) }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: objectName(key) }));
    },
    async *list(): AsyncIterable<StoredObject> {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket: settings.bucket,
            Prefix: settings.prefix || undefined,
            ContinuationToken: token,
          }),
        );
        for (const object of page.Contents ?? []) {
          const key = (object.Key ?? "").slice(settings.prefix.length);
          if (!STORAGE_KEY_PATTERN.test(key)) continue;
          yield { key, lastModified: object.LastModified ?? new Date(0) };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
  return store;
}

export function s3ClientFor(settings: S3EvidenceSettings): S3Client {
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}
