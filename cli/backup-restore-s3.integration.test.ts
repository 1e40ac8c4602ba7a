import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tinyPdf, tinyPng } from "../app/modules/evidence/test-fixtures";
import { uploadEvidence } from "../app/modules/evidence/upload-evidence.server";
import { createDbClient } from "../app/utils/db.server";
import { resetEnvForTests } from "../app/utils/env.server";
import { runVettedAsync } from "../tests/support/cli";
import { createEvidenceWorld, type EvidenceWorld } from "../tests/support/evidence-test-world";
import { adminQuery } from "../tests/support/postgres-cluster";
import { startS3Emulator, type S3Emulator } from "../tests/support/s3-emulator";
import { isPostgres, testDatabaseUrl } from "../tests/support/test-db";

/**
 * `vetted backup` / `vetted restore` with EVIDENCE_STORAGE=s3 (issue 22 item 3), on SQLite and
 * PostgreSQL, the real CLI against s3rver on 127.0.0.1: the backup copies every referenced object
 * out of the bucket and lists its key and SHA-256; a restore puts them into another (empty)
 * bucket and checks every evidence row has its object.
 */
const work = mkdtempSync(path.join(tmpdir(), "vetted-backup-s3-"));
const cleanups: Array<() => Promise<void>> = [];
let s3: S3Emulator;
let world: EvidenceWorld;
const uploaded: { id: string; sha256: string }[] = [];
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
  Object.assign(process.env, s3.env, { EVIDENCE_DIR: path.join(work, "unused-local-folder") });
  resetEnvForTests();
  world = await createEvidenceWorld();
  for (const [i, bytes] of [tinyPdf(`SOC 2 ${unique()}`), tinyPng()].entries()) {
    const { file } = await uploadEvidence(world.vendor, {
      questionKey: "security.certificate",
      fileName: `report-${i}.${i === 0 ? "pdf" : "png"}`,
      bytes,
    });
    uploaded.push({ id: file.id, sha256: sha256(bytes) });
  }
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  for (const name of ENV_NAMES) delete process.env[name];
  resetEnvForTests();
  await s3?.stop();
  rmSync(work, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
function unique() {
  return randomBytes(4).toString("hex");
}

async function emptyTargetDatabase(): Promise<string> {
  if (!isPostgres()) {
    const dir = path.join(work, `target-${unique()}`);
    mkdirSync(dir);
    return `file:${path.join(dir, "vetted.db")}`;
  }
  const admin = new URL(testDatabaseUrl());
  admin.pathname = "/postgres";
  const name = `vetted_restore_${unique()}`;
  await adminQuery(admin.toString(), `CREATE DATABASE "${name}"`);
  cleanups.push(() =>
    adminQuery(admin.toString(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
  const target = new URL(testDatabaseUrl());
  target.pathname = `/${name}`;
  return target.toString();
}

async function newBucket(): Promise<string> {
  const bucket = `vetted-restored-${unique()}`;
  await s3.client.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

async function storageKeysOf(ids: string[]) {
  const db = createDbClient(testDatabaseUrl());
  try {
    const rows = await db.evidenceFile.findMany({
      where: { id: { in: ids } },
      select: { id: true, storageKey: true, sha256: true },
    });
    return rows;
  } finally {
    await db.$disconnect();
  }
}

async function objectSha256(bucket: string, key: string): Promise<string> {
  const object = await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return sha256(await object.Body!.transformToByteArray());
}

describe("backup and restore with evidence in object storage", () => {
  it("backs up every referenced object with its key and SHA-256, and restores them into another bucket", async () => {
    const backupDir = path.join(work, `backup-${unique()}`);
    // Async: the emulator answers in this process, so the CLI must not block it.
    const backup = await runVettedAsync(["backup", "--out", backupDir]);
    expect(backup.stderr).toBe("");
    expect(backup.stdout).toContain(
      `evidence: 2 of 2 files copied from the bucket s3://${s3.bucket}/`,
    );
    expect(backup.code).toBe(0);

    const manifest = JSON.parse(readFileSync(path.join(backupDir, "manifest.json"), "utf8")) as {
      files: { path: string; sha256: string; size: number }[];
    };
    const rows = await storageKeysOf(uploaded.map((u) => u.id));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const entry = manifest.files.find((f) => f.path.endsWith(`/${row.storageKey}`));
      expect(entry?.path).toBe(`evidence/${row.storageKey.slice(0, 2)}/${row.storageKey}`);
      expect(entry?.sha256).toBe(row.sha256);
      expect(sha256(readFileSync(path.join(backupDir, ...entry!.path.split("/"))))).toBe(
        row.sha256,
      );
    }

    const target = await emptyTargetDatabase();
    const bucket = await newBucket();
    const restore = await runVettedAsync(["restore", backupDir], {
      DATABASE_URL: target,
      S3_BUCKET: bucket,
    });
    expect(restore.stderr).toBe("");
    expect(restore.stdout).toContain(`2 evidence files copied to the bucket s3://${bucket}/`);
    expect(restore.stdout.trimEnd().split("\n").at(-1)).toMatch(/^restore ok /);
    expect(restore.code).toBe(0);
    for (const row of rows) expect(await objectSha256(bucket, row.storageKey)).toBe(row.sha256);
  });

  it("an object missing from the bucket is a warning of the backup and a failed check of the restore", async () => {
    const [first] = await storageKeysOf([uploaded[0]!.id]);
    await s3.client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: first!.storageKey }));
    const backupDir = path.join(work, `backup-${unique()}`);
    const backup = await runVettedAsync(["backup", "--out", backupDir]);
    const relative = `${first!.storageKey.slice(0, 2)}/${first!.storageKey}`;
    expect(backup.stderr).toContain(
      `backup: warning: evidence file ${relative} is missing in the bucket s3://${s3.bucket}/`,
    );
    expect(backup.code).toBe(0);

    const restore = await runVettedAsync(["restore", backupDir], {
      DATABASE_URL: await emptyTargetDatabase(),
      S3_BUCKET: await newBucket(),
    });
    expect(restore.stderr).toContain(`evidence file ${relative} is missing`);
    expect(restore.stderr).toContain("restore: FAILED");
    expect(restore.code).toBe(1);
  });
});
