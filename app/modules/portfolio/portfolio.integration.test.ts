import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "~/modules/auth/actor";
import { startAssessment } from "~/modules/assessments/start-assessment.server";
import { createVendor } from "~/modules/vendors/create-vendor.server";
import { foldForSearch } from "~/modules/vendors/search-text";
import { updateVendor } from "~/modules/vendors/update-vendor.server";
import type { Prisma } from "~/generated/sqlite/client";
import { db } from "~/utils/db.server";
import { containsLiteral } from "~/utils/like-pattern.server";
import { inTransaction } from "~/utils/transaction.server";
import { createOrganization } from "../../../tests/support/factories";
import {
  seededVendorFacts,
  seedPortfolio,
  type SeededVendorFacts,
} from "../../../tests/support/portfolio-factories";
import {
  createTemplateVersionRecord,
  createUserActor,
} from "../../../tests/support/vendor-factories";
import { backfillPortfolio } from "./backfill-portfolio.server";
import { listPortfolio } from "./list-portfolio.server";
import { exportPortfolio } from "./portfolio-export.server";
import { parsePortfolioParams, PORTFOLIO_PAGE_SIZE, type PortfolioQuery } from "./portfolio-query";
import { refreshVendorPortfolio, TIER_RANK } from "./refresh-vendor-portfolio.server";

/** Runs on SQLite (sqlite project) and on a real PostgreSQL (postgres project). */

const BIG = 10_000;
const SMALL = 23;
const NOW = new Date("2026-07-15T12:00:00Z");
const CLOSED = ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED", "CANCELLED"];

let big: UserActor; // 10,000 vendors, 3 assessments each
let small: UserActor; // 23 vendors of another organisation (same names, other facts irrelevant)
let own: UserActor; // vendors made through the use cases
let bigVendorIds: string[];
let templateVersionId: string;

const facts: SeededVendorFacts[] = Array.from({ length: BIG }, (_, i) => seededVendorFacts(i));

function query(search: string) {
  return parsePortfolioParams(new URLSearchParams(search));
}
function matching(predicate: (f: SeededVendorFacts) => boolean): SeededVendorFacts[] {
  return facts.filter(predicate);
}
function searchMatches(name: string, q: string): boolean {
  const text = foldForSearch(name);
  return foldForSearch(q)
    .split(" ")
    .filter(Boolean)
    .every((word) => text.includes(word));
}

beforeAll(async () => {
  const orgBig = await createOrganization();
  const orgSmall = await createOrganization();
  const orgOwn = await createOrganization();
  big = await createUserActor(orgBig, "ASSESSOR");
  small = await createUserActor(orgSmall, "ASSESSOR");
  own = await createUserActor(orgOwn, "ASSESSOR");
  templateVersionId = (await createTemplateVersionRecord({ organizationId: orgBig.id })).id;
  ({ vendorIds: bigVendorIds } = await seedPortfolio({
    organizationId: orgBig.id,
    createdById: big.userId,
    templateVersionId,
    vendors: BIG,
    assessmentsPerVendor: 3,
  }));
  const smallTemplate = await createTemplateVersionRecord({ organizationId: orgSmall.id });
  await seedPortfolio({
    organizationId: orgSmall.id,
    createdById: small.userId,
    templateVersionId: smallTemplate.id,
    vendors: SMALL,
    assessmentsPerVendor: 1,
  });
}, 240_000);

describe("the 10,000-vendor portfolio (seeded by the factory)", () => {
  it("counts and pages every vendor once", async () => {
    const first = await listPortfolio(big, { query: query(""), now: NOW });
    expect(first.total).toBe(BIG);
    expect(first.pageCount).toBe(BIG / PORTFOLIO_PAGE_SIZE);
    expect(first.items).toHaveLength(PORTFOLIO_PAGE_SIZE);
    const second = await listPortfolio(big, { query: query("page=2"), now: NOW });
    const firstIds = new Set(first.items.map((r) => r.id));
    expect(second.items.some((r) => firstIds.has(r.id))).toBe(false);
    const last = await listPortfolio(big, {
      query: query(`page=${BIG / PORTFOLIO_PAGE_SIZE}`),
      now: NOW,
    });
    expect(last.items).toHaveLength(PORTFOLIO_PAGE_SIZE);
    // A page past the end shows the last page.
    const past = await listPortfolio(big, { query: query("page=999999"), now: NOW });
    expect(past.page).toBe(BIG / PORTFOLIO_PAGE_SIZE);
    expect(past.items.map((r) => r.id)).toEqual(last.items.map((r) => r.id));
  });

  it("sorts by name (folded), by default ascending", async () => {
    const expected = [...facts].sort((a, b) =>
      foldForSearch(a.name) < foldForSearch(b.name) ? -1 : 1,
    );
    const page3 = await listPortfolio(big, { query: query("page=3"), now: NOW });
    expect(page3.items.map((r) => r.name)).toEqual(expected.slice(100, 150).map((f) => f.name));
    const desc = await listPortfolio(big, { query: query("dir=desc"), now: NOW });
    expect(desc.items[0]!.name).toBe(expected.at(-1)!.name);
  });

  it("sorts by score (best first, unscored last), tier, due date and transparency", async () => {
    const byScore = [...facts].sort(
      (a, b) =>
        (b.overall ?? -1) - (a.overall ?? -1) ||
        (foldForSearch(a.name) < foldForSearch(b.name) ? -1 : 1),
    );
    const score = await listPortfolio(big, { query: query("sort=score"), now: NOW });
    expect(score.items.map((r) => r.name)).toEqual(byScore.slice(0, 50).map((f) => f.name));
    const lastScorePage = await listPortfolio(big, {
      query: query("sort=score&page=200"),
      now: NOW,
    });
    expect(lastScorePage.items.every((r) => r.overall === null)).toBe(true);
    const ascending = await listPortfolio(big, { query: query("sort=score&dir=asc"), now: NOW });
    expect(ascending.items[0]!.overall).toBe(
      Math.min(...facts.flatMap((f) => (f.overall === null ? [] : [f.overall]))),
    );

    const tier = await listPortfolio(big, { query: query("sort=tier&dir=desc"), now: NOW });
    expect(tier.items.every((r) => r.tier === "critical")).toBe(true);
    const due = await listPortfolio(big, { query: query("sort=due"), now: NOW });
    const earliest = Math.min(...facts.map((f) => f.dueDate.getTime()));
    expect(
      due.items.every((r) => r.dueDate === new Date(earliest).toISOString().slice(0, 10)),
    ).toBe(true);
    const transparency = await listPortfolio(big, { query: query("sort=transparency"), now: NOW });
    expect(transparency.items.every((r) => r.transparency === 100)).toBe(true);
  });

  it.each([
    ["tier=high", (f: SeededVendorFacts) => f.tier === "high"],
    ["tier=none", (f: SeededVendorFacts) => f.tier === null],
    ["status=SUBMITTED", (f: SeededVendorFacts) => f.status === "SUBMITTED"],
    ["criticality=CRITICAL", (f: SeededVendorFacts) => f.criticality === "CRITICAL"],
    ["residency=adequacy", (f: SeededVendorFacts) => f.residencyClass === "adequacy"],
    ["tag=strategic", (f: SeededVendorFacts) => f.tags.includes("strategic")],
    ["overdue=1", (f: SeededVendorFacts) => f.dueDate < NOW && !CLOSED.includes(f.status)],
    [
      "tier=medium&criticality=LOW&overdue=1",
      (f: SeededVendorFacts) =>
        f.tier === "medium" &&
        f.criticality === "LOW" &&
        f.dueDate < NOW &&
        !CLOSED.includes(f.status),
    ],
    ["tier=bogus&status=NOPE&sort=evil", () => true],
  ])("filters %s", async (search, predicate) => {
    const result = await listPortfolio(big, { query: query(search), now: NOW });
    const expected = matching(predicate);
    expect(expected.length).toBeGreaterThan(0);
    expect(result.total).toBe(expected.length);
    const expectedNames = new Set(expected.map((f) => f.name));
    expect(result.items.every((r) => expectedNames.has(r.name))).toBe(true);
  });

  it.each([
    "uber",
    "ÜBER",
    "über ai",
    "strasse",
    "Straße 0004",
    "angstrom",
    "ÅNGSTRÖM 0001",
    "acme 9999",
    "nothing-like-this",
  ])("searches %j with case and accents folded", async (q) => {
    const result = await listPortfolio(big, {
      query: query(`q=${encodeURIComponent(q)}`),
      now: NOW,
    });
    expect(result.total).toBe(matching((f) => searchMatches(f.name, q)).length);
  });

  it("shows the facts of the latest assessment", async () => {
    const result = await listPortfolio(big, { query: query("q=zeta cloud 00034"), now: NOW });
    expect(result.items).toHaveLength(1);
    const f = facts[34]!;
    expect(result.items[0]).toMatchObject({
      name: f.name,
      criticality: f.criticality,
      status: f.status,
      overall: f.overall,
      tier: f.tier,
      transparency: f.transparency,
      residencyClass: f.residencyClass,
      dueDate: f.dueDate.toISOString().slice(0, 10),
      certificateExpiry: null,
      openFindings: 0,
      overdue: f.dueDate < NOW && !CLOSED.includes(f.status),
    });
  });

  it("the factory writes what refreshVendorPortfolio() computes", async () => {
    const sample = [0, 1, 4, 6, 7, 12, 34, 60, 99, 4321];
    const columns = {
      searchName: true,
      latestAssessmentId: true,
      latestProductName: true,
      latestStatus: true,
      latestOverall: true,
      latestTierRank: true,
      latestTransparency: true,
      latestResidencyClass: true,
      latestDueDate: true,
      certificateExpiry: true,
      openFindings: true,
    } as const;
    const ids = sample.map((i) => bigVendorIds[i]!);
    const before = await db().vendor.findMany({
      where: { id: { in: ids } },
      select: { id: true, ...columns },
      orderBy: { id: "asc" },
    });
    await inTransaction(async (tx) => {
      for (const id of ids) await refreshVendorPortfolio(tx, big.organizationId, id);
    });
    const after = await db().vendor.findMany({
      where: { id: { in: ids } },
      select: { id: true, ...columns },
      orderBy: { id: "asc" },
    });
    expect(after).toEqual(before);
    expect(before.find((v) => v.id === bigVendorIds[0])).toMatchObject({
      openFindings: 1,
      latestTierRank: null,
    });
    expect(before.find((v) => v.id === bigVendorIds[4])?.certificateExpiry?.toISOString()).toBe(
      "2027-05-15T00:00:00.000Z",
    );
    expect(before.find((v) => v.id === bigVendorIds[1])?.latestTierRank).toBe(
      TIER_RANK[facts[1]!.tier!],
    );
  });
});

describe("one plain SQL query per page (issue 12)", () => {
  /** The query-builder query that listPortfolio ran before: the reference for ids and order. */
  async function referenceIds(actor: UserActor, q: PortfolioQuery, pageSize: number | null) {
    const and: Prisma.VendorWhereInput[] = foldForSearch(q.q)
      .split(" ")
      .filter(Boolean)
      .map((word) => ({ searchName: { contains: word } }));
    if (q.tier === "none") and.push({ latestTierRank: null });
    else if (q.tier) and.push({ latestTierRank: TIER_RANK[q.tier] });
    if (q.status) and.push({ latestStatus: q.status });
    if (q.criticality) and.push({ criticality: q.criticality });
    if (q.residency) and.push({ latestResidencyClass: q.residency });
    if (q.overdue) and.push({ latestDueDate: { lt: NOW }, latestStatus: { notIn: CLOSED } });
    if (q.tag) and.push({ tags: { contains: containsLiteral(JSON.stringify(q.tag)) } });
    const where: Prisma.VendorWhereInput = {
      organizationId: actor.organizationId,
      archivedAt: null,
      AND: and,
    };
    const dir = q.dir ?? (q.sort === "score" || q.sort === "transparency" ? "desc" : "asc");
    const column = {
      score: "latestOverall",
      tier: "latestTierRank",
      due: "latestDueDate",
      transparency: "latestTransparency",
    } as const;
    const orderBy: Prisma.VendorOrderByWithRelationInput[] =
      q.sort === "name" ? [] : [{ [column[q.sort]]: { sort: dir, nulls: "last" } }];
    const nameDir = q.sort === "name" ? dir : "asc";
    orderBy.push({ searchName: nameDir }, { id: nameDir });
    const total = await db().vendor.count({ where });
    const pageCount = pageSize ? Math.max(1, Math.ceil(total / pageSize)) : 1;
    const page = pageSize ? Math.min(q.page, pageCount) : 1;
    const rows = await db().vendor.findMany({
      where,
      orderBy,
      ...(pageSize ? { skip: (page - 1) * pageSize, take: pageSize } : {}),
      select: { id: true },
    });
    return { total, ids: rows.map((r) => r.id) };
  }

  it.each([
    "",
    "dir=desc&page=7",
    "sort=score",
    "sort=score&page=200",
    "sort=score&dir=asc&page=3",
    "sort=tier&dir=desc&page=2",
    "sort=tier&page=150",
    "sort=due&page=4",
    "sort=due&dir=desc",
    "sort=transparency&page=9",
    "sort=transparency&dir=asc",
    "criticality=HIGH&sort=score",
    "criticality=HIGH&sort=score&page=12",
    "tier=none&sort=due",
    "tier=high&status=SUBMITTED&sort=name&dir=desc",
    "residency=adequacy&sort=transparency&page=2",
    "overdue=1&sort=due&dir=desc&page=3",
    "tier=medium&criticality=LOW&overdue=1&sort=score",
    "tag=strategic&sort=score&page=2",
    "q=uber&sort=tier&page=5",
    "q=strasse 00&sort=score",
    "q=%C3%85NGSTR%C3%96M 0001",
  ])("%j gives exactly the ids, order and count of the query it replaced", async (search) => {
    const q = query(search);
    const reference = await referenceIds(big, q, PORTFOLIO_PAGE_SIZE);
    const result = await listPortfolio(big, { query: q, now: NOW });
    expect(reference.ids.length).toBeGreaterThan(0);
    expect(result.total).toBe(reference.total);
    expect(result.items.map((r) => r.id)).toEqual(reference.ids);
  });

  it("gives every row of a view in the same order without pages (exports)", async () => {
    const q = query("criticality=CRITICAL&sort=score&dir=asc");
    const reference = await referenceIds(big, q, null);
    const result = await listPortfolio(big, { query: q, pageSize: null, now: NOW });
    expect(result.items.map((r) => r.id)).toEqual(reference.ids);
    expect(result.items).toHaveLength(matching((f) => f.criticality === "CRITICAL").length);
  });

  it("searches % and _ literally on both databases", async () => {
    const org = await createOrganization();
    const actor = await createUserActor(org, "ASSESSOR");
    for (const name of ["Rabatt 50% KI", "Rabatt 500 KI", "A_B Labs", "AxB Labs"]) {
      await createVendor({ actor, input: { name, criticality: "LOW" } });
    }
    const names = async (search: string) =>
      (await listPortfolio(actor, { query: query(search), now: NOW })).items.map((r) => r.name);
    expect(await names("q=50%25")).toEqual(["Rabatt 50% KI"]);
    expect(await names("q=a_b")).toEqual(["A_B Labs"]);
    expect(await names("q=rabatt")).toEqual(["Rabatt 50% KI", "Rabatt 500 KI"]);
  });
});

describe("tenancy", () => {
  it("another organisation sees only its own vendors, with the same filters", async () => {
    const all = await listPortfolio(small, { query: query(""), now: NOW });
    expect(all.total).toBe(SMALL);
    const bigIds = new Set(bigVendorIds);
    expect(all.items.some((r) => bigIds.has(r.id))).toBe(false);
    const uber = await listPortfolio(small, { query: query("q=uber"), now: NOW });
    expect(uber.total).toBe(
      facts.slice(0, SMALL).filter((f) => searchMatches(f.name, "uber")).length,
    );
  });
});

describe("kept current by the use cases", () => {
  it("createVendor and updateVendor store the folded name; startAssessment sets the latest facts", async () => {
    const created = await createVendor({
      actor: own,
      input: { name: "Über Intelligenz GmbH", criticality: "HIGH" },
    });
    let rows = await listPortfolio(own, { query: query("q=uber intelligenz"), now: NOW });
    expect(rows.items.map((r) => r.id)).toEqual([created.id]);
    expect(rows.items[0]).toMatchObject({ status: null, overall: null, openFindings: 0 });

    await updateVendor({
      actor: own,
      input: {
        vendorId: created.id,
        version: created.version,
        name: "Öko Straße AI",
        criticality: "HIGH",
      },
    });
    expect((await listPortfolio(own, { query: query("q=uber"), now: NOW })).total).toBe(0);
    expect((await listPortfolio(own, { query: query("q=oko strasse"), now: NOW })).total).toBe(1);

    const template = await createTemplateVersionRecord({ organizationId: own.organizationId });
    await startAssessment(own, {
      vendorId: created.id,
      templateVersionId: template.id,
      title: "Q3 review",
      dueDate: "2026-07-01",
    });
    rows = await listPortfolio(own, { query: query("status=DRAFT&overdue=1"), now: NOW });
    expect(rows.items).toHaveLength(1);
    expect(rows.items[0]).toMatchObject({ status: "DRAFT", dueDate: "2026-07-01", overdue: true });
  });

  it("the boot backfill fills vendors written without portfolio columns", async () => {
    const org = await createOrganization();
    const actor = await createUserActor(org, "ASSESSOR");
    await db().vendor.create({
      data: { organizationId: org.id, name: "Ärzte Daten KI", criticality: "LOW" },
    });
    expect((await listPortfolio(actor, { query: query("q=arzte"), now: NOW })).total).toBe(0);
    expect(await backfillPortfolio()).toBeGreaterThanOrEqual(1);
    expect((await listPortfolio(actor, { query: query("q=arzte"), now: NOW })).total).toBe(1);
  });
});

describe("exports of the current view", () => {
  it("CSV in German with the view's filters, every page, formulas neutralised", async () => {
    await createVendor({
      actor: own,
      input: { name: '=HYPERLINK("http://evil.test","klick")', criticality: "LOW" },
    });
    const response = await exportPortfolio(own, {
      query: query("criticality=LOW&page=1"),
      format: "csv",
      locale: "de",
      now: NOW,
    });
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="portfolio-2026-07-15.csv"',
    );
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte order mark
    const lines = new TextDecoder().decode(bytes).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^Anbieter,Produkt,Kritikalität,Letzte Punktzahl,/);
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.test"",""klick""\)",/);
  });

  it("XLSX and JSON hold the same rows as the page, all pages", async () => {
    const view = "tag=strategic&sort=score&page=3";
    const expectedCount = matching((f) => f.tags.includes("strategic")).length;
    const firstPage = await listPortfolio(big, {
      query: query("tag=strategic&sort=score"),
      now: NOW,
    });

    const xlsx = await exportPortfolio(big, {
      query: query(view),
      format: "xlsx",
      locale: "en",
      now: NOW,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Portfolio")!;
    expect(sheet.rowCount).toBe(expectedCount + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe("Vendor");
    expect(sheet.getRow(2).getCell(1).value).toBe(firstPage.items[0]!.name);
    expect(sheet.getRow(2).getCell(4).value).toBe(firstPage.items[0]!.overall);

    const json = (await (
      await exportPortfolio(big, { query: query(view), format: "json", locale: "en", now: NOW })
    ).json()) as {
      total: number;
      filters: Record<string, string>;
      rows: Record<string, unknown>[];
    };
    expect(json.total).toBe(expectedCount);
    expect(json.filters).toEqual({ tag: "strategic", sort: "score" });
    expect(json.rows).toHaveLength(expectedCount);
    expect(json.rows[0]).toMatchObject({
      Vendor: firstPage.items[0]!.name,
      "Latest score": firstPage.items[0]!.overall,
    });
  });
});
