import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/modules/audit/verify-audit-chain.server";
import type { UserActor } from "~/modules/auth/actor";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import {
  createOrganization,
  createVendor as createVendorRecord,
} from "../../../tests/support/factories";
import {
  createAssessmentRecord,
  createProductRecord,
  createTemplateVersionRecord,
  createUserActor,
} from "../../../tests/support/vendor-factories";
import { archiveVendor, unarchiveVendor } from "./archive-vendor.server";
import { createProduct } from "./create-product.server";
import { createVendor } from "./create-vendor.server";
import { deleteProduct } from "./delete-product.server";
import { deleteVendor } from "./delete-vendor.server";
import { getVendor } from "./get-vendor.server";
import { listVendors, VENDORS_PAGE_SIZE } from "./list-vendors.server";
import { updateProduct } from "./update-product.server";
import { updateVendor } from "./update-vendor.server";
import type { Criticality } from "./vendor-schemas";

/** Runs on SQLite (sqlite project) and on a real PostgreSQL (postgres project). */

async function expectDomainError(
  promise: Promise<unknown>,
  code: DomainError["code"],
): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected DomainError ${code}`).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

async function eventsOf(organizationId: string, action: string) {
  return db().auditEvent.findMany({ where: { organizationId, action }, orderBy: { seq: "asc" } });
}

async function countEvents(organizationId: string): Promise<Record<string, number>> {
  const events = await db().auditEvent.findMany({
    where: { organizationId },
    select: { action: true },
  });
  const counts: Record<string, number> = {};
  for (const { action } of events) counts[action] = (counts[action] ?? 0) + 1;
  return counts;
}

let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };
let assessorA: UserActor;
let adminA: UserActor;
let auditorA: UserActor;
let dpoA: UserActor;
let assessorB: UserActor;

beforeAll(async () => {
  orgA = await createOrganization();
  orgB = await createOrganization();
  assessorA = await createUserActor(orgA, "ASSESSOR");
  adminA = await createUserActor(orgA, "ADMIN");
  auditorA = await createUserActor(orgA, "AUDITOR");
  dpoA = await createUserActor(orgA, "DPO");
  assessorB = await createUserActor(orgB, "ASSESSOR");
});

describe("createVendor", () => {
  it("stores a normalised vendor and records vendor.created in the same chain", async () => {
    const before = (await eventsOf(orgA.id, "vendor.created")).length;
    const created = await createVendor({
      actor: assessorA,
      input: {
        name: "  Acme AI  ",
        website: " https://acme.example/ai ",
        country: "de",
        criticality: "HIGH",
        description: "",
      },
    });
    const row = await db().vendor.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      organizationId: orgA.id,
      name: "Acme AI",
      website: "https://acme.example/ai",
      country: "DE",
      criticality: "HIGH",
      description: null,
      archivedAt: null,
      version: 1,
    });
    const events = await eventsOf(orgA.id, "vendor.created");
    expect(events).toHaveLength(before + 1);
    const event = events.at(-1)!;
    expect(event).toMatchObject({
      targetType: "vendor",
      targetId: created.id,
      actorId: assessorA.userId,
    });
    expect(JSON.parse(event.payload)).toMatchObject({
      name: "Acme AI",
      criticality: "HIGH",
      country: "DE",
    });
    expect((await verifyAuditChain(db(), orgA.id)).ok).toBe(true);
  });

  it("rejects invalid input with VALIDATION and writes nothing", async () => {
    const vendorsBefore = await db().vendor.count();
    const eventsBefore = await db().auditEvent.count();
    const cases = [
      { name: "", criticality: "LOW" },
      { name: "x".repeat(201), criticality: "LOW" },
      { name: "Bad site", website: "ftp://acme.example", criticality: "LOW" },
      { name: "Bad site", website: "javascript:alert(1)", criticality: "LOW" },
      { name: "Bad country", country: "XX", criticality: "LOW" },
      { name: "Bad criticality", criticality: "EXTREME" },
      { name: "Long", criticality: "LOW", description: "y".repeat(5001) },
    ];
    for (const input of cases) {
      const error = await expectDomainError(
        createVendor({ actor: assessorA, input: input as never }),
        "VALIDATION",
      );
      expect(error.details?.issues).toBeInstanceOf(Array);
    }
    expect(await db().vendor.count()).toBe(vendorsBefore);
    expect(await db().auditEvent.count()).toBe(eventsBefore);
  });
});

describe("updateVendor", () => {
  it("changes fields, bumps the version and records the changed field names", async () => {
    const { id } = await createVendor({
      actor: assessorA,
      input: { name: "Beta Labs", criticality: "LOW" },
    });
    const result = await updateVendor({
      actor: adminA,
      input: {
        vendorId: id,
        version: 1,
        name: "Beta Labs SE",
        criticality: "CRITICAL",
        country: "FR",
        website: "",
      },
    });
    expect(result).toEqual({ id, version: 2, changed: ["name", "country", "criticality"] });
    expect(await db().vendor.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Beta Labs SE",
      criticality: "CRITICAL",
      country: "FR",
      version: 2,
    });
    const updates = (await eventsOf(orgA.id, "vendor.updated")).filter((e) => e.targetId === id);
    expect(updates).toHaveLength(1);
    expect(JSON.parse(updates[0]!.payload)).toEqual({
      changed: ["name", "country", "criticality"],
      fromVersion: 1,
      toVersion: 2,
    });
  });

  it("writes nothing and records nothing when no value changed", async () => {
    const { id } = await createVendor({
      actor: assessorA,
      input: { name: "Gamma", criticality: "LOW" },
    });
    const result = await updateVendor({
      actor: assessorA,
      input: { vendorId: id, version: "1", name: " Gamma ", criticality: "LOW" },
    });
    expect(result.changed).toEqual([]);
    expect((await db().vendor.findUniqueOrThrow({ where: { id } })).version).toBe(1);
    expect(
      (await eventsOf(orgA.id, "vendor.updated")).filter((e) => e.targetId === id),
    ).toHaveLength(0);
  });

  it("refuses a stale version with CONFLICT and leaves the row unchanged", async () => {
    const { id } = await createVendor({
      actor: assessorA,
      input: { name: "Delta", criticality: "LOW" },
    });
    // Two editors loaded version 1; the first one saves.
    await updateVendor({
      actor: assessorA,
      input: { vendorId: id, version: 1, name: "Delta (first)", criticality: "LOW" },
    });
    const rowAfterFirst = await db().vendor.findUniqueOrThrow({ where: { id } });
    const eventsBefore = await db().auditEvent.count({ where: { organizationId: orgA.id } });

    const error = await expectDomainError(
      updateVendor({
        actor: adminA,
        input: { vendorId: id, version: 1, name: "Delta (second)", criticality: "HIGH" },
      }),
      "CONFLICT",
    );
    expect(error.details).toEqual({ currentVersion: 2 });
    expect(await db().vendor.findUniqueOrThrow({ where: { id } })).toEqual(rowAfterFirst);
    expect(await db().auditEvent.count({ where: { organizationId: orgA.id } })).toBe(eventsBefore);

    // With the current version, the second editor may knowingly save.
    await updateVendor({
      actor: adminA,
      input: { vendorId: id, version: 2, name: "Delta (second)", criticality: "HIGH" },
    });
    expect((await db().vendor.findUniqueOrThrow({ where: { id } })).name).toBe("Delta (second)");
  });

  it("lets only one of two concurrent saves of the same version win", async () => {
    const { id } = await createVendor({
      actor: assessorA,
      input: { name: "Race", criticality: "LOW" },
    });
    const results = await Promise.allSettled([
      updateVendor({
        actor: assessorA,
        input: { vendorId: id, version: 1, name: "Race A", criticality: "LOW" },
      }),
      updateVendor({
        actor: adminA,
        input: { vendorId: id, version: 1, name: "Race B", criticality: "LOW" },
      }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ code: "CONFLICT" });
    const row = await db().vendor.findUniqueOrThrow({ where: { id } });
    expect(row.version).toBe(2);
    expect(
      (await eventsOf(orgA.id, "vendor.updated")).filter((e) => e.targetId === id),
    ).toHaveLength(1);
    expect((await verifyAuditChain(db(), orgA.id)).ok).toBe(true);
  });
});

describe("archiveVendor / unarchiveVendor", () => {
  it("archives and restores, records both, bumps the version and blocks edits while archived", async () => {
    const { id } = await createVendor({
      actor: assessorA,
      input: { name: "Epsilon", criticality: "MEDIUM" },
    });
    expect(await archiveVendor({ actor: assessorA, input: { vendorId: id } })).toMatchObject({
      changed: true,
      version: 2,
    });
    expect((await db().vendor.findUniqueOrThrow({ where: { id } })).archivedAt).toBeInstanceOf(
      Date,
    );
    // Repeating is a harmless no-op.
    expect(await archiveVendor({ actor: assessorA, input: { vendorId: id } })).toMatchObject({
      changed: false,
    });

    // An edit form opened before archiving is stale; a fresh one meets the archive.
    await expectDomainError(
      updateVendor({
        actor: assessorA,
        input: { vendorId: id, version: 1, name: "E", criticality: "LOW" },
      }),
      "CONFLICT",
    );
    await expectDomainError(
      updateVendor({
        actor: assessorA,
        input: { vendorId: id, version: 2, name: "E", criticality: "LOW" },
      }),
      "INVALID_STATE",
    );
    await expectDomainError(
      createProduct({ actor: assessorA, input: { vendorId: id, name: "P" } }),
      "INVALID_STATE",
    );

    expect(await unarchiveVendor({ actor: adminA, input: { vendorId: id } })).toMatchObject({
      changed: true,
      version: 3,
    });
    expect((await db().vendor.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();

    expect(
      (await eventsOf(orgA.id, "vendor.archived")).filter((e) => e.targetId === id),
    ).toHaveLength(1);
    expect(
      (await eventsOf(orgA.id, "vendor.unarchived")).filter((e) => e.targetId === id),
    ).toHaveLength(1);
  });
});

describe("products", () => {
  it("creates, updates (with version check) and deletes a product, each with its audit event", async () => {
    const { id: vendorId } = await createVendor({
      actor: assessorA,
      input: { name: "Zeta", criticality: "HIGH" },
    });
    const product = await createProduct({
      actor: assessorA,
      input: {
        vendorId,
        name: "Zeta Assist",
        foundationModel: "Mistral Large",
        hostingRegions: ["fr", "DE", "US", "DE"],
        dataCategories: ["employee", "customer_contact"],
      },
    });
    const row = await db().product.findUniqueOrThrow({ where: { id: product.id } });
    expect(row).toMatchObject({
      organizationId: orgA.id,
      vendorId,
      name: "Zeta Assist",
      foundationModel: "Mistral Large",
      version: 1,
    });
    expect(JSON.parse(row.hostingRegions)).toEqual(["DE", "FR", "US"]);
    expect(JSON.parse(row.dataCategories)).toEqual(["customer_contact", "employee"]);

    const updated = await updateProduct({
      actor: assessorA,
      input: {
        vendorId,
        productId: product.id,
        version: 1,
        name: "Zeta Assist",
        foundationModel: "Mistral Large",
        hostingRegions: ["DE"],
        dataCategories: ["none"],
      },
    });
    expect(updated).toEqual({
      id: product.id,
      version: 2,
      changed: ["hostingRegions", "dataCategories"],
    });

    const stale = await expectDomainError(
      updateProduct({
        actor: adminA,
        input: { vendorId, productId: product.id, version: 1, name: "Overwritten" },
      }),
      "CONFLICT",
    );
    expect(stale.details).toEqual({ currentVersion: 2 });
    expect((await db().product.findUniqueOrThrow({ where: { id: product.id } })).name).toBe(
      "Zeta Assist",
    );

    const details = await getVendor({ actor: auditorA, input: { vendorId } });
    expect(details.products).toEqual([
      expect.objectContaining({
        id: product.id,
        hostingRegions: ["DE"],
        dataCategories: ["none"],
        version: 2,
        assessmentCount: 0,
      }),
    ]);

    await deleteProduct({ actor: assessorA, input: { vendorId, productId: product.id } });
    expect(await db().product.findUnique({ where: { id: product.id } })).toBeNull();

    const byTarget = async (action: string) =>
      (await eventsOf(orgA.id, action))
        .filter((e) => e.targetId === product.id)
        .map((e) => JSON.parse(e.payload));
    expect(await byTarget("product.created")).toEqual([
      expect.objectContaining({ vendorId, name: "Zeta Assist" }),
    ]);
    expect(await byTarget("product.updated")).toEqual([
      { vendorId, changed: ["hostingRegions", "dataCategories"], fromVersion: 1, toVersion: 2 },
    ]);
    expect(await byTarget("product.deleted")).toEqual([{ vendorId, name: "Zeta Assist" }]);
  });

  it("validates products: known countries and categories, 'none' alone, length limits", async () => {
    const { id: vendorId } = await createVendor({
      actor: assessorA,
      input: { name: "Eta", criticality: "LOW" },
    });
    const invalid = [
      { name: "P", hostingRegions: ["ZZ"] },
      { name: "P", dataCategories: ["dna"] },
      { name: "P", dataCategories: ["none", "health"] },
      { name: "P", foundationModel: "m".repeat(201) },
      { name: "" },
    ];
    for (const input of invalid) {
      await expectDomainError(
        createProduct({ actor: assessorA, input: { vendorId, ...input } as never }),
        "VALIDATION",
      );
    }
    expect(await db().product.count({ where: { vendorId } })).toBe(0);
  });

  it("refuses a product id under another vendor's URL", async () => {
    const { id: v1 } = await createVendor({
      actor: assessorA,
      input: { name: "Theta 1", criticality: "LOW" },
    });
    const { id: v2 } = await createVendor({
      actor: assessorA,
      input: { name: "Theta 2", criticality: "LOW" },
    });
    const product = await createProduct({
      actor: assessorA,
      input: { vendorId: v1, name: "Only on v1" },
    });
    await expectDomainError(
      updateProduct({
        actor: assessorA,
        input: { vendorId: v2, productId: product.id, version: 1, name: "x" },
      }),
      "NOT_FOUND",
    );
    await expectDomainError(
      deleteProduct({ actor: assessorA, input: { vendorId: v2, productId: product.id } }),
      "NOT_FOUND",
    );
  });
});

describe("deleting vendors and products with assessments", () => {
  it("refuses to delete a vendor or product that assessments refer to; deletes one without", async () => {
    const { id: vendorId } = await createVendor({
      actor: assessorA,
      input: { name: "Iota", criticality: "LOW" },
    });
    const used = await createProduct({ actor: assessorA, input: { vendorId, name: "Used" } });
    const unused = await createProduct({ actor: assessorA, input: { vendorId, name: "Unused" } });
    await createAssessmentRecord({
      organizationId: orgA.id,
      vendorId,
      productId: used.id,
      createdById: assessorA.userId,
    });

    await expectDomainError(
      deleteVendor({ actor: assessorA, input: { vendorId } }),
      "INVALID_STATE",
    );
    await expectDomainError(
      deleteProduct({ actor: assessorA, input: { vendorId, productId: used.id } }),
      "INVALID_STATE",
    );
    expect(await db().vendor.findUnique({ where: { id: vendorId } })).not.toBeNull();
    expect(await db().product.findUnique({ where: { id: used.id } })).not.toBeNull();

    await deleteProduct({ actor: assessorA, input: { vendorId, productId: unused.id } });
    expect(await db().product.findUnique({ where: { id: unused.id } })).toBeNull();
  });

  it("deletes a vendor without assessments together with its products", async () => {
    const { id: vendorId } = await createVendor({
      actor: assessorA,
      input: { name: "Kappa", criticality: "LOW" },
    });
    const product = await createProduct({
      actor: assessorA,
      input: { vendorId, name: "Kappa One" },
    });
    await deleteVendor({ actor: adminA, input: { vendorId } });
    expect(await db().vendor.findUnique({ where: { id: vendorId } })).toBeNull();
    expect(await db().product.findUnique({ where: { id: product.id } })).toBeNull();
    const deleted = (await eventsOf(orgA.id, "vendor.deleted")).filter(
      (e) => e.targetId === vendorId,
    );
    expect(deleted.map((e) => JSON.parse(e.payload))).toEqual([
      { name: "Kappa", productIds: [product.id] },
    ]);
    await expectDomainError(getVendor({ actor: adminA, input: { vendorId } }), "NOT_FOUND");
  });
});

describe("listVendors and getVendor", () => {
  let org: { id: string; slug: string };
  let actor: UserActor;
  let uber: string;

  beforeAll(async () => {
    org = await createOrganization();
    actor = await createUserActor(org, "AUDITOR");
    const writer = await createUserActor(org, "ASSESSOR");
    const make = (name: string, criticality: Criticality = "LOW") =>
      createVendor({ actor: writer, input: { name, criticality } });
    uber = (await make("Über AI GmbH", "HIGH")).id;
    await make("Zeta Systems", "CRITICAL");
    await make("acme ai", "HIGH");
    await make("Äther Analytics", "MEDIUM");
    const archived = await make("Old Über Vendor", "HIGH");
    await archiveVendor({ actor: writer, input: { vendorId: archived.id } });

    await createProductRecord({
      organizationId: org.id,
      vendorId: uber,
      name: "Über Chat",
      hostingRegions: ["DE", "US"],
    });
    await createProductRecord({ organizationId: org.id, vendorId: uber, name: "Über Search" });
    const templateVersion = await createTemplateVersionRecord({ organizationId: org.id });
    await createAssessmentRecord({
      organizationId: org.id,
      vendorId: uber,
      templateVersionId: templateVersion.id,
      createdById: writer.userId,
      status: "APPROVED",
      overallScore: 71.5,
      title: "2025 review",
      createdAt: new Date("2025-01-10T10:00:00Z"),
    });
    await createAssessmentRecord({
      organizationId: org.id,
      vendorId: uber,
      templateVersionId: templateVersion.id,
      createdById: writer.userId,
      status: "IN_PROGRESS",
      overallScore: null,
      title: "2026 review",
      dueDate: new Date("2026-03-01T00:00:00Z"),
      createdAt: new Date("2026-01-10T10:00:00Z"),
    });
  });

  const names = (result: Awaited<ReturnType<typeof listVendors>>) =>
    result.items.map((i) => i.name);

  it("searches names case-insensitively, umlauts included, on this database", async () => {
    for (const q of ["über", "ÜBER", "Über ai", "uber", "  über  "]) {
      expect(names(await listVendors({ actor, input: { q } })), q).toEqual(["Über AI GmbH"]);
    }
    expect(names(await listVendors({ actor, input: { q: "ACME" } }))).toEqual(["acme ai"]);
    expect(names(await listVendors({ actor, input: { q: "äther" } }))).toEqual(["Äther Analytics"]);
    expect(names(await listVendors({ actor, input: { q: "AI" } }))).toEqual([
      "acme ai",
      "Über AI GmbH",
    ]);
    expect(names(await listVendors({ actor, input: { q: "nothing like this" } }))).toEqual([]);
  });

  it("filters by criticality and hides archived vendors unless asked", async () => {
    expect(names(await listVendors({ actor, input: {} }))).toEqual([
      "acme ai",
      "Äther Analytics",
      "Über AI GmbH",
      "Zeta Systems",
    ]);
    expect(names(await listVendors({ actor, input: { criticality: "HIGH" } }))).toEqual([
      "acme ai",
      "Über AI GmbH",
    ]);
    const withArchived = await listVendors({
      actor,
      input: { criticality: "HIGH", includeArchived: true },
    });
    expect(names(withArchived)).toEqual(["acme ai", "Old Über Vendor", "Über AI GmbH"]);
    expect(withArchived.items.find((i) => i.name === "Old Über Vendor")?.archivedAt).toBeInstanceOf(
      Date,
    );
    expect(
      names(await listVendors({ actor, input: { q: "über", includeArchived: true } })),
    ).toEqual(["Old Über Vendor", "Über AI GmbH"]);
    // Malformed URL values fall back to defaults instead of failing.
    const lenient = await listVendors({ actor, input: { criticality: "NOPE", page: "x" } });
    expect(lenient.total).toBe(4);
    expect(lenient.page).toBe(1);
  });

  it("shows product count and the latest assessment's status and score", async () => {
    const item = (await listVendors({ actor, input: { q: "über ai" } })).items[0]!;
    expect(item).toMatchObject({ id: uber, productCount: 2, criticality: "HIGH" });
    expect(item.latestAssessment).toMatchObject({ status: "IN_PROGRESS", overallScore: null });
    const acme = (await listVendors({ actor, input: { q: "acme" } })).items[0]!;
    expect(acme).toMatchObject({ productCount: 0, latestAssessment: null });
  });

  it("pages 25 vendors at a time", async () => {
    const pagingOrg = await createOrganization();
    const reader = await createUserActor(pagingOrg, "DPO");
    for (let i = 1; i <= 30; i++) {
      await createVendorRecord({
        organizationId: pagingOrg.id,
        name: `Vendor ${String(i).padStart(2, "0")}`,
      });
    }
    const first = await listVendors({ actor: reader, input: {} });
    expect(VENDORS_PAGE_SIZE).toBe(25);
    expect(first).toMatchObject({ total: 30, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(25);
    expect(first.items[0]!.name).toBe("Vendor 01");
    const second = await listVendors({ actor: reader, input: { page: 2 } });
    expect(second.items.map((i) => i.name)).toEqual([
      "Vendor 26",
      "Vendor 27",
      "Vendor 28",
      "Vendor 29",
      "Vendor 30",
    ]);
    expect((await listVendors({ actor: reader, input: { page: 99 } })).page).toBe(2);
  });

  it("returns one vendor with products (regions parsed) and its assessments, newest first", async () => {
    const vendor = await getVendor({ actor, input: { vendorId: uber } });
    expect(vendor).toMatchObject({ id: uber, name: "Über AI GmbH", version: 1 });
    expect(vendor.products.map((p) => [p.name, p.hostingRegions])).toEqual([
      ["Über Chat", ["DE", "US"]],
      ["Über Search", []],
    ]);
    expect(vendor.assessments.map((a) => [a.title, a.status, a.overallScore])).toEqual([
      ["2026 review", "IN_PROGRESS", null],
      ["2025 review", "APPROVED", 71.5],
    ]);
    expect(vendor.assessments[0]!.dueDate).toEqual(new Date("2026-03-01T00:00:00Z"));
  });

  it("drops malformed stored product lists on read", async () => {
    const p = await createProductRecord({
      organizationId: org.id,
      vendorId: uber,
      name: "Über Broken",
    });
    await db().product.update({
      where: { id: p.id },
      data: { hostingRegions: "not json", dataCategories: '["health", 5, "dna"]' },
    });
    const vendor = await getVendor({ actor, input: { vendorId: uber } });
    expect(vendor.products.find((x) => x.id === p.id)).toMatchObject({
      hostingRegions: [],
      dataCategories: [],
    });
    await db().product.delete({ where: { id: p.id } });
  });
});

describe("tenancy", () => {
  it("gives an actor of another organisation NOT_FOUND for every vendor and product id, and writes nothing", async () => {
    const vendor = await createVendorRecord({ organizationId: orgA.id, name: "Tenant A only" });
    const product = await createProductRecord({
      organizationId: orgA.id,
      vendorId: vendor.id,
      name: "A's product",
    });
    const eventsA = await db().auditEvent.count({ where: { organizationId: orgA.id } });

    await expectDomainError(
      getVendor({ actor: assessorB, input: { vendorId: vendor.id } }),
      "NOT_FOUND",
    );
    await expectDomainError(
      updateVendor({
        actor: assessorB,
        input: { vendorId: vendor.id, version: 1, name: "Hijacked", criticality: "LOW" },
      }),
      "NOT_FOUND",
    );
    await expectDomainError(
      archiveVendor({ actor: assessorB, input: { vendorId: vendor.id } }),
      "NOT_FOUND",
    );
    await expectDomainError(
      unarchiveVendor({ actor: assessorB, input: { vendorId: vendor.id } }),
      "NOT_FOUND",
    );
    await expectDomainError(
      deleteVendor({ actor: assessorB, input: { vendorId: vendor.id } }),
      "NOT_FOUND",
    );
    await expectDomainError(
      createProduct({ actor: assessorB, input: { vendorId: vendor.id, name: "Planted" } }),
      "NOT_FOUND",
    );
    await expectDomainError(
      updateProduct({
        actor: assessorB,
        input: { productId: product.id, version: 1, name: "Hijacked" },
      }),
      "NOT_FOUND",
    );
    await expectDomainError(
      updateProduct({
        actor: assessorB,
        input: { vendorId: vendor.id, productId: product.id, version: 1, name: "Hijacked" },
      }),
      "NOT_FOUND",
    );
    await expectDomainError(
      deleteProduct({ actor: assessorB, input: { productId: product.id } }),
      "NOT_FOUND",
    );
    await expectDomainError(
      getVendor({ actor: assessorB, input: { vendorId: "no-such-id" } }),
      "NOT_FOUND",
    );

    const listedForB = await listVendors({
      actor: assessorB,
      input: { q: "Tenant A", includeArchived: true },
    });
    expect(listedForB.total).toBe(0);

    expect(await db().vendor.findUniqueOrThrow({ where: { id: vendor.id } })).toMatchObject({
      name: "Tenant A only",
      version: 1,
      archivedAt: null,
    });
    expect(await db().product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({
      name: "A's product",
      version: 1,
    });
    expect(await db().product.count({ where: { vendorId: vendor.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { organizationId: orgA.id } })).toBe(eventsA);
    expect(await db().auditEvent.count({ where: { organizationId: orgB.id } })).toBe(0);
  });
});

describe("permissions", () => {
  it("lets auditors and DPOs read but not write (FORBIDDEN, nothing written)", async () => {
    const vendor = await createVendorRecord({ organizationId: orgA.id, name: "Read only target" });
    const product = await createProductRecord({ organizationId: orgA.id, vendorId: vendor.id });
    const eventsBefore = await db().auditEvent.count({ where: { organizationId: orgA.id } });

    for (const reader of [auditorA, dpoA]) {
      expect((await getVendor({ actor: reader, input: { vendorId: vendor.id } })).id).toBe(
        vendor.id,
      );
      expect((await listVendors({ actor: reader, input: { q: "read only target" } })).total).toBe(
        1,
      );
      await expectDomainError(
        createVendor({ actor: reader, input: { name: "Nope", criticality: "LOW" } }),
        "FORBIDDEN",
      );
      await expectDomainError(
        updateVendor({
          actor: reader,
          input: { vendorId: vendor.id, version: 1, name: "Nope", criticality: "LOW" },
        }),
        "FORBIDDEN",
      );
      await expectDomainError(
        archiveVendor({ actor: reader, input: { vendorId: vendor.id } }),
        "FORBIDDEN",
      );
      await expectDomainError(
        unarchiveVendor({ actor: reader, input: { vendorId: vendor.id } }),
        "FORBIDDEN",
      );
      await expectDomainError(
        deleteVendor({ actor: reader, input: { vendorId: vendor.id } }),
        "FORBIDDEN",
      );
      await expectDomainError(
        createProduct({ actor: reader, input: { vendorId: vendor.id, name: "Nope" } }),
        "FORBIDDEN",
      );
      await expectDomainError(
        updateProduct({
          actor: reader,
          input: { vendorId: vendor.id, productId: product.id, version: 1, name: "Nope" },
        }),
        "FORBIDDEN",
      );
      await expectDomainError(
        deleteProduct({ actor: reader, input: { vendorId: vendor.id, productId: product.id } }),
        "FORBIDDEN",
      );
    }
    // Forbidden is decided before the id is looked up: a foreign id is FORBIDDEN too, revealing nothing.
    await expectDomainError(
      archiveVendor({ actor: auditorA, input: { vendorId: "no-such-id" } }),
      "FORBIDDEN",
    );

    expect(await db().vendor.findUniqueOrThrow({ where: { id: vendor.id } })).toMatchObject({
      name: "Read only target",
      version: 1,
    });
    expect(await db().auditEvent.count({ where: { organizationId: orgA.id } })).toBe(eventsBefore);

    // The assessor can do what the auditor could not.
    await updateVendor({
      actor: assessorA,
      input: { vendorId: vendor.id, version: 1, name: "Assessor edit", criticality: "LOW" },
    });
    await deleteProduct({
      actor: assessorA,
      input: { vendorId: vendor.id, productId: product.id },
    });
  });
});

describe("audit trail", () => {
  it("records one event per change and keeps the organisation's chain intact", async () => {
    const org = await createOrganization();
    const writer = await createUserActor(org, "ASSESSOR");
    const { id: vendorId } = await createVendor({
      actor: writer,
      input: { name: "Audit Co", criticality: "LOW" },
    });
    await updateVendor({
      actor: writer,
      input: { vendorId, version: 1, name: "Audit Co", criticality: "HIGH" },
    });
    await updateVendor({
      actor: writer,
      input: { vendorId, version: 2, name: "Audit Co", criticality: "HIGH" },
    }); // no change
    const { id: productId } = await createProduct({
      actor: writer,
      input: { vendorId, name: "Audit Bot" },
    });
    await updateProduct({
      actor: writer,
      input: { vendorId, productId, version: 1, name: "Audit Bot 2" },
    });
    await expectDomainError(
      updateProduct({ actor: writer, input: { vendorId, productId, version: 1, name: "Stale" } }),
      "CONFLICT",
    );
    await deleteProduct({ actor: writer, input: { vendorId, productId } });
    await archiveVendor({ actor: writer, input: { vendorId } });
    await unarchiveVendor({ actor: writer, input: { vendorId } });
    await deleteVendor({ actor: writer, input: { vendorId } });

    expect(await countEvents(org.id)).toEqual({
      "vendor.created": 1,
      "vendor.updated": 1,
      "product.created": 1,
      "product.updated": 1,
      "product.deleted": 1,
      "vendor.archived": 1,
      "vendor.unarchived": 1,
      "vendor.deleted": 1,
    });
    const updated = (await eventsOf(org.id, "vendor.updated"))[0]!;
    expect(JSON.parse(updated.payload).changed).toEqual(["criticality"]);
    expect(await verifyAuditChain(db(), org.id)).toMatchObject({ ok: true, events: 8 });
  });
});
