import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/modules/audit/verify-audit-chain.server";
import type { UserActor } from "~/modules/auth/actor";
import { listPortfolio } from "~/modules/portfolio/list-portfolio.server";
import { parsePortfolioParams } from "~/modules/portfolio/portfolio-query";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { translate } from "~/utils/i18n";
import { createOrganization } from "../../../tests/support/factories";
import { createUserActor } from "../../../tests/support/vendor-factories";
import { createVendor } from "./create-vendor.server";
import { getVendor } from "./get-vendor.server";
import { updateVendor } from "./update-vendor.server";
import { formFieldErrors } from "./vendor-fields";
import { TAG_MAX } from "./vendor-tags";

/** Vendor tags through the use cases. Runs on SQLite (sqlite project) and PostgreSQL (postgres project). */

let assessor: UserActor;
let auditor: UserActor;
let foreign: UserActor;

beforeAll(async () => {
  const org = await createOrganization();
  assessor = await createUserActor(org, "ASSESSOR");
  auditor = await createUserActor(org, "AUDITOR");
  foreign = await createUserActor(await createOrganization(), "ASSESSOR");
});

async function storedTags(vendorId: string): Promise<unknown> {
  const row = await db().vendor.findUniqueOrThrow({
    where: { id: vendorId },
    select: { tags: true },
  });
  return JSON.parse(row.tags);
}

async function eventsOf(actor: UserActor, action: string, vendorId: string) {
  const events = await db().auditEvent.findMany({
    where: { organizationId: actor.organizationId, action, targetId: vendorId },
    orderBy: { seq: "asc" },
  });
  return events.map((event) => JSON.parse(event.payload) as Record<string, unknown>);
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function portfolioIds(actor: UserActor, tag: string): Promise<string[]> {
  const result = await listPortfolio(actor, {
    query: parsePortfolioParams(new URLSearchParams({ tag })),
  });
  expect(result.total).toBe(result.items.length);
  return result.items.map((row) => row.id);
}

describe("createVendor with tags", () => {
  it("stores the normalised tags as a JSON array and records them in vendor.created", async () => {
    const { id } = await createVendor({
      actor: assessor,
      input: {
        name: "Tagged AI",
        criticality: "HIGH",
        tags: " strategic ,LLM,  llm , eu   only,, ",
      },
    });
    expect(await storedTags(id)).toEqual(["strategic", "LLM", "eu only"]);
    expect(await eventsOf(assessor, "vendor.created", id)).toEqual([
      {
        name: "Tagged AI",
        criticality: "HIGH",
        country: null,
        tags: ["strategic", "LLM", "eu only"],
      },
    ]);
    expect((await getVendor({ actor: auditor, input: { vendorId: id } })).tags).toEqual([
      "strategic",
      "LLM",
      "eu only",
    ]);
    expect((await verifyAuditChain(db(), assessor.organizationId)).ok).toBe(true);
  });

  it("stores [] without tags", async () => {
    const { id } = await createVendor({
      actor: assessor,
      input: { name: "Untagged AI", criticality: "LOW" },
    });
    expect(await storedTags(id)).toEqual([]);
    expect((await eventsOf(assessor, "vendor.created", id))[0]).toMatchObject({ tags: [] });
  });

  it("refuses a tag longer than TAG_MAX with a message on the tags field, and writes nothing", async () => {
    const vendors = await db().vendor.count();
    const events = await db().auditEvent.count();
    const tooLong = "x".repeat(TAG_MAX + 1);
    const error = await rejection(
      createVendor({
        actor: assessor,
        input: { name: "Too long", criticality: "LOW", tags: `ok, ${tooLong}` },
      }),
    );
    expect(error.code).toBe("VALIDATION");
    const issues = error.details?.issues as { path: string; message: string }[];
    expect(issues).toEqual([{ path: "tags", message: "vendors.errorTagTooLong" }]);
    // The key the page shows, in both languages.
    const key = formFieldErrors(
      issues.map((issue) => ({ path: [issue.path], message: issue.message })),
    ).tags!;
    expect(translate("en", key)).toBe(
      "Each tag may have at most 50 characters. Shorten the longer ones.",
    );
    expect(translate("de", key)).toBe(
      "Jedes Schlagwort darf höchstens 50 Zeichen lang sein. Kürzen Sie die längeren.",
    );
    expect(await db().vendor.count()).toBe(vendors);
    expect(await db().auditEvent.count()).toBe(events);
  });

  it("refuses more than 20 tags and strips control characters", async () => {
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`).join(",");
    const tooMany = await rejection(
      createVendor({ actor: assessor, input: { name: "Many", criticality: "LOW", tags: many } }),
    );
    expect(tooMany.details?.issues).toEqual([
      { path: "tags", message: "vendors.errorTooManyTags" },
    ]);
    const control = await createVendor({
      actor: assessor,
      input: { name: "Bell", criticality: "LOW", tags: "ring\u0007" },
    });
    expect((await db().vendor.findUniqueOrThrow({ where: { id: control.id } })).tags).toBe(
      '["ring"]',
    );
  });
});

describe("updateVendor with tags", () => {
  it("replaces the tags, bumps the version and records the tags before and after", async () => {
    const { id } = await createVendor({
      actor: assessor,
      input: { name: "Retag AI", criticality: "LOW", tags: "strategic" },
    });
    const result = await updateVendor({
      actor: assessor,
      input: {
        vendorId: id,
        version: 1,
        name: "Retag AI",
        criticality: "LOW",
        tags: "strategic, LLM",
      },
    });
    expect(result).toEqual({ id, version: 2, changed: ["tags"] });
    expect(await storedTags(id)).toEqual(["strategic", "LLM"]);
    expect(await eventsOf(assessor, "vendor.updated", id)).toEqual([
      {
        changed: ["tags"],
        fromVersion: 1,
        toVersion: 2,
        tags: { from: ["strategic"], to: ["strategic", "LLM"] },
      },
    ]);

    // The same tags typed differently change nothing.
    const same = await updateVendor({
      actor: assessor,
      input: {
        vendorId: id,
        version: 2,
        name: "Retag AI",
        criticality: "LOW",
        tags: "  strategic,,  LLM , llm ",
      },
    });
    expect(same).toEqual({ id, version: 2, changed: [] });

    // Other fields changing: the event names them and leaves the unchanged tags out.
    const renamed = await updateVendor({
      actor: assessor,
      input: {
        vendorId: id,
        version: 2,
        name: "Retag AI SE",
        criticality: "LOW",
        tags: ["strategic", "LLM"],
      },
    });
    expect(renamed.changed).toEqual(["name"]);
    expect((await eventsOf(assessor, "vendor.updated", id)).at(-1)).toEqual({
      changed: ["name"],
      fromVersion: 2,
      toVersion: 3,
    });

    // Like every field, leaving tags out clears them.
    const cleared = await updateVendor({
      actor: assessor,
      input: { vendorId: id, version: 3, name: "Retag AI SE", criticality: "LOW" },
    });
    expect(cleared.changed).toEqual(["tags"]);
    expect(await storedTags(id)).toEqual([]);
    expect((await verifyAuditChain(db(), assessor.organizationId)).ok).toBe(true);
  });

  it("keeps optimistic concurrency: a stale version changes no tags", async () => {
    const { id } = await createVendor({
      actor: assessor,
      input: { name: "Stale AI", criticality: "LOW", tags: "one" },
    });
    await updateVendor({
      actor: assessor,
      input: { vendorId: id, version: 1, name: "Stale AI", criticality: "LOW", tags: "two" },
    });
    const events = await db().auditEvent.count({
      where: { organizationId: assessor.organizationId },
    });
    const error = await rejection(
      updateVendor({
        actor: assessor,
        input: { vendorId: id, version: 1, name: "Stale AI", criticality: "LOW", tags: "three" },
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toEqual({ currentVersion: 2 });
    expect(await storedTags(id)).toEqual(["two"]);
    expect(
      await db().auditEvent.count({ where: { organizationId: assessor.organizationId } }),
    ).toBe(events);
  });

  it("refuses a too-long tag with VALIDATION and leaves the vendor unchanged", async () => {
    const { id } = await createVendor({
      actor: assessor,
      input: { name: "Keep AI", criticality: "LOW", tags: "keep" },
    });
    const before = await db().vendor.findUniqueOrThrow({ where: { id } });
    const error = await rejection(
      updateVendor({
        actor: assessor,
        input: {
          vendorId: id,
          version: 1,
          name: "Keep AI",
          criticality: "LOW",
          tags: "y".repeat(TAG_MAX + 1),
        },
      }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.details?.issues).toEqual([{ path: "tags", message: "vendors.errorTagTooLong" }]);
    expect(await db().vendor.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });
});

describe("the portfolio's tag filter after editing tags", () => {
  it("finds the vendor by each new tag, and no longer by a removed one", async () => {
    const { id } = await createVendor({
      actor: assessor,
      input: { name: "Filter AI", criticality: "MEDIUM" },
    });
    const { id: near } = await createVendor({
      actor: assessor,
      input: { name: "Near AI", criticality: "MEDIUM", tags: "copilot-ops" },
    });
    expect(await portfolioIds(assessor, "copilot")).toEqual([]);

    await updateVendor({
      actor: assessor,
      input: {
        vendorId: id,
        version: 1,
        name: "Filter AI",
        criticality: "MEDIUM",
        tags: "copilot, Überwachung, data protection",
      },
    });
    // The whole tag matches, not a part of another one ("copilot" is not "copilot-ops").
    expect(await portfolioIds(assessor, "copilot")).toEqual([id]);
    expect(await portfolioIds(assessor, "copilot-ops")).toEqual([near]);
    expect(await portfolioIds(assessor, "Überwachung")).toEqual([id]);
    expect(await portfolioIds(assessor, "data protection")).toEqual([id]);
    expect(await portfolioIds(assessor, "data")).toEqual([]);
    // Another organisation never sees it.
    expect(await portfolioIds(foreign, "copilot")).toEqual([]);

    await updateVendor({
      actor: assessor,
      input: {
        vendorId: id,
        version: 2,
        name: "Filter AI",
        criticality: "MEDIUM",
        tags: "Überwachung",
      },
    });
    expect(await portfolioIds(assessor, "copilot")).toEqual([]);
    expect(await portfolioIds(assessor, "Überwachung")).toEqual([id]);
  });

  it("finds tags with quotes, backslashes, % and _ (characters JSON or LIKE treat specially)", async () => {
    const tags = ['say "hi"', "back\\slash", "100%", "snake_case"];
    const { id } = await createVendor({
      actor: assessor,
      input: { name: "Odd AI", criticality: "LOW", tags: tags.join(", ") },
    });
    expect(await storedTags(id)).toEqual(tags);
    for (const tag of tags) expect(await portfolioIds(assessor, tag)).toContain(id);
  });
});
