import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../app/utils/crypto.server";
import { db } from "../../app/utils/db.server";
import { auditEventsOf } from "../support/assessment-factories";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../support/app-server";
import { createTestChangeEvent, createTestInstrument } from "../support/change-event-factories";
import { createOrganization, createUser } from "../support/factories";

/**
 * The change feed over the real HTTP stack (issue 14 items 5 and 6): the page with its filters
 * for every role, the secret feed address (created, rotated, revoked on the account page; only
 * its hash stored; readers without a session; 404 for everything that is not a live address of
 * an active member), and the review of sync candidates.
 */
let app: AppServer;
let orgA: { id: string; name: string };
let dpo: HttpClient;
let auditor: HttpClient;
let assessor: HttpClient;
let assessorMembershipId: string;
let anonymous: HttpClient;
const events: Record<string, string> = {};

beforeAll(async () => {
  app = await startAppServer();
  orgA = await createOrganization({ name: "Feed & <Co>" });
  const orgB = await createOrganization();
  const dpoUser = await createUser({ organizationId: orgA.id, role: "DPO", withTotp: true });
  const auditorUser = await createUser({ organizationId: orgA.id, role: "AUDITOR" });
  const assessorUser = await createUser({ organizationId: orgA.id, role: "ASSESSOR" });
  assessorMembershipId = assessorUser.membership.id;
  dpo = createClient(app.baseUrl);
  await dpo.login(dpoUser.user.email, dpoUser.password, dpoUser.totpKey);
  auditor = createClient(app.baseUrl);
  await auditor.login(auditorUser.user.email, auditorUser.password);
  assessor = createClient(app.baseUrl);
  await assessor.login(assessorUser.user.email, assessorUser.password);
  anonymous = createClient(app.baseUrl);

  const ownA = await createTestInstrument(orgA.id, { titleEn: "A framework" });
  const ownB = await createTestInstrument(orgB.id, { titleEn: "B framework" });
  events.own = (
    await createTestChangeEvent(ownA, {
      type: "guidance",
      summaryEn: "A's own guidance",
    })
  ).id;
  events.foreign = (await createTestChangeEvent(ownB, { summaryEn: "B's secret change" })).id;
  events.candidate = (
    await createTestChangeEvent(ownA, {
      source: "sync",
      confirmed: false,
      summaryEn: "A synced candidate",
    })
  ).id;
  events.dismissable = (
    await createTestChangeEvent(ownA, {
      source: "sync",
      confirmed: false,
      summaryEn: "Another synced candidate",
    })
  ).id;
  events.foreignCandidate = (
    await createTestChangeEvent(ownB, {
      source: "sync",
      confirmed: false,
    })
  ).id;
}, 180_000);

afterAll(async () => {
  await app?.close();
});

function secretFrom(body: string): string {
  const match = /\/feeds\/([A-Za-z0-9_-]{43})\/changes\.atom/.exec(body);
  if (!match) throw new Error("no feed address in the answer");
  return match[1]!;
}

function atomElementNames(xml: string): string[] {
  const names: string[] = [];
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => void names.push(tag.name));
  parser.write(xml).close();
  return names;
}

describe("/regulations/changes", () => {
  it("lists the organisation's and the global changes for every role, never another organisation's", async () => {
    for (const client of [auditor, assessor, dpo]) {
      const page = await client.get("/regulations/changes");
      expect(page.status).toBe(200);
      expect(page.body).toContain("A&#x27;s own guidance");
      expect(page.body).not.toContain("B&#x27;s secret change");
      expect(page.body).toContain('href="/regulations/changes"');
    }
  });

  it("leads ADMIN and DPO to the framework import, and nobody else", async () => {
    expect((await dpo.get("/regulations/changes")).body).toContain('href="/regulations/import"');
    for (const client of [auditor, assessor])
      expect((await client.get("/regulations/changes")).body).not.toContain(
        'href="/regulations/import"',
      );
  });

  it("filters, and answers a bad filter with 400, a message and the typed value", async () => {
    const filtered = await auditor.get("/regulations/changes?type=guidance");
    expect(filtered.status).toBe(200);
    expect(filtered.body).toContain("A&#x27;s own guidance");
    expect(filtered.body).not.toContain("A synced candidate");
    const bad = await auditor.get("/regulations/changes?effectiveFrom=2026-02-31");
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("Enter a date as YYYY-MM-DD.");
    expect(bad.body).toContain('value="2026-02-31"');
  });

  it("marks sync candidates; ADMIN/DPO confirm or dismiss their organisation's (audited), nobody else's", async () => {
    const page = await dpo.get("/regulations/changes");
    expect(page.body).toContain("Candidate from sync — not a confirmed fact");
    expect(
      (
        await auditor.post("/regulations/changes", {
          intent: "confirm",
          changeEventId: events.candidate!,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await dpo.post("/regulations/changes", {
          intent: "confirm",
          changeEventId: events.foreignCandidate!,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await dpo.post("/regulations/changes", {
          intent: "publish",
          changeEventId: events.candidate!,
        })
      ).status,
    ).toBe(400);

    const confirmed = await dpo.post("/regulations/changes", {
      intent: "confirm",
      changeEventId: events.candidate!,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toContain("The change was confirmed and now counts as a fact.");
    const dismissed = await dpo.post("/regulations/changes", {
      intent: "dismiss",
      changeEventId: events.dismissable!,
    });
    expect(dismissed.status).toBe(200);
    expect(
      (
        await dpo.post("/regulations/changes", {
          intent: "dismiss",
          changeEventId: events.dismissable!,
        })
      ).status,
    ).toBe(404);

    const rows = await db().changeEvent.findMany({
      where: { id: { in: [events.candidate!, events.dismissable!, events.foreignCandidate!] } },
      select: { id: true, confirmed: true, dismissedAt: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(events.candidate!)?.confirmed).toBe(true);
    expect(byId.get(events.dismissable!)?.dismissedAt).not.toBeNull();
    expect(byId.get(events.foreignCandidate!)).toMatchObject({
      confirmed: false,
      dismissedAt: null,
    });
    expect((await dpo.get("/regulations/changes")).body).not.toContain("Another synced candidate");
    expect(await auditEventsOf(orgA.id, "regulations.change_candidate_confirmed")).toHaveLength(1);
    expect(await auditEventsOf(orgA.id, "regulations.change_candidate_dismissed")).toHaveLength(1);
  });
});

describe("the secret feed address", () => {
  it("is shown once, stored as a hash, and serves Atom and JSON Feed without a session", async () => {
    const created = await dpo.post("/account", { intent: "createFeedToken" });
    expect(created.status).toBe(200);
    const secret = secretFrom(created.body);
    const stored = await db().feedToken.findMany({ where: { organizationId: orgA.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(sha256Hex(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    const account = await dpo.get("/account");
    expect(account.body).toContain("Feed address created on");
    expect(account.body).not.toContain(secret);

    const atom = await anonymous.get(`/feeds/${secret}/changes.atom`);
    expect(atom.status).toBe(200);
    expect(atom.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(atom.headers.get("cache-control")).toBe("private, max-age=300");
    expect(atom.headers.get("referrer-policy")).toBe("no-referrer");
    const names = atomElementNames(atom.body);
    expect(names[0]).toBe("feed");
    expect(atom.body).toContain("Regulatory changes · Feed &amp; &lt;Co&gt;");
    expect(atom.body).toContain("A&apos;s own guidance");
    expect(atom.body).not.toContain("B&apos;s secret change");
    expect(atom.body).toContain(`href="${app.baseUrl}/feeds/${secret}/changes.atom"`);

    const etag = atom.headers.get("etag")!;
    const again = await anonymous.get(`/feeds/${secret}/changes.atom`, {
      headers: { "If-None-Match": etag },
    });
    expect(again.status).toBe(304);

    const json = await anonymous.get(`/feeds/${secret}/changes.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const feed = JSON.parse(json.body) as { version: string; items: { summary: string }[] };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.items.some((item) => item.summary.startsWith("A's own guidance"))).toBe(true);
    expect(json.body).not.toContain("B's secret change");
    expect(
      (await db().feedToken.findFirstOrThrow({ where: { tokenHash: sha256Hex(secret) } }))
        .lastUsedAt,
    ).not.toBeNull();
  });

  it("rotates and revokes (audited): an old, revoked, unknown or malformed address is a 404", async () => {
    const first = secretFrom((await dpo.post("/account", { intent: "createFeedToken" })).body);
    const second = secretFrom((await dpo.post("/account", { intent: "createFeedToken" })).body);
    expect((await anonymous.get(`/feeds/${first}/changes.atom`)).status).toBe(404);
    expect((await anonymous.get(`/feeds/${second}/changes.json`)).status).toBe(200);
    const revoked = await dpo.post("/account", { intent: "revokeFeedToken" });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toContain("The feed address was revoked");
    expect((await anonymous.get(`/feeds/${second}/changes.atom`)).status).toBe(404);
    expect((await anonymous.get(`/feeds/${"x".repeat(43)}/changes.atom`)).status).toBe(404);
    expect((await anonymous.get("/feeds/short/changes.json")).status).toBe(404);
    expect((await anonymous.get(`/feeds/${second}%00/changes.json`)).status).toBe(404);
    expect(await auditEventsOf(orgA.id, "regulations.feed_token_rotated")).not.toHaveLength(0);
    expect(await auditEventsOf(orgA.id, "regulations.feed_token_revoked")).toHaveLength(1);
    expect((await dpo.get("/account")).body).toContain("You have no feed address.");
  });

  it("is a 404 once its user is no longer an active member", async () => {
    const secret = secretFrom(
      (await assessor.post("/account", { intent: "createFeedToken" })).body,
    );
    expect((await anonymous.get(`/feeds/${secret}/changes.atom`)).status).toBe(200);
    await db().membership.update({
      where: { id: assessorMembershipId },
      data: { deactivatedAt: new Date() },
    });
    expect((await anonymous.get(`/feeds/${secret}/changes.atom`)).status).toBe(404);
  });

  it("speaks its user's language", async () => {
    const dpoRow = await db().membership.findFirstOrThrow({
      where: { organizationId: orgA.id, role: "DPO" },
      select: { userId: true },
    });
    await db().user.update({ where: { id: dpoRow.userId }, data: { locale: "de" } });
    const secret = secretFrom((await dpo.post("/account", { intent: "createFeedToken" })).body);
    const atom = await anonymous.get(`/feeds/${secret}/changes.atom`);
    expect(atom.body).toContain('xml:lang="de"');
    expect(atom.body).toContain("<title>Regulatorische Änderungen · Feed &amp; &lt;Co&gt;</title>");
    expect(atom.body).toContain("Rechtsstatus: Angenommen.");
  });

  it("is limited per address like the other token routes: 429 with Retry-After, even for a live secret", async () => {
    const secret = secretFrom((await dpo.post("/account", { intent: "createFeedToken" })).body);
    let answer = await anonymous.get(`/feeds/${"y".repeat(43)}/changes.atom`);
    for (let i = 0; i < 40 && answer.status !== 429; i++)
      answer = await anonymous.get(`/feeds/${"y".repeat(43)}/changes.atom`);
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await anonymous.get(`/feeds/${secret}/changes.json`)).status).toBe(429);
  });
});
