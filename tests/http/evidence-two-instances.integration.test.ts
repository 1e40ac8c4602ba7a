import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tinyPdf } from "~/modules/evidence/test-fixtures";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { createClient, startAppServer, type AppServer } from "../support/app-server";
import { createUser } from "../support/factories";
import {
  createEvidenceWorld,
  filesBelow,
  vendorSessionCookieValue,
  type EvidenceWorld,
} from "../support/evidence-test-world";
import { startS3Emulator, type S3Emulator } from "../support/s3-emulator";

/**
 * Two app instances (each its own bundle, configuration and database client; on PostgreSQL in
 * the postgres project) behind no shared disk: each has its own EVIDENCE_DIR, as two machines
 * would. With EVIDENCE_STORAGE=s3 both use one bucket (s3rver on 127.0.0.1): a vendor uploads
 * through one, the assessor downloads the same bytes through the other, and neither wrote to its
 * local folder.
 */
let s3: S3Emulator;
let dirA: string;
let dirB: string;
let instanceA: AppServer;
let instanceB: AppServer;
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
  dirA = await mkdtemp(path.join(tmpdir(), "vetted-instance-a-"));
  dirB = await mkdtemp(path.join(tmpdir(), "vetted-instance-b-"));
  Object.assign(process.env, s3.env);
  // Each instance parses its configuration when it starts: A keeps dirA, B keeps dirB.
  process.env.EVIDENCE_DIR = dirA;
  instanceA = await startAppServer();
  process.env.EVIDENCE_DIR = dirB;
  instanceB = await startAppServer();
  resetEnvForTests();
  world = await createEvidenceWorld();
}, 180_000);

afterAll(async () => {
  await instanceA?.close();
  await instanceB?.close();
  for (const name of ENV_NAMES) delete process.env[name];
  resetEnvForTests();
  await s3?.stop();
  await rm(dirA, { recursive: true, force: true });
  await rm(dirB, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

describe("evidence shared by two instances through object storage", () => {
  it("a vendor uploads through one instance; the assessor downloads the same bytes through the other", async () => {
    const vendor = createClient(instanceA.baseUrl);
    vendor.setCookie("vetted_vendor", await vendorSessionCookieValue(world.vendor));
    const pdf = tinyPdf("uploaded through instance A");
    const form = new FormData();
    form.set("questionKey", "security.certificate");
    form.set(
      "file",
      new File([new Uint8Array(pdf)], "SOC 2 Type II.pdf", { type: "application/pdf" }),
    );
    const uploaded = await vendor.request("POST", "/portal/evidence", {
      body: form,
      headers: { Accept: "application/json" },
    });
    expect(uploaded.status, uploaded.body).toBe(200);
    const { file } = JSON.parse(uploaded.body) as { file: { id: string; sha256: string } };
    expect(file.sha256).toBe(sha256(pdf));

    const staff = await createUser({ organizationId: world.org.id, role: "ASSESSOR" });
    const assessor = createClient(instanceB.baseUrl);
    await assessor.login(staff.user.email, staff.password);
    const download = await assessor.get(`/assessments/${world.assessmentId}/evidence/${file.id}`);
    expect(download.status).toBe(200);
    expect(sha256(download.body)).toBe(sha256(pdf.toString("utf8")));
    // The same headers as from the local folder: an attachment, nosniff, in a CSP sandbox.
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(download.headers.get("x-content-type-options")).toContain("nosniff");
    expect(download.headers.get("content-security-policy")).toContain("sandbox");

    // The vendor sees it through the other instance too; neither instance wrote to its disk.
    const vendorOnB = createClient(instanceB.baseUrl);
    vendorOnB.setCookie("vetted_vendor", await vendorSessionCookieValue(world.vendor));
    const again = await vendorOnB.get(`/portal/evidence/${file.id}`);
    expect(again.status).toBe(200);
    expect(sha256(again.body)).toBe(sha256(pdf.toString("utf8")));
    expect(await filesBelow(dirA)).toEqual([]);
    expect(await filesBelow(dirB)).toEqual([]);
    const row = await db().evidenceFile.findUniqueOrThrow({
      where: { id: file.id },
      select: { storageKey: true },
    });
    expect(row.storageKey).toMatch(/^[0-9a-f]{64}$/);
  });
});
