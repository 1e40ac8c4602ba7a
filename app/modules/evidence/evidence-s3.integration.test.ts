import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { DomainError } from "~/utils/errors";
import { rejectionOf } from "../../../tests/support/assessment-factories";
import {
  createEvidenceWorld,
  filesBelow,
  type EvidenceWorld,
} from "../../../tests/support/evidence-test-world";
import { startS3Emulator, type S3Emulator } from "../../../tests/support/s3-emulator";
import { acquireJobLease, releaseJobLease } from "../reminders/job-lease.server";
import { evidenceStore } from "./evidence-storage.server";
import { readEvidence } from "./read-evidence.server";
import { sweepEvidenceOrphans } from "./sweep-evidence-orphans.server";
import { tinyPdf } from "./test-fixtures";
import { uploadEvidence } from "./upload-evidence.server";

/**
 * Evidence with EVIDENCE_STORAGE=s3 through the use cases, on SQLite and PostgreSQL, against an
 * S3-compatible server on 127.0.0.1 (s3rver): the bytes land in the bucket (not EVIDENCE_DIR) and
 * come back checked; a failed upload leaves no object; the orphan sweep removes only old,
 * unreferenced objects, one instance at a time.
 */
let s3: S3Emulator;
let folder: string;
let world: EvidenceWorld;
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
  folder = await mkdtemp(path.join(tmpdir(), "vetted-evidence-s3-"));
  Object.assign(process.env, s3.env, { EVIDENCE_DIR: folder });
  resetEnvForTests();
  world = await createEvidenceWorld();
});
afterAll(async () => {
  for (const name of ENV_NAMES) delete process.env[name];
  resetEnvForTests();
  await s3?.stop();
  await rm(folder, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function bucketKeys(): Promise<string[]> {
  const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
  return (listed.Contents ?? []).map((object) => object.Key ?? "").sort();
}

async function storedKeysOfRows(): Promise<string[]> {
  const rows = await db().evidenceFile.findMany({ select: { storageKey: true } });
  return rows.map((row) => row.storageKey).sort();
}

describe("evidence in object storage", () => {
  it("stores an upload in the bucket under its random key and serves the same bytes back", async () => {
    const pdf = tinyPdf("object storage");
    const { file } = await uploadEvidence(world.vendor, {
      questionKey: "security.certificate",
      fileName: "SOC 2 Report.pdf",
      bytes: pdf,
    });
    const row = await db().evidenceFile.findUniqueOrThrow({
      where: { id: file.id },
      select: { storageKey: true, sha256: true },
    });
    expect(row.sha256).toBe(sha256(pdf));
    const head = await s3.client.send(
      new HeadObjectCommand({ Bucket: s3.bucket, Key: row.storageKey }),
    );
    expect(head.ContentLength).toBe(pdf.length);
    // Nothing went to the local folder.
    expect(await filesBelow(folder)).toEqual([]);

    const download = await readEvidence(world.auditor, {
      assessmentId: world.assessmentId,
      fileId: file.id,
    });
    expect(sha256(download.bytes)).toBe(sha256(pdf));
    expect(download.fileName).toBe("SOC 2 Report.pdf");
  });

  it("never serves an object that changed in the bucket after the upload", async () => {
    const { file } = await uploadEvidence(world.vendor, {
      questionKey: "privacy.dpa",
      fileName: "dpa.pdf",
      bytes: tinyPdf("signed DPA"),
    });
    const row = await db().evidenceFile.findUniqueOrThrow({
      where: { id: file.id },
      select: { storageKey: true },
    });
    await s3.client.send(
      new PutObjectCommand({ Bucket: s3.bucket, Key: row.storageKey, Body: tinyPdf("swapped") }),
    );
    await expect(
      readEvidence(world.assessor, { assessmentId: world.assessmentId, fileId: file.id }),
    ).rejects.toThrow(/checksum/);
  });

  it("leaves no object behind when the upload's transaction fails", async () => {
    // The eleventh file of a question is refused inside the transaction, after its bytes were stored.
    for (let i = 0; i < 10; i += 1) {
      await uploadEvidence(world.other.vendor, {
        questionKey: "security.certificate",
        fileName: `file-${i}.pdf`,
        bytes: tinyPdf(`file ${i}`),
      }).catch((error: unknown) => {
        if (!(error instanceof DomainError) || error.details?.reason !== "too_many_files")
          throw error;
      });
    }
    const before = await bucketKeys();
    const error = await rejectionOf(
      uploadEvidence(world.other.vendor, {
        questionKey: "security.certificate",
        fileName: "one-too-many.pdf",
        bytes: tinyPdf("one too many"),
      }),
    );
    expect((error as DomainError).details?.reason).toBe("too_many_files");
    expect(await bucketKeys()).toEqual(before);
    // Every object belongs to a row and every row has its object.
    expect(await bucketKeys()).toEqual(await storedKeysOfRows());
  });

  it("sweeps old unreferenced objects only, one instance at a time", async () => {
    const store = evidenceStore();
    const orphan = await store.put(Readable.from([Buffer.from("orphaned bytes")]), {
      maxBytes: 1000,
    });
    const referenced = await storedKeysOfRows();
    expect(referenced.length).toBeGreaterThan(0);

    // Within the grace period (an upload between its put and its commit): kept.
    const fresh = await sweepEvidenceOrphans({ holder: "instance-a", graceMinutes: 60 });
    expect(fresh).toMatchObject({ ran: true, removed: 0 });
    expect(await store.exists(orphan.key)).toBe(true);

    const later = new Date(Date.now() + 2 * 60 * 60_000);
    // Another instance holds the sweep's lease: this one does nothing.
    expect(await acquireJobLease("evidence-orphan-sweep", "instance-b", later, 60_000)).toBe(true);
    expect(
      await sweepEvidenceOrphans({ holder: "instance-a", graceMinutes: 60, now: later }),
    ).toEqual({ ran: false, checked: 0, removed: 0 });
    expect(await store.exists(orphan.key)).toBe(true);
    await releaseJobLease("evidence-orphan-sweep", "instance-b", later);

    const swept = await sweepEvidenceOrphans({
      holder: "instance-a",
      graceMinutes: 60,
      now: later,
    });
    expect(swept).toEqual({ ran: true, checked: referenced.length + 1, removed: 1 });
    expect(await store.exists(orphan.key)).toBe(false);
    expect(await bucketKeys()).toEqual(referenced);
  });
});
