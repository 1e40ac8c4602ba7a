import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Emulator, type S3Emulator } from "../../../../tests/support/s3-emulator";
import { EvidenceTooLargeError, type EvidenceStore } from "./evidence-store";
import { hashStream, readAll } from "./hashing-limit";
import { createLocalEvidenceStore } from "./local-evidence-store.server";
import { createS3EvidenceStore } from "./s3-evidence-store.server";

/**
 * The one evidence-store contract, held by both implementations: the local folder and an
 * S3-compatible server (s3rver on 127.0.0.1, through the real AWS SDK). Streams in, SHA-256 on
 * the way, random keys, the size limit, and nothing left behind by a failed put.
 */
let s3: S3Emulator;
let folder: string;
const stores: Record<string, () => EvidenceStore> = {};

beforeAll(async () => {
  s3 = await startS3Emulator();
  folder = await mkdtemp(path.join(tmpdir(), "vetted-store-"));
  stores.local = () => createLocalEvidenceStore(folder);
  stores.s3 = () =>
    createS3EvidenceStore(
      { region: s3.region, bucket: s3.bucket, prefix: "evidence/", forcePathStyle: true },
      s3.client,
    );
});
afterAll(async () => {
  await s3?.stop();
  await rm(folder, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
/** Bytes that differ everywhere (so a shifted or framed copy never hashes the same). */
const payload = (size: number) =>
  Buffer.from(Array.from({ length: size }, (_, i) => (i * 7 + 3) % 251));
/** A stream in several chunks, as a request body arrives. */
const chunked = (bytes: Buffer, parts = 4) =>
  Readable.from(
    Array.from({ length: parts }, (_, i) =>
      bytes.subarray(
        Math.floor((i * bytes.length) / parts),
        Math.floor(((i + 1) * bytes.length) / parts),
      ),
    ),
  );
async function keysOf(store: EvidenceStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of store.list()) keys.push(object.key);
  return keys.sort();
}

describe.each(["local", "s3"])("the %s evidence store", (kind) => {
  it("stores a stream under a random key and gives back the same bytes, hashed on the way", async () => {
    const store = stores[kind]!();
    const bytes = payload(300_000);
    for (const size of [bytes.length, undefined]) {
      const stored = await store.put(chunked(bytes), { maxBytes: 1_000_000, size });
      expect(stored).toEqual({
        key: expect.stringMatching(/^[0-9a-f]{64}$/),
        size: bytes.length,
        sha256: sha256(bytes),
      });
      expect(await store.exists(stored.key)).toBe(true);
      const back = await store.get(stored.key);
      expect(back).not.toBeNull();
      expect(await hashStream(back!)).toEqual({ size: bytes.length, sha256: sha256(bytes) });
      await store.delete(stored.key);
      expect(await store.exists(stored.key)).toBe(false);
      expect(await store.get(stored.key)).toBeNull();
      await store.delete(stored.key); // already gone: no error
    }
  });

  it("refuses more than the limit while streaming and keeps nothing", async () => {
    const store = stores[kind]!();
    const before = await keysOf(store);
    for (const size of [undefined, 50_000]) {
      await expect(
        store.put(chunked(payload(50_000)), { maxBytes: 20_000, size }),
      ).rejects.toBeInstanceOf(EvidenceTooLargeError);
    }
    // A declared length that is a lie (shorter than the stream) is refused too.
    await expect(
      store.put(chunked(payload(5_000)), { maxBytes: 20_000, size: 10 }),
    ).rejects.toThrow();
    expect(await keysOf(store)).toEqual(before);
  });

  it("keeps nothing when the source fails half-way", async () => {
    const store = stores[kind]!();
    const before = await keysOf(store);
    const broken = Readable.from(
      (async function* () {
        yield payload(10_000);
        throw new Error("connection reset (simulated)");
      })(),
    );
    await expect(store.put(broken, { maxBytes: 1_000_000, size: 20_000 })).rejects.toThrow();
    expect(await keysOf(store)).toEqual(before);
  });

  it("lists what it holds and never takes a path or name for a key", async () => {
    const store = stores[kind]!();
    const stored = await store.put(chunked(payload(1000)), { maxBytes: 10_000 });
    expect(await keysOf(store)).toContain(stored.key);
    for (const bad of ["../etc/passwd", "report.pdf", stored.key.toUpperCase()])
      await expect(store.get(bad)).rejects.toThrow(/invalid evidence storage key/);
    await store.putAt("a".repeat(64), chunked(payload(10)), { size: 10 });
    await expect(store.putAt("a".repeat(64), chunked(payload(10)), { size: 10 })).rejects.toThrow(
      /already taken/,
    );
    expect(await readAll((await store.get("a".repeat(64)))!)).toEqual(payload(10));
  });
});

describe("the s3 store on the wire", () => {
  it("writes the object's bytes themselves under prefix + random key (no aws-chunked framing)", async () => {
    const store = stores.s3!();
    const bytes = payload(70_000);
    const stored = await store.put(chunked(bytes, 7), { maxBytes: 100_000, size: bytes.length });
    const listed = await s3.client.send(
      new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: "evidence/" }),
    );
    expect(listed.Contents?.map((o) => o.Key)).toContain(`evidence/${stored.key}`);
    // Read with a separate client call, not through the store: what the bucket really holds.
    const object = await s3.client.send(
      new GetObjectCommand({ Bucket: s3.bucket, Key: `evidence/${stored.key}` }),
    );
    const raw = Buffer.from(await object.Body!.transformToByteArray());
    expect(raw.length).toBe(bytes.length);
    expect(sha256(raw)).toBe(sha256(bytes));
  });

  it("asks for server-side encryption on every object when configured", async () => {
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: s3.region,
      forcePathStyle: true,
      credentials: {
        accessKeyId: s3.env.AWS_ACCESS_KEY_ID!,
        secretAccessKey: s3.env.AWS_SECRET_ACCESS_KEY!,
      },
      requestChecksumCalculation: "WHEN_REQUIRED",
    });
    // What goes over the wire (s3rver accepts the headers but does not report them back).
    const sent: Record<string, string>[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { method?: string; headers?: Record<string, string> };
        if (request.method === "PUT") sent.push({ ...request.headers });
        return next(args);
      },
      { step: "finalizeRequest", name: "recordPutHeaders" },
    );
    const store = createS3EvidenceStore(
      {
        region: s3.region,
        bucket: s3.bucket,
        prefix: "",
        forcePathStyle: true,
        serverSideEncryption: "aws:kms",
        kmsKeyId: "vetted-evidence-key",
      },
      client,
    );
    await store.put(chunked(payload(100)), { maxBytes: 1000, size: 100 });
    await store.putAt("b".repeat(64), chunked(payload(10)), { size: 10 });
    expect(sent).toHaveLength(2);
    for (const headers of sent) {
      expect(headers["x-amz-server-side-encryption"]).toBe("aws:kms");
      expect(headers["x-amz-server-side-encryption-aws-kms-key-id"]).toBe("vetted-evidence-key");
    }
    client.destroy();
  });

  it("the local store's files are readable by the app's user only", async () => {
    const store = createLocalEvidenceStore(folder);
    const stored = await store.put(chunked(payload(100)), { maxBytes: 1000 });
    const file = path.join(folder, stored.key.slice(0, 2), stored.key);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(path.join(folder, stored.key.slice(0, 2)))).toContain(stored.key);
  });
});
