import { mkdtemp, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import {
  createEvidenceWorld,
  type EvidenceWorld,
} from "../../../tests/support/evidence-test-world";
import { startEvidenceSweepSchedule } from "./evidence-sweep-schedule.server";
import { evidencePathForTests, evidenceStore } from "./evidence-storage.server";
import { tinyPdf } from "./test-fixtures";
import { uploadEvidence } from "./upload-evidence.server";

/**
 * The server's orphan sweep (server/index.js starts it) on the default local store, on SQLite and
 * PostgreSQL: its first run at start removes a file no row points to once it is older than
 * EVIDENCE_ORPHAN_GRACE_MINUTES, and keeps uploaded evidence and young files.
 */
let folder: string;
let world: EvidenceWorld;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "vetted-sweep-"));
  process.env.EVIDENCE_DIR = folder;
  process.env.EVIDENCE_ORPHAN_GRACE_MINUTES = "60";
  resetEnvForTests();
  world = await createEvidenceWorld();
});
afterAll(async () => {
  delete process.env.EVIDENCE_DIR;
  delete process.env.EVIDENCE_ORPHAN_GRACE_MINUTES;
  resetEnvForTests();
  await rm(folder, { recursive: true, force: true });
});

describe("the evidence sweep schedule", () => {
  it("removes old orphans of the local folder at start, keeping evidence and young files", async () => {
    const store = evidenceStore();
    const { file } = await uploadEvidence(world.vendor, {
      questionKey: "security.certificate",
      fileName: "kept.pdf",
      bytes: tinyPdf("kept"),
    });
    const old = await store.put(Readable.from([Buffer.from("crashed upload")]), { maxBytes: 100 });
    const young = await store.put(Readable.from([Buffer.from("upload in flight")]), {
      maxBytes: 100,
    });
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    await utimes(evidencePathForTests(old.key), twoHoursAgo, twoHoursAgo);

    // Stopping waits for the run that started with the schedule.
    const stop = startEvidenceSweepSchedule({ intervalMinutes: 60, holder: "test-instance" });
    await stop();

    expect(await store.exists(old.key)).toBe(false);
    expect(await store.exists(young.key)).toBe(true);
    const row = await db().evidenceFile.findUniqueOrThrow({
      where: { id: file.id },
      select: { storageKey: true },
    });
    expect(await store.exists(row.storageKey)).toBe(true);
  });
});
