import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInviteLink } from "~/modules/assessments/create-invite-link.server";
import { startAssessment } from "~/modules/assessments/start-assessment.server";
import { inviteUser } from "~/modules/admin/invite-user.server";
import { createFinding } from "~/modules/review/findings.server";
import { createTemplate } from "~/modules/templates/create-template.server";
import { createProduct } from "~/modules/vendors/create-product.server";
import { createVendor } from "~/modules/vendors/create-vendor.server";
import { createWeightProfile } from "~/modules/weights/weight-profiles.server";
import { db } from "~/utils/db.server";
import { createAssessmentScenario, type AssessmentScenario } from "../support/assessment-factories";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";
import { setupSmtpCatcher } from "../support/mail";
import { decodeEntities } from "./http-fixtures";

/**
 * Every user-supplied name is stored as it will be shown: a right-to-left override cannot turn
 * "gnp.exe" into "exe.png", zero-width characters cannot make two names look alike, and a name
 * of only invisible characters is refused like an empty one (issue 11, item 15). Through the real
 * vendor form (HTTP, EN and DE) and through each use case that takes a name or title.
 */
const RLO = "\u202E";
const ZWSP = "\u200B";
const dirty = (visible: string) =>
  `${RLO} ${visible.slice(0, 2)}${ZWSP}${visible.slice(2)}\u2066\uFEFF\u00AD\u0007 `;

let app: AppServer;
let english: HttpClient;
let german: HttpClient;
let organizationId: string;
const smtp = setupSmtpCatcher();

beforeAll(async () => {
  app = await startAppServer();
  const org = await createOrganization();
  organizationId = org.id;
  const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  english = createClient(app.baseUrl, { headers: { "Accept-Language": "en" } });
  await english.login(assessor.user.email, assessor.password);
  german = createClient(app.baseUrl, { headers: { "Accept-Language": "de" } });
  await german.login(assessor.user.email, assessor.password);
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe("the vendor form", () => {
  it("stores a vendor name with a right-to-left override and zero-width characters cleaned", async () => {
    const response = await english.post("/vendors/new", {
      name: `${RLO}IA${ZWSP} emcA${ZWSP}`,
      criticality: "LOW",
      tags: `${RLO}gnp.exe, l${ZWSP}lm`,
    });
    expect(response.status, response.body.slice(0, 300)).toBe(302);
    const id = /^\/vendors\/([^/?]+)/.exec(response.location ?? "")![1]!;
    const row = await db().vendor.findUniqueOrThrow({
      where: { id },
      select: { name: true, tags: true, organizationId: true },
    });
    expect(row).toEqual({
      name: "IA emcA",
      tags: JSON.stringify(["gnp.exe", "llm"]),
      organizationId,
    });
    const page = await english.get(`/vendors/${id}`);
    expect(page.body).not.toContain(RLO);
    expect(page.body).not.toContain(ZWSP);
  });

  it.each([
    ["en", "Enter a name."],
    ["de", "Geben Sie einen Namen ein."],
  ])("refuses a name of only invisible characters with a message (%s)", async (locale, message) => {
    const client = locale === "de" ? german : english;
    const before = await db().vendor.count({ where: { organizationId } });
    const response = await client.post("/vendors/new", {
      name: `${RLO}${ZWSP}\u2060 \uFEFF`,
      criticality: "LOW",
    });
    expect(response.status).toBe(400);
    expect(decodeEntities(response.body)).toContain(message);
    expect(await db().vendor.count({ where: { organizationId } })).toBe(before);
  });
});

describe("every use case that takes a name or title stores it cleaned", () => {
  let world: AssessmentScenario;
  beforeAll(async () => {
    world = await createAssessmentScenario();
  });

  it("vendor, product and tags (createVendor, createProduct)", async () => {
    const vendor = await createVendor({
      actor: world.assessor,
      input: { name: dirty("Acme AI"), criticality: "LOW", tags: [dirty("strategic")] },
    });
    const product = await createProduct({
      actor: world.assessor,
      input: { vendorId: vendor.id, name: dirty("Assist"), foundationModel: dirty("GPT-X") },
    });
    expect(
      await db().vendor.findUniqueOrThrow({
        where: { id: vendor.id },
        select: { name: true, tags: true },
      }),
    ).toEqual({ name: "Acme AI", tags: '["strategic"]' });
    expect(
      await db().product.findUniqueOrThrow({
        where: { id: product.id },
        select: { name: true, foundationModel: true },
      }),
    ).toEqual({ name: "Assist", foundationModel: "GPT-X" });
  });

  it("assessment title, finding title and owner, weight profile name, template titles", async () => {
    const assessment = await startAssessment(world.assessor, {
      vendorId: world.vendor.id,
      templateVersionId: world.templateVersionId,
      title: dirty("Yearly review"),
    });
    expect((await db().assessment.findUniqueOrThrow({ where: { id: assessment.id } })).title).toBe(
      "Yearly review",
    );

    await db().assessment.update({
      where: { id: world.assessment.id },
      data: { status: "SUBMITTED", submittedAt: new Date() },
    });
    const { findingId } = await createFinding(world.assessor, {
      assessmentId: world.assessment.id,
      title: dirty("Weak MFA"),
      severity: "HIGH",
      description: "d",
      owner: dirty("Ops team"),
    });
    expect(
      await db().finding.findUniqueOrThrow({
        where: { id: findingId },
        select: { title: true, owner: true },
      }),
    ).toEqual({ title: "Weak MFA", owner: "Ops team" });

    const profile = await createWeightProfile(world.admin, {
      name: dirty("Health data"),
      weights: { sectionWeights: {}, questionWeights: {} },
    });
    expect((await db().weightProfile.findUniqueOrThrow({ where: { id: profile.id } })).name).toBe(
      "Health data",
    );

    const template = await createTemplate(world.admin, {
      key: "clean-titles",
      titleEn: dirty("Cloud check"),
      titleDe: dirty("Cloud-Prüfung"),
    });
    expect(
      (await db().questionnaireTemplate.findUniqueOrThrow({ where: { id: template.id } })).name,
    ).toBe("Cloud check");
    const draft = await db().templateVersion.findFirstOrThrow({
      where: { templateId: template.id },
      select: { definition: true },
    });
    expect(JSON.parse(draft.definition).title).toEqual({ en: "Cloud check", de: "Cloud-Prüfung" });
  });

  it("a person's name on an invitation and a vendor contact's name on an invite link", async () => {
    await inviteUser(world.admin, {
      email: `clean-${Date.now()}@example.test`,
      name: dirty("Jane Doe"),
      role: "AUDITOR",
      locale: "en",
    });
    expect(
      (
        await db().userInvitation.findFirstOrThrow({
          where: { organizationId: world.org.id },
          orderBy: { createdAt: "desc" },
        })
      ).name,
    ).toBe("Jane Doe");

    const fresh = await createAssessmentScenario();
    const invite = await createInviteLink(fresh.assessor, fresh.assessment.id, {
      contactEmail: "contact@acme.example",
      contactName: dirty("Max Muster"),
      locale: "en",
    });
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } })).contactName,
    ).toBe("Max Muster");
    expect(smtp().messages.length).toBeGreaterThan(0);
  });

  it("a sub-processor's name in a vendor's answer", async () => {
    const fresh = await createAssessmentScenario();
    const { vendor } = await fresh.invitedVendor();
    const outcome = await fresh.answer(vendor, {
      "residency.subprocessors": [
        { name: dirty("Cloud Host"), purpose: "hosting", country: "DE", mechanism: "none" },
      ] as never,
    });
    expect(
      outcome.every((o) => o.status === "saved"),
      JSON.stringify(outcome),
    ).toBe(true);
    const stored = (await fresh.storedAnswers())["residency.subprocessors"];
    expect(stored).toEqual([
      { name: "Cloud Host", purpose: "hosting", country: "DE", mechanism: "none" },
    ]);
  });
});

describe("template import: any file name a client sends is read", () => {
  const template = JSON.parse(
    readFileSync("app/reference-data/templates/data-residency-transfers.json", "utf8"),
  ) as { key: string; title: { en: string; de: string } };

  /** A multipart body whose file part carries exactly this Content-Disposition. */
  function upload(disposition: string, key: string) {
    const boundary = "----vetted-template";
    const json = JSON.stringify({ ...template, key, title: { en: `\u202E${key}`, de: key } });
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\nnew\r\n` +
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: application/json\r\n\r\n${json}\r\n--${boundary}--\r\n`,
      "utf8",
    );
    return { body: new Uint8Array(body), contentType: `multipart/form-data; boundary=${boundary}` };
  }

  it.each([
    ["quoted ; and =", (key: string) => `form-data; name="file"; filename="${key};v=2.json"`],
    [
      "RFC 5987 filename* only",
      (key: string) => `form-data; name="file"; filename*=UTF-8''${key}%3B%20%E2%80%AE.json`,
    ],
    [
      "a backslash-escaped quote",
      (key: string) => `form-data; name="file"; filename="${key} \\"final\\".json"`,
    ],
  ])("%s: imported, and the template's title is stored cleaned", async (_, disposition) => {
    const key = `upload-${randomBytes(4).toString("hex")}`;
    const { body, contentType } = upload(disposition(key), key);
    const response = await english.request("POST", "/templates/import", { body, contentType });
    expect(response.status, response.body.slice(0, 400)).toBe(302);
    expect(response.location).toMatch(/^\/templates\/[^/]+\/edit\?notice=imported$/);
    const stored = await db().questionnaireTemplate.findFirstOrThrow({
      where: { organizationId, key },
    });
    expect(stored.name).toBe(key);
  });
});
