import { SaxesParser } from "saxes";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/utils/db.server";
import {
  createTestChangeEvent,
  createTestInstrument,
} from "../../tests/support/change-event-factories";
import { runVetted } from "../../tests/support/cli";
import { createOrganization } from "../../tests/support/factories";
import { regulationsCommand, type Io } from "./regulations";

/**
 * `vetted regulations changes [--org <slug>] [--since <date>] [--format text|atom|json]` (issue 14
 * item 5): text is one line per event; atom/json are the feed's documents (one builder). Bad
 * arguments: a message and exit 1.
 */
function capture(): Io & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    out: () => out,
    err: () => err,
  };
}

let slugA: string;
let globalKey: string;
let ownEventId: string;

beforeAll(async () => {
  const orgA = await createOrganization();
  slugA = orgA.slug;
  const orgB = await createOrganization();
  const global = await createTestInstrument(null, { titleEn: "Global & <Act>" });
  globalKey = global.key;
  await createTestChangeEvent(global, {
    detectedAt: new Date("2026-10-01T00:00:00Z"),
    effectiveAt: new Date("2027-01-01T00:00:00Z"),
    type: "application_date_shift",
    legalStatus: "adopted",
  });
  const own = await createTestInstrument(orgA.id, { titleEn: "A's framework" });
  ownEventId = (await createTestChangeEvent(own, { detectedAt: new Date("2026-11-20T00:00:00Z") }))
    .id;
  const foreign = await createTestInstrument(orgB.id, { titleEn: "B's secret framework" });
  await createTestChangeEvent(foreign, { detectedAt: new Date("2026-11-21T00:00:00Z") });
});

describe("vetted regulations changes", () => {
  it("prints one line per event: the global catalogue, plus the organisation's own with --org", async () => {
    const io = capture();
    expect(await regulationsCommand("changes", ["--org", slugA], io)).toBe(0);
    const lines = io.out().trimEnd().split("\n");
    expect(lines.find((line) => line.includes(ownEventId))).toMatch(
      /^2026-11-20 .*amendment.*adopted.*A's framework/,
    );
    expect(
      lines.some((line) => line.includes(globalKey) && line.includes("effective=2027-01-01")),
    ).toBe(true);
    expect(io.out()).not.toContain("B's secret framework");

    const globalOnly = capture();
    expect(await regulationsCommand("changes", [], globalOnly)).toBe(0);
    expect(globalOnly.out()).not.toContain("A's framework");
  });

  it("--since leaves out what was detected before", async () => {
    const io = capture();
    expect(await regulationsCommand("changes", ["--org", slugA, "--since", "2026-11-01"], io)).toBe(
      0,
    );
    expect(io.out()).toContain(ownEventId);
    expect(io.out()).not.toContain(globalKey);
  });

  it("--format atom prints the feed's Atom document; --format json its JSON Feed", async () => {
    const atom = capture();
    expect(await regulationsCommand("changes", ["--org", slugA, "--format", "atom"], atom)).toBe(0);
    const names: string[] = [];
    const parser = new SaxesParser();
    parser.on("opentag", (tag) => void names.push(tag.name));
    parser.write(atom.out()).close();
    expect(names[0]).toBe("feed");
    expect(names.filter((name) => name === "entry").length).toBeGreaterThanOrEqual(2);
    expect(atom.out()).toContain("Global &amp; &lt;Act&gt;");

    const json = capture();
    expect(await regulationsCommand("changes", ["--org", slugA, "--format", "json"], json)).toBe(0);
    const feed = JSON.parse(json.out()) as { version: string; items: { id: string }[] };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.items.map((item) => item.id)).toContain(`urn:vetted:change-event:${ownEventId}`);
  });

  it.each([
    [["--format", "pdf"], /--format must be text, atom or json/],
    [["--since", "yesterday"], /--since must be a date \(YYYY-MM-DD\)/],
    [["--org", "no-such-org"], /no organisation with slug "no-such-org"/],
    [["--bogus"], /Unknown option '--bogus'/],
  ])("refuses %j with a message and exit 1", async (args, message) => {
    const io = capture();
    expect(await regulationsCommand("changes", args, io)).toBe(1);
    expect(io.err()).toMatch(message);
    expect(io.out()).toBe("");
  });

  it("runs as the real command", () => {
    const result = runVetted(["regulations", "changes", "--org", slugA]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(ownEventId);
    expect(runVetted(["regulations", "changes", "--format", "x"]).code).toBe(1);
  });

  it("writes nothing", async () => {
    const before = await db().auditEvent.count();
    await regulationsCommand("changes", ["--org", slugA], capture());
    expect(await db().auditEvent.count()).toBe(before);
  });
});
