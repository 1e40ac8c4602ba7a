import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regulationsCommand, type Io } from "../../../../cli/commands/regulations";
import { auditEventsOf } from "../../../../tests/support/assessment-factories";
import { createOrganization } from "../../../../tests/support/factories";
import { db } from "../../../utils/db.server";
import { listChangeEvents } from "../list-change-events.server";
import { SYNC_LIMITS, SyncError } from "./sync-limits";
import { syncRegulationFeed } from "./sync-regulation-feed.server";

/**
 * Online sync (issue 14 item 6) against a local HTTP server on 127.0.0.1 serving fixture feeds:
 * new entries become candidates once (idempotent, dismissed ones stay away), and every hostile or
 * broken answer — malformed XML, a DOCTYPE with entities, an undeclared entity, a huge body with
 * and without Content-Length, redirect loops and chains, a redirect to file:, a server that never
 * answers — is a SyncError that records nothing.
 */
const FIXTURES = path.resolve(import.meta.dirname, "../../../../tests/fixtures/regulation-feeds");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const HUGE_BYTES = SYNC_LIMITS.maxBytes + 1024 * 1024;

let server: Server;
let base: string;
let org: { id: string; slug: string };

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (type: string, body: Buffer | string) => {
      res.writeHead(200, { "Content-Type": type });
      res.end(body);
    };
    const redirect = (to: string) => {
      res.writeHead(302, { Location: to });
      res.end();
    };
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
    if (chain) return redirect(`/chain/${Number(chain[1]) + 1}`);
    switch (url.pathname) {
      case "/atom":
        return send("application/atom+xml", fixture("eurlex-style.atom"));
      case "/rss":
        return send("application/rss+xml", fixture("eurlex-style.rss"));
      case "/broken":
        return send("application/atom+xml", fixture("broken.atom"));
      case "/bomb":
        return send("application/xml", fixture("entity-bomb.xml"));
      case "/undeclared":
        return send("application/atom+xml", fixture("undeclared-entity.atom"));
      case "/html":
        return send("text/html", "<html><body>not a feed</body></html>");
      case "/moved":
        return redirect("/atom");
      case "/loop-a":
        return redirect("/loop-b");
      case "/loop-b":
        return redirect("/loop-a");
      case "/to-file":
        return redirect("file:///etc/passwd");
      case "/huge-declared":
        res.writeHead(200, {
          "Content-Type": "application/atom+xml",
          "Content-Length": HUGE_BYTES,
        });
        return res.end(Buffer.alloc(HUGE_BYTES, 0x20));
      case "/huge-chunked": {
        // No Content-Length: the limit must hold while streaming.
        res.writeHead(200, { "Content-Type": "application/atom+xml" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < HUGE_BYTES && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("error", () => {});
        return pump();
      }
      case "/hang":
        return; // never answers
      default:
        res.writeHead(404);
        res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  org = await createOrganization();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const syncCandidates = () =>
  db().changeEvent.findMany({
    where: { organizationId: org.id, source: "sync" },
    orderBy: { key: "asc" },
  });

describe("syncRegulationFeed", () => {
  it("records an Atom feed's new entries as unconfirmed candidates, once", async () => {
    const first = await syncRegulationFeed({ source: `${base}/atom`, organizationId: org.id });
    expect(first).toMatchObject({ entries: 2, added: 2, host: new URL(base).host });
    const rows = await syncCandidates();
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(row).toMatchObject({
        confirmed: false,
        dismissedAt: null,
        effectiveAt: null,
        source: "sync",
      });
    const texts = rows.map((row) => row.summaryEn).sort();
    expect(texts[0]).toBe(
      "Commission Decision (EU) 2026/102 on adequacy — Adequate level of protection x",
    );
    expect(texts[1]).toBe(
      "Commission Implementing Regulation (EU) 2026/101 & annex — Lays down rules for the application of Regulation (EU) 2024/1689.",
    );
    // A javascript: link is no source address.
    expect(rows.map((row) => row.sourceUrl).sort()).toEqual([
      "https://eur-lex.europa.eu/eli/reg_impl/2026/101/oj",
      null,
    ]);

    expect(
      await syncRegulationFeed({ source: `${base}/atom`, organizationId: org.id }),
    ).toMatchObject({ entries: 2, added: 0 });
    // A dismissed candidate is kept, so the next sync does not bring it back.
    await db().changeEvent.update({
      where: { id: rows[0]!.id },
      data: { dismissedAt: new Date() },
    });
    expect(
      await syncRegulationFeed({ source: `${base}/moved`, organizationId: org.id }),
    ).toMatchObject({ added: 2 });
    expect(
      (await syncRegulationFeed({ source: `${base}/atom`, organizationId: org.id })).added,
    ).toBe(0);

    const listed = await listChangeEvents({ organizationId: org.id });
    const candidates = listed.filter((row) => row.candidate);
    expect(candidates.length).toBeGreaterThanOrEqual(1);
    expect(listed.some((row) => row.id === rows[0]!.id)).toBe(false);
    expect(await auditEventsOf(org.id, "regulations.sync_candidates_recorded")).toHaveLength(2);
  });

  it("reads RSS 2.0: guid or link identify an item; an item with neither is skipped", async () => {
    const other = await createOrganization();
    const result = await syncRegulationFeed({ source: `${base}/rss`, organizationId: other.id });
    expect(result).toMatchObject({ entries: 2, added: 2 });
    const again = await syncRegulationFeed({ source: `${base}/rss`, organizationId: other.id });
    expect(again.added).toBe(0);
    const rows = await db().changeEvent.findMany({
      where: { organizationId: other.id, source: "sync" },
    });
    expect(rows.map((row) => row.summaryEn).sort()[1]).toBe(
      "Regulation (EU) 2026/201 amending Regulation (EU) 2016/679 — Amends the GDPR.",
    );
  });

  it.each([
    ["/broken", /not well-formed XML/],
    ["/bomb", /DOCTYPE/],
    ["/undeclared", /not well-formed XML: 4:22: undefined entity/],
    ["/html", /not an Atom or RSS 2.0 feed/],
    ["/huge-declared", new RegExp(`has ${HUGE_BYTES} bytes; at most ${SYNC_LIMITS.maxBytes}`)],
    ["/huge-chunked", new RegExp(`larger than ${SYNC_LIMITS.maxBytes} bytes`)],
    ["/loop-a", /redirect loop/],
    ["/chain/0", /more than 5 redirects/],
    ["/to-file", /only http and https feeds can be read, not file:/],
    ["/missing", /HTTP 404/],
  ])("refuses %s and records nothing", async (route, message) => {
    const before = await db().changeEvent.count();
    const error = await syncRegulationFeed({
      source: `${base}${route}`,
      organizationId: org.id,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as Error).message).toMatch(message);
    expect(await db().changeEvent.count()).toBe(before);
  });

  it("gives up on a server that never answers", async () => {
    const error = await syncRegulationFeed({
      source: `${base}/hang`,
      organizationId: org.id,
      limits: { ...SYNC_LIMITS, timeoutMs: 300 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as Error).message).toBe("no complete answer within 300 ms");
  });

  it("refuses what is not an http(s) address before any request", async () => {
    for (const source of [
      "ftp://127.0.0.1/feed",
      "file:///etc/passwd",
      "not a url",
      "http://user:pw@127.0.0.1/",
    ])
      await expect(syncRegulationFeed({ source, organizationId: org.id })).rejects.toBeInstanceOf(
        SyncError,
      );
  });
});

describe("vetted regulations sync", () => {
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

  it("prints source, entries and new; failures are a message and exit 1", async () => {
    const fresh = await createOrganization();
    const io = capture();
    expect(
      await regulationsCommand("sync", ["--source", `${base}/atom`, "--org", fresh.slug], io),
    ).toBe(0);
    expect(io.out()).toBe(`sync source=${new URL(base).host} entries=2 new=2\n`);
    const bad = capture();
    expect(
      await regulationsCommand("sync", ["--source", `${base}/bomb`, "--org", fresh.slug], bad),
    ).toBe(1);
    expect(bad.err()).toMatch(
      /^regulations sync: the feed has a DOCTYPE .*\(nothing was recorded\)\n$/,
    );
    const missing = capture();
    expect(await regulationsCommand("sync", ["--org", fresh.slug], missing)).toBe(1);
    expect(missing.err()).toContain("--source <url> is required");
  });

  it("without --org records global candidates that only an operator reviews", async () => {
    const io = capture();
    expect(await regulationsCommand("sync", ["--source", `${base}/rss`], io)).toBe(0);
    expect(io.out()).toMatch(/entries=2 new=2\n$/);
    const global = await db().changeEvent.findMany({
      where: { organizationId: null, source: "sync" },
      orderBy: { key: "asc" },
    });
    expect(global).toHaveLength(2);
    // Shown to an organisation marked as a candidate, but not its to review.
    const listed = await listChangeEvents({ organizationId: org.id });
    expect(listed.filter((row) => row.candidate && !row.own)).toHaveLength(2);

    const confirm = capture();
    expect(await regulationsCommand("review", [global[0]!.id, "--confirm"], confirm)).toBe(0);
    expect(confirm.out()).toBe(`confirmed ${global[0]!.id}\n`);
    const dismiss = capture();
    expect(await regulationsCommand("review", [global[1]!.id, "--dismiss"], dismiss)).toBe(0);
    const again = capture();
    expect(await regulationsCommand("review", [global[1]!.id, "--confirm"], again)).toBe(1);
    expect(again.err()).toContain("no open candidate of the global catalogue");
    const both = capture();
    expect(
      await regulationsCommand("review", [global[0]!.id, "--confirm", "--dismiss"], both),
    ).toBe(1);
    const rows = await db().changeEvent.findMany({
      where: { id: { in: global.map((g) => g.id) } },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(global[0]!.id)).toMatchObject({ confirmed: true, dismissedAt: null });
    expect(byId.get(global[0]!.id)!.note).toMatch(/^Confirmed by an operator/);
    expect(byId.get(global[1]!.id)!.dismissedAt).not.toBeNull();
  });
});
