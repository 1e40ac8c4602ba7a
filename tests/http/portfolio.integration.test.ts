import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PORTFOLIO_PAGE_SIZE } from "~/modules/portfolio/portfolio-query";
import { createVendor as createVendorThroughUseCase } from "~/modules/vendors/create-vendor.server";
import { foldForSearch, matchesSearch } from "~/modules/vendors/search-text";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
  type HttpResponse,
} from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";
import { seededVendorFacts, seedPortfolio } from "../support/portfolio-factories";
import { createTemplateVersionRecord, createUserActor } from "../support/vendor-factories";
import { decodeEntities, testIdText } from "./http-fixtures";
import { formatDate, formatNumber, labelKey, translate } from "~/utils/i18n";

/**
 * The portfolio page and its export over real HTTP, against the production build: filters, sort
 * and page in the URL, defaults for garbage, server-rendered rows (no JavaScript needed), tenancy,
 * login, and downloads that hold the same rows as the page with formulas neutralised.
 * Expectations are computed from seededVendorFacts(). Runs on SQLite and PostgreSQL.
 */
const VENDORS = 120; // more than two pages of PORTFOLIO_PAGE_SIZE
const FOREIGN_VENDORS = 30;
const FOREIGN_START = 5000; // the other organisation's names differ ("Über AI 05000")
const FORMULA_NAME = '=HYPERLINK("x")';
const CLOSED = ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED", "CANCELLED"];

/** What the page should show about one vendor of organisation A. */
interface Row {
  id: string;
  name: string;
  criticality: string;
  tags: string[];
  status: string | null;
  overall: number | null;
  tier: string | null;
  residency: string | null;
  dueDate: Date | null;
}

let app: AppServer;
let client: HttpClient; // a user of organisation A
let foreignClient: HttpClient; // a user of organisation B
let rows: Row[];
let foreignIds: Set<string>;

beforeAll(async () => {
  app = await startAppServer();
  const orgA = await createOrganization({ name: "Portfolio A" });
  const orgB = await createOrganization({ name: "Portfolio B" });
  const userA = await createUser({ organizationId: orgA.id, role: "AUDITOR" });
  const userB = await createUser({ organizationId: orgB.id, role: "AUDITOR" });
  const templateA = await createTemplateVersionRecord({ organizationId: orgA.id });
  const templateB = await createTemplateVersionRecord({ organizationId: orgB.id });
  const seededA = await seedPortfolio({
    organizationId: orgA.id,
    createdById: userA.user.id,
    templateVersionId: templateA.id,
    vendors: VENDORS,
    assessmentsPerVendor: 2,
  });
  const seededB = await seedPortfolio({
    organizationId: orgB.id,
    createdById: userB.user.id,
    templateVersionId: templateB.id,
    vendors: FOREIGN_VENDORS,
    assessmentsPerVendor: 1,
    startIndex: FOREIGN_START,
  });
  foreignIds = new Set(seededB.vendorIds);
  rows = seededA.vendorIds.map((id, i) => {
    const f = seededVendorFacts(i);
    return {
      id,
      name: f.name,
      criticality: f.criticality,
      tags: f.tags,
      status: f.status,
      overall: f.overall,
      tier: f.tier,
      residency: f.residencyClass,
      dueDate: f.dueDate,
    };
  });
  // A vendor whose name a spreadsheet would run as a formula, made through the use case.
  const assessor = await createUserActor(orgA, "ASSESSOR");
  const formula = await createVendorThroughUseCase({
    actor: assessor,
    input: { name: FORMULA_NAME, criticality: "HIGH", tags: "strategic" },
  });
  rows.push({
    id: formula.id,
    name: FORMULA_NAME,
    criticality: "HIGH",
    tags: ["strategic"],
    status: null,
    overall: null,
    tier: null,
    residency: null,
    dueDate: null,
  });

  client = createClient(app.baseUrl, { headers: { "Accept-Language": "en" } });
  await client.login(userA.user.email, userA.password);
  foreignClient = createClient(app.baseUrl, { headers: { "Accept-Language": "en" } });
  await foreignClient.login(userB.user.email, userB.password);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

// ---------------------------------------------------------------------------------------------
// Expectations and page parsing

const byName = (a: Row, b: Row) =>
  compare(foldForSearch(a.name), foldForSearch(b.name)) || compare(a.id, b.id);
const byScore = (a: Row, b: Row) => (b.overall ?? -1) - (a.overall ?? -1) || byName(a, b);
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function expected(predicate: (row: Row) => boolean, order = byName): Row[] {
  return rows.filter(predicate).sort(order);
}

function isOverdue(row: Row, now: number): boolean {
  return row.dueDate !== null && row.dueDate.getTime() < now && !CLOSED.includes(row.status ?? "");
}

/** The vendor ids of the page's table rows, in order. */
function rowIds(html: string): string[] {
  return html
    .split('data-testid="portfolio-row"')
    .slice(1)
    .map((chunk) => /href="\/vendors\/([^"/?]+)"/.exec(chunk)?.[1] ?? "(no vendor link)");
}

function resultCount(html: string): string | null {
  return testIdText(html, "portfolio-count");
}

/** The href of the pagination link with rel="prev" / rel="next", decoded. */
function pageLink(html: string, rel: "prev" | "next"): string | null {
  const tag = new RegExp(`<a[^>]*rel="${rel}"[^>]*>`).exec(html)?.[0];
  const href = tag ? /href="([^"]*)"/.exec(tag)?.[1] : undefined;
  return href === undefined ? null : decodeEntities(href);
}

async function page(path: string): Promise<HttpResponse> {
  const response = await client.get(path);
  expect(response.status, `${path}: ${response.body.slice(0, 300)}`).toBe(200);
  return response;
}

/** Asserts that `path` shows exactly `want` (first page of it) and says how many there are. */
async function expectPage(path: string, want: Row[]): Promise<string> {
  const { body } = await page(path);
  expect(rowIds(body)).toEqual(want.slice(0, PORTFOLIO_PAGE_SIZE).map((row) => row.id));
  expect(resultCount(body)).toBe(`${want.length} vendors`);
  return body;
}

/** A download with the client's session, as bytes (the test client reads bodies as text). */
async function download(path: string): Promise<Response> {
  const cookie = [...client.cookies()].map(([name, value]) => `${name}=${value}`).join("; ");
  return fetch(new URL(path, app.baseUrl), {
    headers: { Cookie: cookie, "Accept-Language": "en" },
  });
}

/** RFC 4180 CSV (quoted fields with "" inside, CRLF row ends) → rows of fields. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const next = text[i + 1];
    if (quoted) {
      if (char === '"' && next === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && next === "\n") {
      row.push(field);
      out.push(row);
      row = [];
      field = "";
      i += 2;
      continue;
    } else {
      field += char;
    }
    i += 1;
  }
  if (field || row.length > 0) {
    row.push(field);
    out.push(row);
  }
  return out;
}

/** A cell as the exports write it: text a spreadsheet would run gets a leading apostrophe. */
const neutralised = (name: string) => (/^[=+\-@\t\r]/.test(name) ? `'${name}` : name);

// ---------------------------------------------------------------------------------------------

describe("the portfolio page over HTTP", () => {
  it("renders the table rows on the server, with a GET filter form (works without JavaScript)", async () => {
    const { body, headers } = await page("/portfolio");
    expect(headers.get("content-type")).toContain("text/html");
    expect(body).toContain('data-testid="portfolio-table"');
    expect(rowIds(body)).toHaveLength(PORTFOLIO_PAGE_SIZE);
    expect(resultCount(body)).toBe(`${rows.length} vendors`);
    expect(body).toMatch(/<form[^>]*method="get"[^>]*>/);
    for (const name of [
      "q",
      "tier",
      "status",
      "criticality",
      "residency",
      "tag",
      "sort",
      "dir",
      "overdue",
    ]) {
      expect(body, `filter field ${name}`).toContain(`name="${name}"`);
    }
    // The first row by name is the formula vendor ("=" sorts before letters), its name escaped.
    expect(body).toContain(`>${expected(() => true)[0]!.name.replace(/"/g, "&quot;")}</a>`);
  });

  it.each([
    ["tier=high", (row: Row) => row.tier === "high"],
    ["tier=none", (row: Row) => row.tier === null],
    ["status=SUBMITTED", (row: Row) => row.status === "SUBMITTED"],
    ["criticality=CRITICAL", (row: Row) => row.criticality === "CRITICAL"],
    ["criticality=HIGH", (row: Row) => row.criticality === "HIGH"],
    ["residency=adequacy", (row: Row) => row.residency === "adequacy"],
    ["tag=strategic", (row: Row) => row.tags.includes("strategic")],
    [
      "tier=medium&criticality=LOW",
      (row: Row) => row.tier === "medium" && row.criticality === "LOW",
    ],
    [
      "status=DRAFT&residency=eu_eea&tag=strategic",
      (row: Row) =>
        row.status === "DRAFT" && row.residency === "eu_eea" && row.tags.includes("strategic"),
    ],
  ])("filters ?%s to exactly the matching rows", async (search, predicate) => {
    const want = expected(predicate);
    expect(want.length).toBeGreaterThan(0);
    await expectPage(`/portfolio?${search}`, want);
  });

  it("shows each row's facts in the reader's language, and sends the rows as the page shows them (issue 12)", async () => {
    const best = expected((row) => row.overall !== null, byScore)[0]!;
    const { body } = await page("/portfolio?sort=score");
    const cells = body.split('data-testid="portfolio-row"')[1]!.split("</tr>")[0]!;
    expect(cells).toContain(`href="/vendors/${best.id}"`);
    expect(cells).toContain(`>${formatNumber("en", best.overall, 1)}</a>`);
    expect(cells).toContain(`>${translate("en", labelKey("assessments.tier", best.tier)!)}</span>`);
    expect(cells).toContain(
      `data-status="${best.status}">${translate("en", labelKey("assessments.status", best.status)!)}</span>`,
    );
    expect(cells).toContain(`>${best.dueDate ? formatDate("en", best.dueDate) : "–"}`);
    // The loader's data (what the browser hydrates with) holds the row's view model, in the same
    // words, and not the stored columns the page never shows.
    const data = await client.get("/portfolio.data?sort=score");
    expect(data.status).toBe(200);
    expect(data.body).toContain('"scoreHref"');
    expect(data.body).toContain(`"${formatNumber("en", best.overall, 1)}"`);
    for (const stored of [
      "latestAssessmentId",
      "openFindings",
      "certificateExpiry",
      "residencyClass",
    ])
      expect(data.body).not.toContain(`"${stored}"`);
  });

  it("filters ?overdue=1 by the server's clock", async () => {
    const before = Date.now();
    const { body } = await page("/portfolio?overdue=1");
    const after = Date.now();
    // Due dates end at 23:59:59Z: the set is the same at both ends unless a day ends in between.
    const want = expected((row) => isOverdue(row, before));
    expect(expected((row) => isOverdue(row, after)).map((row) => row.id)).toEqual(
      want.map((row) => row.id),
    );
    expect(rowIds(body)).toEqual(want.slice(0, PORTFOLIO_PAGE_SIZE).map((row) => row.id));
    expect(resultCount(body)).toBe(`${want.length} vendors`);
  });

  it.each([
    "Über",
    "über ai",
    "UBER",
    "Straße",
    "strasse",
    "STRASSE SYSTEMS 00001",
    "Ångström",
    "hyperlink",
    "no such vendor",
  ])("searches ?q=%s with case, umlauts and ß folded", async (q) => {
    const want = expected((row) => matchesSearch(row.name, q));
    await expectPage(`/portfolio?q=${encodeURIComponent(q)}`, want);
  });

  it("reads a search typed into the form (application/x-www-form-urlencoded: + for spaces)", async () => {
    const want = expected((row) => matchesSearch(row.name, "straße systems"));
    expect(want.length).toBeGreaterThan(0);
    await expectPage("/portfolio?q=Stra%C3%9Fe+Systems&tier=&status=&sort=name&dir=", want);
  });

  it("sorts by score, best first, unscored last", async () => {
    const want = expected(() => true, byScore);
    const body = await expectPage("/portfolio?sort=score", want);
    const best = Math.max(...rows.flatMap((row) => (row.overall === null ? [] : [row.overall])));
    expect(rowIds(body)[0]).toBe(rows.find((row) => row.overall === best)!.id);
    await expectPage("/portfolio?sort=score&dir=desc", want);
    const ascending = await page("/portfolio?sort=score&dir=asc");
    const lowest = Math.min(...rows.flatMap((row) => (row.overall === null ? [] : [row.overall])));
    expect(rowIds(ascending.body)[0]).toBe(rows.find((row) => row.overall === lowest)!.id);
  });

  it("pages: page 2 holds the next rows and links back to page 1 with the same view", async () => {
    const all = expected(() => true);
    const first = await page("/portfolio");
    expect(pageLink(first.body, "prev")).toBeNull();
    expect(pageLink(first.body, "next")).toBe("/portfolio?page=2");

    const second = await page("/portfolio?page=2");
    expect(rowIds(second.body)).toEqual(
      all.slice(PORTFOLIO_PAGE_SIZE, 2 * PORTFOLIO_PAGE_SIZE).map((row) => row.id),
    );
    expect(pageLink(second.body, "prev")).toBe("/portfolio");
    expect(pageLink(second.body, "next")).toBe("/portfolio?page=3");
    expect(second.body).toContain(">Previous<");
    expect(second.body).toContain("Page 2 of 3");

    const third = await page("/portfolio?page=3");
    expect(rowIds(third.body)).toEqual(all.slice(2 * PORTFOLIO_PAGE_SIZE).map((row) => row.id));
    expect(pageLink(third.body, "next")).toBeNull();

    // The sort stays in the page links.
    const scored = expected(() => true, byScore);
    const secondByScore = await page("/portfolio?sort=score&page=2");
    expect(rowIds(secondByScore.body)).toEqual(
      scored.slice(PORTFOLIO_PAGE_SIZE, 2 * PORTFOLIO_PAGE_SIZE).map((row) => row.id),
    );
    expect(pageLink(secondByScore.body, "prev")).toBe("/portfolio?sort=score");
  });

  it.each([
    "tier=xyz&page=-3&sort=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "status=NOPE&criticality=lower&residency=mars&overdue=yes&dir=sideways&page=abc",
    "page=99999999999999999999&sort=score%27%20OR%201%3D1--",
    "tier=&tag=&q=",
    "q=%25&tag=%25",
    "tier=low&tier=high&page=1e3",
  ])("answers garbage parameters (%s) with 200 and the defaults, never 500", async (search) => {
    const response = await client.get(`/portfolio?${search}`);
    expect(response.status).toBe(200);
    expect(response.body).not.toContain("<script>alert(1)");
    expect(resultCount(response.body)).toMatch(/^\d+ vendors$/);
  });

  it("treats ?tier=xyz&page=-3&sort=<script> exactly like the default view", async () => {
    await expectPage(
      "/portfolio?tier=xyz&page=-3&sort=%3Cscript%3E",
      expected(() => true),
    );
  });

  it("never shows another organisation's vendors", async () => {
    for (const path of [
      "/portfolio",
      "/portfolio?page=2",
      "/portfolio?page=3",
      "/portfolio?q=uber",
      "/portfolio?tag=strategic&sort=score",
    ]) {
      const { body } = await page(path);
      expect(rowIds(body).filter((id) => foreignIds.has(id))).toEqual([]);
      expect(body).not.toMatch(/ 05\d{3}</); // names of B's vendors end in 05000…05029
    }
    // B sees its own vendors only.
    const foreign = await foreignClient.get("/portfolio");
    expect(foreign.status).toBe(200);
    expect(resultCount(foreign.body)).toBe(`${FOREIGN_VENDORS} vendors`);
    expect(rowIds(foreign.body).every((id) => foreignIds.has(id))).toBe(true);
  });

  it("redirects a request without a session to the login", async () => {
    const anonymous = createClient(app.baseUrl);
    for (const path of ["/portfolio?tag=strategic", "/portfolio/export?format=csv"]) {
      const response = await anonymous.get(path);
      expect(response.status).toBe(302);
      expect(response.location).toMatch(/^\/login(\?|$)/);
      expect(response.body).not.toContain("strategic</");
    }
  });
});

describe("the portfolio export over HTTP", () => {
  const VIEW = "tag=strategic&sort=score";

  it("CSV, XLSX and JSON hold the same rows as the page, as attachments, with formulas neutralised", async () => {
    const want = expected((row) => row.tags.includes("strategic"), byScore);
    expect(want.length).toBeLessThanOrEqual(PORTFOLIO_PAGE_SIZE);
    expect(want.map((row) => row.name)).toContain(FORMULA_NAME);
    const pageIds = rowIds((await page(`/portfolio?${VIEW}`)).body);
    expect(pageIds).toEqual(want.map((row) => row.id));
    const names = pageIds.map((id) => neutralised(rows.find((row) => row.id === id)!.name));

    const csv = await client.get(`/portfolio/export?format=csv&${VIEW}&page=2`); // the page does not limit an export
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(
      /^attachment; filename="portfolio-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const table = parseCsv(csv.body.replace(/^\uFEFF/, ""));
    expect(table[0]![0]).toBe("Vendor");
    expect(table.slice(1).map((line) => line[0])).toEqual(names);
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
    expect(table.flat().some((cell) => cell.startsWith("="))).toBe(false);

    const json = await client.get(`/portfolio/export?format=json&${VIEW}`);
    expect(json.status).toBe(200);
    expect(json.headers.get("content-disposition")).toMatch(
      /^attachment; filename="portfolio-.+\.json"$/,
    );
    const parsed = JSON.parse(json.body) as {
      total: number;
      filters: Record<string, string>;
      rows: Record<string, unknown>[];
    };
    expect(parsed.total).toBe(want.length);
    expect(parsed.filters).toEqual({ tag: "strategic", sort: "score" });
    expect(parsed.rows.map((row) => row.Vendor)).toEqual(names);
    expect(parsed.rows.find((row) => row.Vendor === `'${FORMULA_NAME}`)).toMatchObject({
      Tags: "strategic",
      "Latest score": null,
    });

    const xlsx = await download(`/portfolio/export?format=xlsx&${VIEW}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect(xlsx.headers.get("content-disposition")).toMatch(
      /^attachment; filename="portfolio-.+\.xlsx"$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const column = sheet.getColumn(1).values.slice(2); // [empty, header, …rows]
    expect(column).toEqual(names);
    const cell = sheet.getRow(names.indexOf(`'${FORMULA_NAME}`) + 2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String); // text, not a formula
    expect(cell.value).toBe(`'${FORMULA_NAME}`);
  });

  it("exports every row of a filtered view of several pages, and only the organisation's own", async () => {
    const want = expected((row) => matchesSearch(row.name, "über"));
    const json = JSON.parse(
      (await client.get("/portfolio/export?format=json&q=%C3%BCber")).body,
    ) as { total: number; rows: { Vendor: string }[] };
    expect(json.total).toBe(want.length);
    expect(json.rows.map((row) => row.Vendor)).toEqual(want.map((row) => row.name));

    const all = JSON.parse((await client.get("/portfolio/export?format=json")).body) as {
      total: number;
      rows: { Vendor: string }[];
    };
    expect(all.total).toBe(rows.length);
    expect(all.rows).toHaveLength(rows.length);
    expect(all.rows.some((row) => / 05\d{3}$/.test(row.Vendor))).toBe(false);
    expect(
      parseCsv((await client.get("/portfolio/export")).body.replace(/^\uFEFF/, "")).length,
    ).toBe(rows.length + 1); // csv by default
  });

  it("refuses an unknown format with a clear 400", async () => {
    for (const format of ["exe", "CSV", "", "pdf"]) {
      const response = await client.get(`/portfolio/export?format=${format}&${VIEW}`);
      expect(response.status, format).toBe(400);
      expect(response.headers.get("content-type")).toContain("text/plain");
      expect(response.headers.get("content-disposition")).toBeNull();
      expect(response.body).toBe("Unknown export format: use csv, xlsx, json.");
    }
  });
});
