import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "../app/modules/audit/record-audit-event.server";
import type { VendorActor } from "../app/modules/auth/actor";
import { tinyPdf, tinyPng } from "../app/modules/evidence/test-fixtures";
import { uploadEvidence } from "../app/modules/evidence/upload-evidence.server";
import { createDbClient } from "../app/utils/db.server";
import { resetEnvForTests } from "../app/utils/env.server";
import { providerOf, readMigrations } from "../app/utils/migrate.server";
import { inTransaction } from "../app/utils/transaction.server";
import { runVetted, runVettedAsync } from "../tests/support/cli";
import { createEvidenceWorld } from "../tests/support/evidence-test-world";
import { createOrganization } from "../tests/support/factories";
import { adminQuery } from "../tests/support/postgres-cluster";
import { isPostgres, testDatabaseUrl } from "../tests/support/test-db";

/**
 * `vetted backup` and `vetted restore` (issue 13, item 4), on SQLite and PostgreSQL, with the
 * real CLI against a database that a child process keeps writing to. The defect this guards
 * against: a plain copy of a running SQLite file (WAL mode) starts and passes `audit verify` yet
 * lacks the answers still in the WAL. Here every answer the application acknowledged before the
 * backup started must come back, with its evidence files and an intact audit trail.
 */
const root = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "vetted-backup-test-"));
const evidenceDir = path.join(work, "evidence");
const cleanups: Array<() => Promise<void>> = [];

beforeAll(() => {
  process.env.EVIDENCE_DIR = evidenceDir;
  resetEnvForTests();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  delete process.env.EVIDENCE_DIR;
  resetEnvForTests();
  rmSync(work, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const unique = () => randomBytes(4).toString("hex");

/** A new, empty database of the same kind as the test's: the "destroyed" installation's replacement. */
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

/** The names of the tables a database holds (none: empty). */
async function tablesOf(databaseUrl: string): Promise<string[]> {
  if (providerOf(databaseUrl) === "sqlite") {
    const file = databaseUrl.replace(/^file:/, "");
    if (!existsSync(file)) return [];
    const { default: Database } = await import("better-sqlite3");
    const sqlite = new Database(file, { readonly: true });
    try {
      return (
        sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string;
        }[]
      ).map((row) => row.name);
    } finally {
      sqlite.close();
    }
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

function newBackupDir(): string {
  return path.join(work, `backup-${unique()}`);
}

/** Every file below a directory, relative to it. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

interface Manifest {
  formatVersion: number;
  databaseKind: string;
  migrationHead: string;
  vettedVersion: string;
  createdAt: string;
  files: { path: string; sha256: string; size: number }[];
  counts: { organisations: number; answers: number; evidenceFiles: number; auditEvents: number };
  secrets: { name: string; why: string }[];
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
}

/** Starts tests/support/answer-writer.ts: it saves answers until stopped and reports each commit. */
function startAnswerWriter(actors: VendorActor[]) {
  const acks: { assessmentId: string; version: number }[] = [];
  const files: { id: string; sha256: string }[] = [];
  let stderr = "";
  let ready: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  let idle: () => void;
  const paused = new Promise<void>((resolve) => (idle = resolve));
  const child: ChildProcess = spawn(
    // Node itself with tsx's loader, not the tsx wrapper: the wrapper does not pass stdin's end on.
    path.join(root, "node_modules/.bin/node"),
    ["--import", "tsx", "tests/support/answer-writer.ts", JSON.stringify(actors)],
    { cwd: root, env: process.env, stdio: ["pipe", "pipe", "pipe"] },
  );
  let buffered = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) {
      if (line === "ready") ready();
      if (line === "paused") idle();
      const match = /^ack (\S+) (\d+)$/.exec(line);
      if (match) acks.push({ assessmentId: match[1]!, version: Number(match[2]) });
      const file = /^file (\S+) ([0-9a-f]{64})$/.exec(line);
      if (file) files.push({ id: file[1]!, sha256: file[2]! });
    }
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    await exited;
  });
  return {
    acks,
    files,
    started,
    async waitForAcks(count: number, fileCount = 0) {
      const deadline = Date.now() + 30_000;
      while (acks.length < count || files.length < fileCount) {
        if (child.exitCode !== null) throw new Error(`answer writer exited early: ${stderr}`);
        if (Date.now() > deadline)
          throw new Error(`answer writer: ${acks.length} of ${count} saves after 30 s: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    /** Stops the saves, keeps the connection: an idle, running server. */
    async pause() {
      child.stdin!.write("pause\n");
      await paused;
    },
    async stop() {
      child.stdin!.end();
      const code = await exited;
      expect(stderr).toBe("");
      expect(code).toBe(0);
    },
  };
}

/** The newest acknowledged version of each assessment's answer, at this moment. */
function newestAcknowledged(acks: { assessmentId: string; version: number }[]) {
  const newest = new Map<string, number>();
  for (const ack of acks)
    newest.set(ack.assessmentId, Math.max(ack.version, newest.get(ack.assessmentId) ?? 0));
  return newest;
}

async function uploadSomeEvidence(actors: VendorActor[]) {
  for (const [i, actor] of actors.entries()) {
    const bytes = i % 2 === 0 ? tinyPdf(`Certificate ${i} ${unique()}`) : tinyPng();
    const result = await uploadEvidence(actor, {
      questionKey: "security.certificate",
      fileName: `certificate-${i}.${i % 2 === 0 ? "pdf" : "png"}`,
      bytes,
    });
    expect(result.file.sha256).toBe(sha256(bytes));
  }
}

/**
 * Destroy and restore: a new empty database and an empty evidence folder, `restore`, then an
 * independent `audit verify` and every evidence row's file checked against its SHA-256.
 */
async function restoreIntoNewInstallation(
  backupDir: string,
  worlds: { org: { id: string; slug: string } }[],
) {
  const target = await emptyTargetDatabase();
  const restoredEvidence = path.join(work, `restored-evidence-${unique()}`);
  const env = { DATABASE_URL: target, EVIDENCE_DIR: restoredEvidence };
  const restore = await runVettedAsync(["restore", backupDir], env);
  expect(restore.stderr).toBe("");
  expect(restore.stdout).not.toContain("TAMPERED");
  expect(restore.stdout.trimEnd().split("\n").at(-1)).toMatch(/^restore ok /);
  expect(restore.code).toBe(0);

  const verify = runVetted(["audit", "verify"], env);
  for (const world of worlds) expect(verify.stdout).toContain(`${world.org.slug}: intact`);
  expect(verify.code).toBe(0);

  const restored = createDbClient(target);
  try {
    const files = await restored.evidenceFile.findMany({
      where: { organizationId: { in: worlds.map((w) => w.org.id) } },
      select: { storageKey: true, sha256: true },
    });
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const stored = path.join(restoredEvidence, file.storageKey.slice(0, 2), file.storageKey);
      expect(sha256(readFileSync(stored))).toBe(file.sha256);
    }
  } finally {
    await restored.$disconnect();
  }
  return { target };
}

/** id → SHA-256 of the given evidence rows in the restored database (their files were checked). */
async function restoredEvidenceFiles(target: string, ids: string[]) {
  const restored = createDbClient(target);
  try {
    const rows = await restored.evidenceFile.findMany({
      where: { id: { in: ids } },
      select: { id: true, sha256: true },
    });
    return Object.fromEntries(rows.map((row) => [row.id, row.sha256]));
  } finally {
    await restored.$disconnect();
  }
}

/** The version of the writer's answer per assessment in the restored database. */
async function restoredAnswerVersions(target: string, assessmentIds: string[]) {
  const restored = createDbClient(target);
  try {
    const answers = await restored.answer.findMany({
      where: { assessmentId: { in: assessmentIds }, questionKey: "security.mfa" },
      select: { assessmentId: true, version: true },
    });
    return new Map(answers.map((a) => [a.assessmentId, a.version]));
  } finally {
    await restored.$disconnect();
  }
}

describe("vetted backup / restore", () => {
  it("round trip under writes: every answer and evidence file acknowledged before the backup started, and an intact audit trail, come back", async () => {
    const worlds = [await createEvidenceWorld(), await createEvidenceWorld()];
    const actors = worlds.flatMap((world) => [world.vendor, world.other.vendor]);
    await uploadSomeEvidence(actors);

    const writer = startAnswerWriter(actors);
    await writer.started;
    await writer.waitForAcks(20, 2);
    // Everything acknowledged up to here must be in the backup.
    const acknowledgedBefore = newestAcknowledged(writer.acks);
    const filesBefore = [...writer.files];
    const acksBefore = writer.acks.length;
    const backupDir = newBackupDir();
    const backup = await runVettedAsync(["backup", "--out", backupDir]);
    const acksDuring = writer.acks.length - acksBefore;
    await writer.stop();
    expect(backup.stderr).not.toMatch(/warn|error/i);
    expect(backup.code).toBe(0);
    // The writer kept committing while the backup ran: this was a backup under load.
    expect(acksDuring).toBeGreaterThan(0);
    const lastLine = backup.stdout.trimEnd().split("\n").at(-1);
    expect(lastLine).toMatch(
      new RegExp(
        `^backup ok files=\\d+ bytes=\\d+ dir=${backupDir.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`,
      ),
    );

    const manifest = readManifest(backupDir);
    const provider = providerOf(testDatabaseUrl());
    expect(manifest).toMatchObject({
      formatVersion: 1,
      databaseKind: provider,
      migrationHead: readMigrations(provider).at(-1)!.name,
    });
    expect(manifest.counts.evidenceFiles).toBeGreaterThanOrEqual(
      actors.length + filesBefore.length,
    );
    // The manifest lists every other file with its SHA-256 and size.
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      filesIn(backupDir).filter((f) => f !== "manifest.json"),
    );
    for (const file of manifest.files) {
      const bytes = readFileSync(path.join(backupDir, file.path));
      expect([file.path, sha256(bytes), bytes.length]).toEqual([file.path, file.sha256, file.size]);
    }
    expect(lastLine).toContain(`files=${manifest.files.length + 1} `);

    const { target } = await restoreIntoNewInstallation(backupDir, worlds);
    const restored = await restoredAnswerVersions(target, [...acknowledgedBefore.keys()]);
    const restoredFiles = await restoredEvidenceFiles(
      target,
      filesBefore.map((f) => f.id),
    );
    expect(restoredFiles).toEqual(
      Object.fromEntries(filesBefore.map((file) => [file.id, file.sha256])),
    );
    const lost = [...acknowledgedBefore]
      .filter(([assessmentId, version]) => (restored.get(assessmentId) ?? 0) < version)
      .map(
        ([id, version]) => `${id}: acknowledged v${version}, restored v${restored.get(id) ?? 0}`,
      );
    expect(lost).toEqual([]);
  }, 120_000);

  it("a backup of a running but idle installation has every acknowledged answer, also those still only in SQLite's WAL (a plain file copy loses them)", async () => {
    const world = await createEvidenceWorld();
    const actors = [world.vendor, world.other.vendor];
    await uploadSomeEvidence(actors);
    const writer = startAnswerWriter(actors);
    await writer.started;
    await writer.waitForAcks(30);
    // The writer keeps its connection open, as a server between requests: no checkpoint moves
    // the newest commits from the WAL into the database file.
    await writer.pause();
    const acknowledged = newestAcknowledged(writer.acks);
    const backupDir = newBackupDir();
    const backup = await runVettedAsync(["backup", "--out", backupDir]);
    expect(backup.code).toBe(0);
    const { target } = await restoreIntoNewInstallation(backupDir, [world]);
    await writer.stop();
    const restored = await restoredAnswerVersions(target, [...acknowledged.keys()]);
    expect(Object.fromEntries(restored)).toEqual(Object.fromEntries(acknowledged));
  }, 60_000);

  it("a changed file in the backup makes restore refuse, naming the file, and restores nothing", async () => {
    const world = await createEvidenceWorld();
    await uploadSomeEvidence([world.vendor]);
    const backupDir = newBackupDir();
    expect(runVetted(["backup", "--out", backupDir]).code).toBe(0);
    const evidenceFile = readManifest(backupDir).files.find((f) => f.path.startsWith("evidence/"))!;
    const bytes = readFileSync(path.join(backupDir, evidenceFile.path));
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 0xff;
    writeFileSync(path.join(backupDir, evidenceFile.path), bytes);

    const target = await emptyTargetDatabase();
    const restoredEvidence = path.join(work, `restored-evidence-${unique()}`);
    const result = runVetted(["restore", backupDir], {
      DATABASE_URL: target,
      EVIDENCE_DIR: restoredEvidence,
    });
    expect(result.stderr).toContain(`${evidenceFile.path}: SHA-256 does not match the manifest`);
    expect(result.code).toBe(1);
    expect(await tablesOf(target)).toEqual([]);
    expect(existsSync(restoredEvidence)).toBe(false);
  });

  it("restore refuses a database that is not empty; backup refuses a folder that is not empty", async () => {
    const backupDir = newBackupDir();
    expect(runVetted(["backup", "--out", backupDir]).code).toBe(0);
    const into = runVetted(["restore", backupDir]);
    expect(into.stderr).toContain("the target database is not empty");
    expect(into.code).toBe(1);

    const occupied = path.join(work, `occupied-${unique()}`);
    mkdirSync(occupied);
    writeFileSync(path.join(occupied, "notes.txt"), "keep me");
    const again = runVetted(["backup", "--out", occupied]);
    expect(again.stderr).toContain(`${occupied} is not empty`);
    expect(again.code).toBe(1);
    expect(readdirSync(occupied)).toEqual(["notes.txt"]);
  });

  it("the manifest names the secrets a restore needs, and no file of the backup holds their values", async () => {
    const secrets = {
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      SESSION_SECRET: `session-${randomBytes(24).toString("hex")}`,
      SIGNING_P12_PASSPHRASE: `p12-${randomBytes(12).toString("hex")}`,
    };
    const env: Record<string, string> = { ...secrets };
    const values: string[] = [...Object.values(secrets)];
    if (isPostgres()) {
      // The test cluster trusts local connections: the password is carried but not checked.
      const password = `pw-${randomBytes(12).toString("hex")}`;
      const url = new URL(testDatabaseUrl());
      url.password = password;
      env.DATABASE_URL = url.toString();
      values.push(password);
    }
    const backupDir = newBackupDir();
    const result = runVetted(["backup", "--out", backupDir], env);
    expect(result.code).toBe(0);
    for (const value of values) {
      expect(result.stdout).not.toContain(value);
      expect(result.stderr).not.toContain(value);
    }

    const manifest = readManifest(backupDir);
    const names = manifest.secrets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "ENCRYPTION_KEY",
        "SESSION_SECRET",
        "SIGNING_P12_PATH or SIGNING_P12_BASE64",
        "SIGNING_P12_PASSPHRASE",
        "DATABASE_URL",
      ]),
    );
    for (const secret of manifest.secrets) expect(secret.why.length).toBeGreaterThan(20);

    expect(statSync(backupDir).mode & 0o777).toBe(0o700);
    for (const file of filesIn(backupDir)) {
      const full = path.join(backupDir, file);
      expect([file, statSync(full).mode & 0o777]).toEqual([file, 0o600]);
      const content = readFileSync(full);
      for (const value of values)
        expect([file, content.includes(Buffer.from(value))]).toEqual([file, false]);
    }
  });
});

describe("vetted backup / restore: what the operator is told", () => {
  it("a backup from a newer Vetted (a migration this code does not know) is refused, naming it", async () => {
    const backupDir = newBackupDir();
    expect(runVetted(["backup", "--out", backupDir]).code).toBe(0);
    const manifestFile = path.join(backupDir, "manifest.json");
    const manifest = readManifest(backupDir);
    writeFileSync(
      manifestFile,
      JSON.stringify({ ...manifest, migrationHead: "29991231000000_from_the_future" }),
    );
    const target = await emptyTargetDatabase();
    const result = runVetted(["restore", backupDir], {
      DATABASE_URL: target,
      EVIDENCE_DIR: path.join(work, `restored-evidence-${unique()}`),
    });
    expect(result.stderr).toContain(
      `at migration 29991231000000_from_the_future, which this version of Vetted does not know: restore with Vetted ${manifest.vettedVersion} or newer`,
    );
    expect(result.code).toBe(1);
    expect(await tablesOf(target)).toEqual([]);
  });

  it("restored with another ENCRYPTION_KEY, the audit checkpoints do not verify and restore says which secret is wrong", async () => {
    const org = await createOrganization();
    for (let i = 1; i <= 26; i++)
      await inTransaction((tx) =>
        recordAuditEvent(
          tx,
          { kind: "system", organizationId: org.id, label: "backup-test" },
          { action: "test.step", payload: { i } },
        ),
      );
    const backupDir = newBackupDir();
    expect(runVetted(["backup", "--out", backupDir]).code).toBe(0);
    const result = runVetted(["restore", backupDir], {
      DATABASE_URL: await emptyTargetDatabase(),
      EVIDENCE_DIR: path.join(work, `restored-evidence-${unique()}`),
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    });
    expect(result.stdout).toContain(
      `${org.slug}: TAMPERED — checkpoint seq 25: its HMAC does not verify`,
    );
    expect(result.stderr).toContain(
      "ENCRYPTION_KEY is not the key of the installation that made the backup",
    );
    expect(result.code).toBe(1);
  });

  it.runIf(isPostgres())(
    "PostgreSQL: a missing pg_dump, or one older than the server, is named with what to install",
    () => {
      const empty = path.join(work, `no-pg-bin-${unique()}`);
      mkdirSync(empty);
      const missing = runVetted(["backup", "--out", newBackupDir()], { PG_BIN: empty });
      expect(missing.stderr).toContain(`pg_dump not found in PG_BIN (${empty})`);
      expect(missing.code).toBe(1);

      const old = path.join(work, `old-pg-bin-${unique()}`);
      mkdirSync(old);
      writeFileSync(path.join(old, "pg_dump"), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n', {
        mode: 0o755,
      });
      const tooOld = runVetted(["backup", "--out", newBackupDir()], { PG_BIN: old });
      expect(tooOld.stderr).toMatch(
        /pg_dump 9 \(.*\) is older than the PostgreSQL \d+ server: install the client tools of version \d+ or newer/,
      );
      expect(tooOld.stderr).toContain("holds no usable backup");
      expect(tooOld.code).toBe(1);
    },
  );
});
