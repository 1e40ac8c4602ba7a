import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tinyPdf, tinyPng } from "../app/modules/evidence/test-fixtures";
import { uploadEvidence } from "../app/modules/evidence/upload-evidence.server";
import { db } from "../app/utils/db.server";
import { resetEnvForTests } from "../app/utils/env.server";
import { runVettedAsync } from "../tests/support/cli";
import { createEvidenceWorld } from "../tests/support/evidence-test-world";
import { startS3Emulator, type S3Emulator } from "../tests/support/s3-emulator";

/**
 * `vetted evidence migrate --to s3|local` (issue 22 item 4), the real CLI on SQLite and
 * PostgreSQL against s3rver on 127.0.0.1: the local folder's files move into the bucket and back,
 * every SHA-256 verified, a re-run skips what is done and repairs what is not, a source that
 * does not match its SHA-256 is refused and not copied.
 */
const work = mkdtempSync(path.join(tmpdir(), "vetted-evidence-migrate-"));
const localDir = path.join(work, "evidence");
let s3: S3Emulator;
let rows: { storageKey: string; sha256: string }[] = [];
const ENV_NAMES = [
  "EVIDENCE_STORAGE",
  "S3_ENDPOINT",
  "S3_REGION",
  "S3_BUCKET",
  "S3_FORCE_PATH_STYLE",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "EVIDENCE_DIR",
];

beforeAll(async () => {
  s3 = await startS3Emulator();
  // The installation runs on the local folder; the bucket is configured beside it.
  Object.assign(process.env, s3.env, { EVIDENCE_STORAGE: "local", EVIDENCE_DIR: localDir });
  resetEnvForTests();
  const world = await createEvidenceWorld();
  for (const [i, bytes] of [tinyPdf("one"), tinyPng(), tinyPdf("three")].entries())
    await uploadEvidence(world.vendor, {
      questionKey: "security.certificate",
      fileName: `file-${i}`,
      bytes,
    });
  rows = await db().evidenceFile.findMany({
    select: { storageKey: true, sha256: true },
    orderBy: { storageKey: "asc" },
  });
});
afterAll(async () => {
  for (const name of ENV_NAMES) delete process.env[name];
  resetEnvForTests();
  await s3?.stop();
  rmSync(work, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const localFile = (dir: string, key: string) => path.join(dir, key.slice(0, 2), key);
const lastLine = (stdout: string) => stdout.trimEnd().split("\n").at(-1);

async function objectSha256(bucket: string, key: string): Promise<string> {
  const object = await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return sha256(await object.Body!.transformToByteArray());
}

describe("vetted evidence migrate", () => {
  it("moves the folder's files into the bucket, verified, and a re-run skips or repairs", async () => {
    expect(rows).toHaveLength(3);
    const first = await runVettedAsync(["evidence", "migrate", "--to", "s3"]);
    expect(first.stderr).toBe("");
    expect(lastLine(first.stdout)).toBe(
      "all verified: set EVIDENCE_STORAGE=s3 and restart every instance, then run this once more for uploads made in between",
    );
    expect(first.stdout).toContain(
      "evidence migrate to=s3 rows=3 copied=3 skipped=0 missing=0 failed=0",
    );
    expect(first.code).toBe(0);
    for (const row of rows) expect(await objectSha256(s3.bucket, row.storageKey)).toBe(row.sha256);

    // Interrupted half-way (one object never arrived, one arrived wrong): the re-run finishes it.
    await s3.client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: rows[0]!.storageKey }));
    await s3.client.send(
      new PutObjectCommand({ Bucket: s3.bucket, Key: rows[1]!.storageKey, Body: "cut off" }),
    );
    const again = await runVettedAsync(["evidence", "migrate", "--to", "s3"]);
    expect(again.stdout).toContain(
      "evidence migrate to=s3 rows=3 copied=2 skipped=1 missing=0 failed=0",
    );
    expect(again.code).toBe(0);
    for (const row of rows) expect(await objectSha256(s3.bucket, row.storageKey)).toBe(row.sha256);
  });

  it("moves the bucket's objects back into an empty folder, verified", async () => {
    const back = path.join(work, `back-${randomBytes(4).toString("hex")}`);
    const result = await runVettedAsync(["evidence", "migrate", "--to", "local"], {
      EVIDENCE_STORAGE: "s3",
      EVIDENCE_DIR: back,
    });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(
      "evidence migrate to=local rows=3 copied=3 skipped=0 missing=0 failed=0",
    );
    expect(result.code).toBe(0);
    for (const row of rows)
      expect(sha256(readFileSync(localFile(back, row.storageKey)))).toBe(row.sha256);
  });

  it("refuses a source that does not match its SHA-256 and copies nothing under its key", async () => {
    const bucket = `vetted-fresh-${randomBytes(4).toString("hex")}`;
    await s3.client.send(new CreateBucketCommand({ Bucket: bucket }));
    const tampered = rows[2]!;
    const file = localFile(localDir, tampered.storageKey);
    const original = readFileSync(file);
    writeFileSync(file, Buffer.from(original).fill(0x41, 0, 8));
    try {
      const result = await runVettedAsync(["evidence", "migrate", "--to", "s3"], {
        S3_BUCKET: bucket,
      });
      expect(result.stderr).toContain(
        `evidence migrate: ${tampered.storageKey}: the source does not match its SHA-256`,
      );
      expect(result.stdout).toContain("copied=2 skipped=0 missing=0 failed=1");
      expect(result.code).toBe(1);
      await expect(objectSha256(bucket, tampered.storageKey)).rejects.toThrow();
    } finally {
      writeFileSync(file, original);
    }
  });

  it("names what is missing in the settings instead of failing later", async () => {
    const result = await runVettedAsync(["evidence", "migrate", "--to", "ftp"]);
    expect(result.stderr).toContain("Usage: npm run vetted -- evidence migrate --to s3|local");
    expect(result.code).toBe(2);
    const noBucket = await runVettedAsync(["evidence", "migrate", "--to", "s3"], { S3_BUCKET: "" });
    expect(noBucket.stderr).toContain("S3_BUCKET and S3_REGION must be set for object storage");
    expect(noBucket.code).toBe(2);
  });
});
