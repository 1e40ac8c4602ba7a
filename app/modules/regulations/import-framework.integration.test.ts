import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createOrganization, createUser } from "../../../tests/support/factories";
import { actorFor } from "../../../tests/support/admin-factories";
import { regulationsCommand, type Io } from "../../../cli/commands/regulations";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { SystemActor } from "../auth/actor";
import { verifyAuditChain } from "../audit/verify-audit-chain.server";
import { visibleTo } from "./catalogue-scope";
import { importFramework } from "./import-framework.server";
import { generateLibraryYaml } from "./import/testing/generated-library";
import { runVetted } from "../../../tests/support/cli";

/** Runs on SQLite (sqlite project) and on a real PostgreSQL (postgres project). */

const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/frameworks");
const V1 = path.join(FIXTURES, "example-library-v1.yaml");
const V2 = path.join(FIXTURES, "example-library-v2.yaml");
const CATALOG = path.join(FIXTURES, "example-catalog.json");
const URN = "urn:vetted:risk:library:example-ai-governance";
const NODE = "urn:vetted:risk:req_node:example-ai-governance";

function fileInput(file: string, mode: "preview" | "commit") {
  return { bytes: new Uint8Array(readFileSync(file)), fileName: path.basename(file), mode };
}

async function systemActor(): Promise<SystemActor & { slug: string }> {
  const org = await createOrganization();
  return { kind: "system", organizationId: org.id, label: "test", slug: org.slug };
}

async function catalogueRows(organizationId: string) {
  const client = db();
  const where = { instrument: { organizationId } };
  return {
    instruments: await client.instrument.count({ where: { organizationId } }),
    versions: await client.instrumentVersion.count({ where }),
    provisions: await client.provision.count({ where: { version: where } }),
    events: await client.changeEvent.count({ where: { organizationId } }),
    audit: await client.auditEvent.count({
      where: { organizationId, action: "regulations.framework_imported" },
    }),
  };
}

function capture(): Io & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

describe("importFramework: a framework file into the organisation's catalogue", () => {
  it("previews without writing, then commits v1 with its provisions and an audit event", async () => {
    const actor = await systemActor();
    const preview = await importFramework(actor, fileInput(V1, "preview"));
    expect(preview).toMatchObject({
      ok: true,
      mode: "preview",
      plan: { urn: URN, version: "1", provisions: 10, assessable: 7, outcome: "new_framework" },
    });
    expect(await catalogueRows(actor.organizationId)).toEqual({
      instruments: 0,
      versions: 0,
      provisions: 0,
      events: 0,
      audit: 0,
    });

    const committed = await importFramework(actor, fileInput(V1, "commit"));
    expect(committed).toMatchObject({ ok: true, mode: "commit", written: true });
    expect(await catalogueRows(actor.organizationId)).toEqual({
      instruments: 1,
      versions: 1,
      provisions: 10,
      events: 0,
      audit: 1,
    });
    const instrument = await db().instrument.findFirstOrThrow({
      where: { organizationId: actor.organizationId },
      include: { versions: { include: { provisions: { orderBy: { position: "asc" } } } } },
    });
    expect(instrument).toMatchObject({
      key: URN,
      kind: "framework",
      scopeKey: actor.organizationId,
    });
    expect(instrument.versions[0]).toMatchObject({ label: "1", legalStatus: "published" });
    expect(instrument.versions[0]!.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(instrument.versions[0]!.provisions[1]).toMatchObject({
      key: `${NODE}:gov.1`,
      parentKey: `${NODE}:gov`,
      label: "GOV.1",
      position: 1,
      titleEn: "AI policy",
      titleDe: "KI-Richtlinie",
      textDe: "Der Anbieter führt eine schriftliche, von der Leitung genehmigte KI-Richtlinie.",
      assessable: true,
    });
    expect(await verifyAuditChain(db(), actor.organizationId)).toMatchObject({ ok: true });
  });

  it("imports v2 as a new version with one change event (added 1, changed 1, removed 1); the old rows stay", async () => {
    const actor = await systemActor();
    await importFramework(actor, fileInput(V1, "commit"));
    const preview = await importFramework(actor, fileInput(V2, "preview"));
    expect(preview.ok && preview.plan.outcome).toBe("new_version");
    expect(preview.ok && preview.plan.diff?.summary).toEqual({ added: 1, changed: 1, removed: 1 });
    expect((await catalogueRows(actor.organizationId)).versions).toBe(1);

    const result = await importFramework(actor, fileInput(V2, "commit"));
    if (!result.ok || result.mode !== "commit") throw new Error("expected a commit");
    expect(result.plan).toMatchObject({ previousVersion: "1", version: "2" });
    const rows = await catalogueRows(actor.organizationId);
    expect(rows).toMatchObject({
      instruments: 1,
      versions: 2,
      provisions: 20,
      events: 1,
      audit: 2,
    });

    const event = await db().changeEvent.findUniqueOrThrow({
      where: { id: result.changeEventId! },
    });
    expect(event).toMatchObject({
      type: "standard_revision",
      source: "import",
      organizationId: actor.organizationId,
      toVersionId: result.versionId,
    });
    expect(JSON.parse(event.affectedProvisionKeys).sort()).toEqual(
      [`${NODE}:data.4`, `${NODE}:ops.1`, `${NODE}:data.2`].sort(),
    );
    const diff = JSON.parse(event.diffJson);
    expect(diff).toMatchObject({
      summary: { added: 1, changed: 1, removed: 1 },
      added: [`${NODE}:data.4`],
      retired: [`${NODE}:data.2`],
    });
    // gov.2 only moved: not a change.
    expect(diff.changes.map((c: { provisionKey: string }) => c.provisionKey)).toEqual([
      `${NODE}:ops.1`,
    ]);
    expect(event.summaryEn).toContain("1 added, 1 changed, 1 removed");
    expect(event.summaryDe).toContain("1 neu, 1 geändert, 1 entfallen");
    // The retired provision is still readable in the previous version.
    expect(
      await db().provision.count({
        where: {
          key: `${NODE}:data.2`,
          version: { instrument: { organizationId: actor.organizationId } },
        },
      }),
    ).toBe(1);
  });

  it("writes nothing for an identical re-import, and refuses other content under an imported version", async () => {
    const actor = await systemActor();
    await importFramework(actor, fileInput(V1, "commit"));
    const before = await catalogueRows(actor.organizationId);
    const again = await importFramework(actor, fileInput(V1, "commit"));
    expect(again).toMatchObject({ ok: true, written: false, plan: { outcome: "unchanged" } });
    expect(await catalogueRows(actor.organizationId)).toEqual(before);

    // v2's content claiming version 1.
    const forged = readFileSync(V2, "utf8").replace(/^version: 2$/m, "version: 1");
    const refused = importFramework(actor, {
      bytes: new TextEncoder().encode(forged),
      fileName: "forged.yaml",
      mode: "commit",
    });
    await expect(refused).rejects.toThrow(DomainError);
    await expect(refused).rejects.toMatchObject({ key: "errors.frameworkVersionTaken" });
    expect(await catalogueRows(actor.organizationId)).toEqual(before);
  });

  it("writes nothing for a broken file and returns the parser's messages with their paths", async () => {
    const actor = await systemActor();
    const result = await importFramework(
      actor,
      fileInput(path.join(FIXTURES, "broken/missing-parent.yaml"), "commit"),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]!.path).toMatch(
      /^objects\.framework\.requirement_nodes\[\d+\]\.parent_urn$/,
    );
    expect(await catalogueRows(actor.organizationId)).toMatchObject({ instruments: 0, audit: 0 });
  });

  it("keeps an organisation's import invisible to another organisation", async () => {
    const owner = await systemActor();
    const other = await systemActor();
    await importFramework(owner, fileInput(CATALOG, "commit"));
    const seenByOther = await db().instrument.count({
      where: { ...visibleTo({ organizationId: other.organizationId }), kind: "framework" },
    });
    const seenByOwner = await db().instrument.count({
      where: { ...visibleTo({ organizationId: owner.organizationId }), kind: "framework" },
    });
    expect([seenByOwner, seenByOther]).toEqual([1, 0]);
    // The other organisation imports the same file as its own, first version.
    const own = await importFramework(other, fileInput(CATALOG, "preview"));
    expect(own.ok && own.plan.outcome).toBe("new_framework");
  });

  it("stores a library of 6,000 nodes (more values than one statement may bind on SQLite or PostgreSQL)", async () => {
    const actor = await systemActor();
    const library = generateLibraryYaml({ nodes: 6_000, descriptionLength: 20 });
    const bytes = new TextEncoder().encode(library.text);
    const result = await importFramework(actor, { bytes, fileName: "large.yaml", mode: "commit" });
    expect(result.ok ? null : result.errors).toBeNull();
    expect(result).toMatchObject({
      ok: true,
      written: true,
      plan: { provisions: 6_000, assessable: library.assessable },
    });
    expect((await catalogueRows(actor.organizationId)).provisions).toBe(6_000);
  });

  it("lets admins and DPOs import, not assessors or auditors", async () => {
    const org = await createOrganization();
    for (const [role, allowed] of [
      ["ADMIN", true],
      ["DPO", true],
      ["ASSESSOR", false],
      ["AUDITOR", false],
    ] as const) {
      const actor = actorFor(await createUser({ organizationId: org.id, role }));
      const attempt = importFramework(actor, fileInput(V1, "preview"));
      if (allowed) await expect(attempt).resolves.toMatchObject({ ok: true });
      else await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("vetted regulations import (the command)", () => {
  it("prints the import line, then the changes line for v2, and exit codes 0/1/2", async () => {
    const { slug } = await systemActor();
    const first = capture();
    expect(await regulationsCommand("import", [V1, "--org", slug], first)).toBe(0);
    expect(first.out).toBe(`imported ${URN} version=1 provisions=10 assessable=7\n`);
    // The server's folders stay out of what organisation members can read.
    const recorded = await db().auditEvent.findFirst({
      where: { action: "regulations.framework_imported" },
      orderBy: { createdAt: "desc" },
    });
    expect(recorded?.payload).toContain('"fileName":"example-library-v1.yaml"');
    expect(JSON.stringify(await db().instrumentVersion.findMany())).not.toContain(FIXTURES);

    const second = capture();
    expect(await regulationsCommand("import", [V2, "--org", slug], second)).toBe(0);
    expect(second.out).toBe(
      `imported ${URN} version=2 provisions=10 assessable=7\nchanges added=1 changed=1 removed=1\n`,
    );

    const again = capture();
    expect(await regulationsCommand("import", [V2, "--org", slug], again)).toBe(0);
    expect(again.out).toContain(`unchanged ${URN} version=2`);
    expect(again.out).toContain("nothing was written");

    const broken = capture();
    const brokenFile = path.join(FIXTURES, "broken/wrong-depth.yaml");
    expect(await regulationsCommand("import", [brokenFile, "--org", slug], broken)).toBe(1);
    expect(broken.out).toBe("");
    expect(broken.err).toContain("nothing was written");
    expect(broken.err).toMatch(/objects\.framework\.requirement_nodes\[\d+\]\.depth: /);

    const noOrg = capture();
    expect(await regulationsCommand("import", [V1], noOrg)).toBe(2);
    expect(noOrg.err).toContain("--org <slug> is required");

    const unknownOrg = capture();
    expect(await regulationsCommand("import", [V1, "--org", "no-such-org"], unknownOrg)).toBe(1);
    expect(unknownOrg.err).toContain('no organisation with slug "no-such-org"');
  });
});

describe("npm run vetted -- regulations import (the real CLI process)", () => {
  it("exits 1 for a broken file, prints the path inside the file and writes nothing", async () => {
    const { organizationId, slug } = await systemActor();
    const result = runVetted([
      "regulations",
      "import",
      path.join(FIXTURES, "broken/duplicate-urn.yaml"),
      "--org",
      slug,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/ {2}objects\.framework\.requirement_nodes\[\d+\]\.urn: /);
    expect(await catalogueRows(organizationId)).toMatchObject({ instruments: 0, audit: 0 });
  });
});
