import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssessmentScenario,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../../../tests/support/app-server";
import { createTeam } from "../../../tests/http/http-fixtures";
import { db } from "../../utils/db.server";
import { submitAssessment } from "../portal/submit-assessment.server";
import { compareVendors, type Comparison } from "./compare-vendors.server";

let app: AppServer;
let client: HttpClient;
let first: AssessmentScenario;
let second: AssessmentScenario;
let foreign: AssessmentScenario;

async function submitted(
  s: AssessmentScenario,
  overrides: Record<string, unknown>,
  quality: number,
) {
  const { vendor } = await s.invitedVendor();
  await s.answer(vendor, s.completeAnswers(overrides, quality));
  expect(await submitAssessment(vendor)).toEqual({ ok: true });
  return s;
}

beforeAll(async () => {
  app = await startAppServer();
  first = await submitted(
    await createAssessmentScenario(),
    { "residency.storage_countries": ["US"] },
    1,
  );
  second = await submitted(
    await createAssessmentScenario({ organizationId: first.org.id }),
    { "residency.storage_countries": ["DE"] },
    0.5,
  );
  foreign = await submitted(await createAssessmentScenario(), {}, 1);
  await db().vendor.update({ where: { id: second.vendor.id }, data: { name: "=SUM(A1:A9) Corp" } });
  const team = await createTeam(first.org.id);
  client = createClient(app.baseUrl);
  await client.login(team.ASSESSOR.user.email, team.ASSESSOR.password, team.ASSESSOR.totpKey);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe("comparison pages over HTTP", () => {
  it("renders the ranking and every chart's table on the server (charts come after hydration)", async () => {
    const page = await client.get(`/compare?vendors=${first.vendor.id},${second.vendor.id}`);
    expect(page.status).toBe(200);
    for (const id of [
      "ranking",
      "sections-table",
      "overall-table",
      "transparency-table",
      "residency-table",
    ])
      expect(page.body).toContain(`data-testid="${id}"`);
    expect(page.body).toContain(first.vendor.name);
    expect(page.body).not.toContain("recharts-surface");
    const stored = await db().assessment.findUniqueOrThrow({
      where: { id: first.assessment.id },
      select: { overallScore: true },
    });
    expect(page.body).toContain(
      new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        stored.overallScore!,
      ),
    );
  });

  it("sends the comparison in the reader's language only, the differing answers as the text shown (issue 12)", async () => {
    const vendors = `${first.vendor.id},${second.vendor.id}`;
    const comparison = (await compareVendors(first.assessor, {
      vendorIds: [first.vendor.id, second.vendor.id],
    })) as Comparison;
    const differing = comparison.differing[0]!;
    expect(differing.label.en).not.toBe(differing.label.de);
    const page = await client.get(`/compare?vendors=${vendors}`);
    expect(page.body).toContain(differing.label.en.replace(/'/g, "&#x27;"));
    // The browser hydrates with what the page shows: one language, no raw answers or option lists.
    const data = await client.get(`/compare.data?vendors=${vendors}`);
    expect(data.status).toBe(200);
    expect(data.body).toContain(JSON.stringify(differing.label.en).slice(1, -1).slice(0, 40));
    expect(data.body).not.toContain(JSON.stringify(differing.label.de).slice(1, -1).slice(0, 40));
    for (const raw of ['"answers"', '"options"', '"sectionKey"'])
      expect(data.body).not.toContain(raw);
  });

  it("canonicalises the picker's checkboxes into ?vendors=", async () => {
    const page = await client.get(`/compare?vendor=${first.vendor.id}&vendor=${second.vendor.id}`);
    expect(page.status).toBe(302);
    expect(page.location).toBe(
      `/compare?vendors=${encodeURIComponent(`${first.vendor.id},${second.vendor.id}`)}`,
    );
  });

  it("another organisation's vendor is 404 on the page and the export", async () => {
    expect(
      (await client.get(`/compare?vendors=${first.vendor.id},${foreign.vendor.id}`)).status,
    ).toBe(404);
    expect(
      (
        await client.get(
          `/compare/export?format=csv&vendors=${first.vendor.id},${foreign.vendor.id}`,
        )
      ).status,
    ).toBe(404);
    expect((await client.get(`/vendors/${foreign.vendor.id}/history`)).status).toBe(404);
  });

  it("exports CSV, XLSX, JSON and PDF with formulas neutralised", async () => {
    const query = `vendors=${first.vendor.id},${second.vendor.id}`;
    const csv = await client.get(`/compare/export?format=csv&${query}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.csv"/);
    expect(csv.body).toContain("'=SUM(A1:A9) Corp");
    expect(csv.body).not.toMatch(/(^|,)=SUM/m);
    const json = await client.get(`/compare/export?format=json&${query}`);
    const parsed = JSON.parse(json.body) as { rows: Record<string, unknown>[] };
    expect(parsed.rows.map((r) => r.Vendor)).toContain("'=SUM(A1:A9) Corp");
    const xlsx = await client.get(`/compare/export?format=xlsx&${query}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const pdf = await client.get(`/compare/export?format=pdf&${query}`);
    expect(pdf.status).toBe(200);
    expect(pdf.body.startsWith("%PDF-")).toBe(true);
    expect((await client.get(`/compare/export?format=exe&${query}`)).status).toBe(400);
  });

  it("shows a vendor's history with its table", async () => {
    const page = await client.get(`/vendors/${first.vendor.id}/history`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-testid="history-table"');
    expect(page.body).toContain(first.assessment.title);
  });
});
