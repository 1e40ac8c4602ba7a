import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VendorActor } from "~/modules/auth/actor";
import { sha256Hex } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { DomainError } from "~/utils/errors";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../../../tests/support/app-server";
import { rejectionOf } from "../../../tests/support/assessment-factories";
import {
  createEvidenceWorld,
  vendorSessionCookieValue,
  type EvidenceWorld,
} from "../../../tests/support/evidence-test-world";
import { listEvidence } from "./list-evidence.server";
import { readEvidence } from "./read-evidence.server";
import { removeEvidence } from "./remove-evidence.server";
import { tinyPdf } from "./test-fixtures";
import { uploadEvidence } from "./upload-evidence.server";

/**
 * Issue 11, item 11: evidence files follow the same section rules as answers. A colleague to
 * whom the main contact delegated only "privacy" must not see, list, download or remove the
 * files of "security": not in the page data, not at /portal/evidence/:id (404, as for a foreign
 * id), not through the use cases.
 */
let app: AppServer;
let storage: string;
let world: EvidenceWorld;
let colleague: VendorActor;
let colleagueClient: HttpClient;
let securityFile: { id: string; fileName: string; sha256: string };
let privacyFile: { id: string; fileName: string };

beforeAll(async () => {
  storage = await mkdtemp(path.join(tmpdir(), "vetted-delegated-evidence-"));
  process.env.EVIDENCE_DIR = storage;
  resetEnvForTests();
  app = await startAppServer();
  world = await createEvidenceWorld();
  const security = await uploadEvidence(world.vendor, {
    questionKey: "security.certificate",
    fileName: "secret-security-audit.pdf",
    bytes: tinyPdf("security only"),
  });
  const privacy = await uploadEvidence(world.vendor, {
    questionKey: "privacy.dpa",
    fileName: "signed-dpa.pdf",
    bytes: tinyPdf("privacy"),
  });
  securityFile = security.file;
  privacyFile = privacy.file;
  // The delegation as delegateSections writes it: an own link limited to "privacy".
  const link = await db().inviteLink.create({
    data: {
      organizationId: world.org.id,
      assessmentId: world.assessmentId,
      contactEmail: "colleague@vendor.example",
      tokenHash: sha256Hex(randomBytes(32).toString("base64url")),
      expiresAt: new Date(Date.now() + 86_400_000),
      sections: JSON.stringify(["privacy"]),
      delegatedById: world.inviteId,
      createdById: null,
    },
  });
  colleague = {
    ...world.vendor,
    inviteLinkId: link.id,
    email: "colleague@vendor.example",
    sections: ["privacy"],
  };
  colleagueClient = createClient(app.baseUrl);
  colleagueClient.setCookie("vetted_vendor", await vendorSessionCookieValue(colleague));
}, 120_000);

afterAll(async () => {
  await app?.close();
  delete process.env.EVIDENCE_DIR;
  resetEnvForTests();
  await rm(storage, { recursive: true, force: true });
});

async function domainCode(promise: Promise<unknown>): Promise<string> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

describe("a delegated colleague and the evidence of other sections", () => {
  it("the portal page does not carry files of sections that were not delegated", async () => {
    const page = await colleagueClient.get("/portal");
    expect(page.status).toBe(200);
    expect(page.body).toContain(privacyFile.id);
    expect(page.body).not.toContain(securityFile.id);
    expect(page.body).not.toContain(securityFile.fileName);
    expect(page.body).not.toContain(securityFile.sha256);
  });

  it("downloading a file of another section is a 404, like a foreign id", async () => {
    expect((await colleagueClient.get(`/portal/evidence/${privacyFile.id}`)).status).toBe(200);
    const foreign = await colleagueClient.get(`/portal/evidence/${securityFile.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body).not.toContain("security only");
    expect((await colleagueClient.get(`/portal/evidence/${"x".repeat(25)}`)).status).toBe(404);
  });

  it("removing a file of another section is a 404 and removes nothing", async () => {
    const response = await colleagueClient.post(
      `/portal/evidence/${securityFile.id}`,
      { intent: "remove", questionKey: "security.certificate" },
      { headers: { Accept: "application/json" } },
    );
    expect(response.status).toBe(404);
    expect(
      (await db().evidenceFile.findUniqueOrThrow({ where: { id: securityFile.id } })).deletedAt,
    ).toBeNull();
  });

  it("the use cases agree: listing, download and removal see only the delegated sections", async () => {
    expect(
      (await listEvidence(colleague, { assessmentId: world.assessmentId })).map((f) => f.id),
    ).toEqual([privacyFile.id]);
    expect(
      await listEvidence(colleague, {
        assessmentId: world.assessmentId,
        questionKey: "security.certificate",
      }),
    ).toEqual([]);
    expect(
      await domainCode(
        readEvidence(colleague, { assessmentId: world.assessmentId, fileId: securityFile.id }),
      ),
    ).toBe("NOT_FOUND");
    expect(await domainCode(removeEvidence(colleague, { fileId: securityFile.id }))).toBe(
      "NOT_FOUND",
    );
    // The main contact and the organisation still see everything.
    expect(
      (await listEvidence(world.vendor, { assessmentId: world.assessmentId })).map((f) => f.id),
    ).toEqual([securityFile.id, privacyFile.id]);
    expect(
      (await listEvidence(world.auditor, { assessmentId: world.assessmentId })).map((f) => f.id),
    ).toEqual([securityFile.id, privacyFile.id]);
  });

  it("uploading to another section is refused with the reason", async () => {
    const refused = await colleagueClient.request("POST", "/portal/evidence", {
      body: (() => {
        const form = new FormData();
        form.set("questionKey", "security.certificate");
        form.set(
          "file",
          new File([new Uint8Array(tinyPdf())], "x.pdf", { type: "application/pdf" }),
        );
        return form;
      })(),
      headers: { Accept: "application/json" },
    });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, code: "section_not_delegated" });
  });
});
