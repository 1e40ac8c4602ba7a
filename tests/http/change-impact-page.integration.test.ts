import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/utils/db.server";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { decodeEntities } from "./http-fixtures";

/**
 * The change's detail page /regulations/changes/:changeId over the real HTTP stack (production
 * build), without JavaScript: facts and impact in English and German, the triage form (reason
 * required, a stale form is a conflict that keeps what was typed), who sees which form, and 404
 * for another organisation's change or an id that is none.
 */
let app: AppServer;
let dpo: HttpClient;
let assessor: HttpClient;
let auditor: HttpClient;
let ownChange: string;
let foreignChange: string;
let activeId: string;
let decidedId: string;
let vendorId: string;

const unique = () => randomBytes(4).toString("hex");
const PROVISION = "test:fw:req:1";

async function orgChange(organizationId: string, summary: string) {
  const instrument = await db().instrument.create({
    data: {
      organizationId,
      scopeKey: organizationId,
      key: `framework:${unique()}`,
      kind: "framework",
      titleDe: "Test-Rahmenwerk",
      titleEn: "Test framework",
      authority: "Test",
      jurisdiction: "EU",
    },
  });
  return db().changeEvent.create({
    data: {
      organizationId,
      scopeKey: organizationId,
      key: `change:${unique()}`,
      instrumentId: instrument.id,
      type: "amendment",
      detectedAt: new Date("2026-11-02T00:00:00Z"),
      effectiveAt: new Date("2026-12-01T00:00:00Z"),
      legalStatus: "in_force",
      affectedProvisionKeys: JSON.stringify([PROVISION]),
      diffJson: JSON.stringify({
        changes: [{ provisionKey: PROVISION, field: "text", from: "72 hours", to: "96 hours" }],
      }),
      summaryDe: `${summary}: Meldefrist 96 Stunden`,
      summaryEn: `${summary}: notification within 96 hours`,
      sourceUrl: "https://example.test/source",
      source: "import",
      confirmed: false,
    },
  });
}

beforeAll(async () => {
  app = await startAppServer();
  const org = await createOrganization();
  const other = await createOrganization();
  const dpoUser = await createUser({ organizationId: org.id, role: "DPO", withTotp: true });
  const assessorUser = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  const auditorUser = await createUser({ organizationId: org.id, role: "AUDITOR" });
  await db().user.update({ where: { id: auditorUser.user.id }, data: { locale: "de" } });
  dpo = createClient(app.baseUrl);
  await dpo.login(dpoUser.user.email, dpoUser.password, dpoUser.totpKey);
  assessor = createClient(app.baseUrl);
  await assessor.login(assessorUser.user.email, assessorUser.password);
  auditor = createClient(app.baseUrl);
  await auditor.login(auditorUser.user.email, auditorUser.password);

  ownChange = (await orgChange(org.id, "Own change")).id;
  foreignChange = (await orgChange(other.id, "Foreign change")).id;
  const template = await db().questionnaireTemplate.create({
    data: { organizationId: org.id, key: `impact-${unique()}`, name: "Incident template" },
  });
  const text = (en: string, de: string) => ({ en, de });
  const version = await db().templateVersion.create({
    data: {
      templateId: template.id,
      version: 1,
      status: "PUBLISHED",
      checksum: unique(),
      publishedAt: new Date(),
      definition: JSON.stringify({
        key: template.key,
        title: text("Incidents", "Vorfälle"),
        sections: [
          {
            key: "incidents",
            title: text("Incidents", "Vorfälle"),
            weight: 1,
            questions: [
              {
                key: "incident.notice",
                type: "yes_no",
                label: text(
                  "Do you notify breaches in time?",
                  "Melden Sie Verletzungen fristgerecht?",
                ),
                required: true,
              },
            ],
          },
        ],
      }),
    },
  });
  await db().provisionLink.create({
    data: {
      organizationId: org.id,
      templateId: template.id,
      questionKey: "incident.notice",
      provisionKey: PROVISION,
      relationship: "equal",
      rationale: "test",
    },
  });
  const vendor = await createVendor({ organizationId: org.id, name: "Nordlicht GmbH" });
  const assessment = (title: string, status: string) =>
    db().assessment.create({
      data: {
        organizationId: org.id,
        vendorId: vendor.id,
        templateVersionId: version.id,
        title,
        status,
        createdById: assessorUser.user.id,
      },
    });
  activeId = (await assessment("Running review", "IN_PROGRESS")).id;
  decidedId = (await assessment("Approved review", "APPROVED")).id;
  vendorId = vendor.id;
  // A re-rating as the daily job writes it (its own test covers how it comes about).
  await db().residencyRerating.create({
    data: {
      organizationId: org.id,
      vendorId: vendor.id,
      assessmentId: decidedId,
      changeEventId: ownChange,
      oldClass: "adequacy",
      newClass: "third_country_no_safeguards",
      reason: "test",
      ratedOn: new Date("2031-12-28T00:00:00Z"),
    },
  });
}, 300_000);

afterAll(async () => {
  await app?.close();
});

const page = (id: string) => `/regulations/changes/${id}`;

function triageForm(fields: Record<string, string>) {
  const form = new URLSearchParams({ intent: "triage", ...fields });
  return form;
}

describe("/regulations/changes/:changeId", () => {
  it("shows the facts, the readable diff and the impact with links to the assessments", async () => {
    const response = await dpo.get(page(ownChange));
    expect(response.status).toBe(200);
    const html = decodeEntities(response.body);
    expect(html).toContain("Own change: notification within 96 hours");
    expect(html).toContain("Not confirmed by a primary source");
    expect(html).toContain("https://example.test/source");
    expect(html).toMatch(/<td[^>]*>72 hours<\/td><td[^>]*>96 hours<\/td>/);
    expect(html).not.toContain('"changes"');
    expect(html).toContain("Do you notify breaches in time?");
    expect(html).toContain(`href="/assessments/${activeId}"`);
    expect(html).toContain(`href="/assessments/${decidedId}"`);
    expect(html).toMatch(/data-testid="count-active">1</);
    expect(html).toMatch(/data-testid="count-decided">1</);
    // The DPO triages but does not start assessments.
    expect(html).toContain('name="expectedVersion"');
    expect(html).not.toContain("Start re-review");
  });

  it("offers the re-review form to assessors (not the triage form) and reads German", async () => {
    const asAssessor = await assessor.get(page(ownChange));
    expect(asAssessor.status).toBe(200);
    expect(asAssessor.body).toContain(`action="/regulations/changes/${ownChange}/re-review"`);
    const boxes = [
      ...asAssessor.body.matchAll(
        /<input type="checkbox" name="assessmentId"[^>]*value="([^"]+)"/g,
      ),
    ];
    expect(boxes.map((m) => m[1]).sort()).toEqual([activeId, decidedId].sort());
    expect(asAssessor.body).toContain("Start re-review");
    expect(asAssessor.body).not.toContain('name="expectedVersion"');

    const german = await auditor.get(page(ownChange));
    expect(german.status).toBe(200);
    const html = decodeEntities(german.body);
    expect(html).toContain("Own change: Meldefrist 96 Stunden");
    expect(html).toContain("Melden Sie Verletzungen fristgerecht?");
    expect(html).toContain("Auswirkungen auf Ihre Organisation");
    expect(html).not.toContain("Neubewertung starten");
  });

  it("asks for a reason, keeps what was typed on a stale form, and saves", async () => {
    const noReason = await dpo.post(
      page(ownChange),
      triageForm({ status: "deferred", reason: "", expectedVersion: "0" }),
    );
    expect(noReason.status).toBe(400);
    expect(decodeEntities(noReason.body)).toContain(
      "Give a reason for “not applicable” or “deferred”.",
    );

    const saved = await dpo.post(
      page(ownChange),
      triageForm({
        status: "deferred",
        reason: "Waiting for the final text",
        expectedVersion: "0",
      }),
    );
    expect(saved.status).toBe(302);
    const after = decodeEntities((await dpo.get(`${page(ownChange)}?notice=triaged`)).body);
    expect(after).toContain("Current status: Deferred");
    expect(after).toContain("Triage saved.");
    expect(after).toMatch(/data-testid="triage-history"[\s\S]*None → Deferred|none → Deferred/);

    const stale = await dpo.post(
      page(ownChange),
      triageForm({ status: "applicable", reason: "My typed text", expectedVersion: "0" }),
    );
    expect(stale.status).toBe(409);
    const html = decodeEntities(stale.body);
    expect(html).toContain("Someone changed this triage in the meantime.");
    expect(html).toContain("My typed text");
    const row = await db().impactTriage.findFirstOrThrow({ where: { changeEventId: ownChange } });
    expect(row).toMatchObject({ status: "deferred", version: 1 });
  });

  it("answers 404 for another organisation's change and for ids that are none, never 500", async () => {
    expect((await dpo.get(page(foreignChange))).status).toBe(404);
    const post = await dpo.post(
      page(foreignChange),
      triageForm({ status: "applicable", reason: "", expectedVersion: "0" }),
    );
    expect(post.status).toBe(404);
    expect(await db().impactTriage.count({ where: { changeEventId: foreignChange } })).toBe(0);
    for (const id of ["x".repeat(300), "%27%20OR%201%3D1", "%E2%82%AC", "..%2F..%2Fetc"]) {
      const response = await dpo.get(page(id));
      expect(response.status, id).toBe(404);
    }
  });

  it("shows the residency re-rating on the change's page and on the vendor's page", async () => {
    const change = decodeEntities((await auditor.get(page(ownChange))).body);
    expect(change).toMatch(
      /data-testid="residency-reratings"[\s\S]*Nordlicht GmbH[\s\S]*Angemessenheitsbeschluss[\s\S]*Drittland ohne Garantien/,
    );
    const vendorPage = decodeEntities((await dpo.get(`/vendors/${vendorId}`)).body);
    expect(vendorPage).toContain("Residency re-ratings after regulation changes");
    expect(vendorPage).toMatch(
      /data-testid="residency-reratings"[\s\S]*Own change: notification within 96 hours[\s\S]*Third country without safeguards/,
    );
  });

  it("refuses the triage to an assessor", async () => {
    const response = await assessor.post(
      page(ownChange),
      triageForm({ status: "closed", reason: "", expectedVersion: "1" }),
    );
    expect(response.status).toBe(403);
  });
});
