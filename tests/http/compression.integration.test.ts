import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvidenceWorld, vendorSessionCookieValue } from "../support/evidence-test-world";
import { db } from "~/utils/db.server";
import { createClient, startAppServer, type AppServer } from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { decodedBody, getBytes, type BytesResponse } from "../support/raw-http";

/**
 * Responses are compressed (issue 11, item 19; ADR 0018): pages, Remix data, scripts and styles
 * go out with gzip or brotli as the client accepts, streamed pages and the rendered-page cache
 * included; downloads keep their exact bytes and Content-Length; pages that show a lasting
 * secret are never compressed (BREACH).
 */
let app: AppServer;
let staffCookie: string;
let auditorCookie: string;
let evidence: { assessmentId: string; fileId: string; text: string };
let assessmentId: string;

beforeAll(async () => {
  app = await startAppServer();
  const org = await createOrganization();
  const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  for (let i = 0; i < 30; i++)
    await createVendor({
      organizationId: org.id,
      name: `Kompressions-Lieferant ${i} – Prüfung „gut“`,
    });
  const staff = createClient(app.baseUrl);
  await staff.login(assessor.user.email, assessor.password);
  staffCookie = cookieHeader(staff.cookies());

  // A text file as evidence (text/plain: compressible by type, but a download).
  const world = await createEvidenceWorld();
  assessmentId = world.assessmentId;
  const vendor = createClient(app.baseUrl);
  vendor.setCookie("vetted_vendor", await vendorSessionCookieValue(world.vendor));
  const text = "Prüfbericht Zeile für Zeile\n".repeat(400);
  const form = new FormData();
  form.set("questionKey", "security.certificate");
  form.set("file", new File([text], "bericht.txt", { type: "text/plain" }));
  const upload = await vendor.request("POST", "/portal/evidence", {
    body: form,
    headers: { Accept: "application/json" },
  });
  expect(upload.status, upload.body).toBe(200);
  evidence = {
    assessmentId: world.assessmentId,
    fileId: (JSON.parse(upload.body) as { file: { id: string } }).file.id,
    text,
  };
  const auditorUser = await createUser({ organizationId: world.org.id, role: "AUDITOR" });
  const auditor = createClient(app.baseUrl);
  await auditor.login(auditorUser.user.email, auditorUser.password);
  auditorCookie = cookieHeader(auditor.cookies());
}, 120_000);

afterAll(async () => {
  await app?.close();
});

function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

function varyOf(response: BytesResponse): string[] {
  return String(response.headers.vary ?? "")
    .split(",")
    .map((v) => v.trim().toLowerCase());
}

describe("text responses are compressed as the client accepts", () => {
  it("a streamed page: brotli when offered, else gzip, else none; Vary: Accept-Encoding", async () => {
    const cases: [string | undefined, string | undefined][] = [
      ["br, gzip, deflate", "br"],
      ["gzip, deflate", "gzip"],
      [undefined, undefined],
      ["identity", undefined],
    ];
    for (const [accept, expected] of cases) {
      const response = await getBytes(app.baseUrl, "/vendors", {
        Cookie: staffCookie,
        ...(accept ? { "Accept-Encoding": accept } : {}),
      });
      expect(response.status, accept).toBe(200);
      expect(response.headers["content-encoding"], accept).toBe(expected);
      expect(varyOf(response), accept).toContain("accept-encoding");
      const html = decodedBody(response).toString("utf8");
      expect(html).toContain("Kompressions-Lieferant 0 – Prüfung „gut“");
      expect(html.trimEnd()).toMatch(/<\/html>|<\/script>$/);
      if (expected) expect(response.body.length).toBeLessThan(html.length / 3);
    }
  });

  it("Remix data, the login page, scripts and styles", async () => {
    const data = await getBytes(app.baseUrl, `/assessments/${assessmentId}.data`, {
      Cookie: auditorCookie,
      "Accept-Encoding": "gzip",
    });
    expect(data.status).toBe(200);
    expect(data.headers["content-encoding"]).toBe("gzip");
    expect(decodedBody(data).toString("utf8")).toContain(assessmentId);

    const login = await getBytes(app.baseUrl, "/login", { "Accept-Encoding": "br" });
    expect(login.headers["content-encoding"]).toBe("br");

    const assets = readdirSync(path.resolve("build/client/assets"));
    for (const file of [
      assets.find((f) => f.startsWith("entry.client") && f.endsWith(".js")),
      assets.find((f) => f.endsWith(".css")),
    ]) {
      expect(file).toBeTruthy();
      const asset = await getBytes(app.baseUrl, `/assets/${file}`, { "Accept-Encoding": "gzip" });
      expect(asset.status, file).toBe(200);
      expect(asset.headers["content-encoding"], file).toBe("gzip");
    }
  });

  it("a HEAD request and a small body are sent as they are", async () => {
    const head = await getBytes(app.baseUrl, "/login", { "Accept-Encoding": "gzip" }, "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
    const health = await getBytes(app.baseUrl, "/healthz", { "Accept-Encoding": "gzip" });
    expect(health.headers["content-encoding"]).toBeUndefined();
    expect(health.body.toString("utf8")).toBe("ok");
  });
});

describe("the rendered-page cache", () => {
  it("keeps pages uncompressed and serves hits compressed or not, each correct", async () => {
    const target = "/portfolio?sort=name&probe=compression";
    const miss = await getBytes(app.baseUrl, target, {
      Cookie: staffCookie,
      "Accept-Encoding": "gzip",
    });
    const plainHit = await getBytes(app.baseUrl, target, { Cookie: staffCookie });
    const brHit = await getBytes(app.baseUrl, target, {
      Cookie: staffCookie,
      "Accept-Encoding": "br",
    });
    expect([miss, plainHit, brHit].map((r) => r.headers["x-page-cache"])).toEqual([
      "miss",
      "hit",
      "hit",
    ]);
    expect([miss, plainHit, brHit].map((r) => r.headers["content-encoding"])).toEqual([
      "gzip",
      undefined,
      "br",
    ]);
    // An uncompressed hit says its true length; a compressed one has none (or the compressed one).
    expect(Number(plainHit.headers["content-length"])).toBe(plainHit.body.length);
    expect(
      brHit.headers["content-length"] === undefined ||
        Number(brHit.headers["content-length"]) === brHit.body.length,
    ).toBe(true);
    for (const response of [miss, plainHit, brHit]) {
      const html = decodedBody(response).toString("utf8");
      expect(html).toContain("Kompressions-Lieferant 29 – Prüfung „gut“");
      expect(html.includes("\u0000") || html.includes("\uFFFD")).toBe(false);
    }
  });
});

describe("what is not compressed", () => {
  it("downloads keep their bytes and Content-Length: evidence (text), exports", async () => {
    const file = await getBytes(
      app.baseUrl,
      `/assessments/${evidence.assessmentId}/evidence/${evidence.fileId}`,
      { Cookie: auditorCookie, "Accept-Encoding": "br, gzip" },
    );
    expect(file.status).toBe(200);
    expect(file.headers["content-type"]).toMatch(/^text\/plain/);
    expect(file.headers["content-encoding"]).toBeUndefined();
    expect(Number(file.headers["content-length"])).toBe(Buffer.byteLength(evidence.text));
    expect(file.body.toString("utf8")).toBe(evidence.text);

    for (const format of ["csv", "json"]) {
      const exported = await getBytes(app.baseUrl, `/portfolio/export?format=${format}`, {
        Cookie: staffCookie,
        "Accept-Encoding": "gzip",
      });
      expect(exported.status, format).toBe(200);
      expect(exported.headers["content-disposition"], format).toMatch(/^attachment/);
      expect(exported.headers["content-encoding"], format).toBeUndefined();
      expect(exported.body.toString("utf8"), format).toContain("Kompressions-Lieferant");
    }
  });

  it("pages that show a lasting secret (TOTP set-up, invite pages), and their data requests", async () => {
    const org = await createOrganization();
    const user = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const client = createClient(app.baseUrl);
    await client.login(user.user.email, user.password);
    const cookie = cookieHeader(client.cookies());
    for (const target of ["/mfa/setup", "/mfa/setup.data"]) {
      const response = await getBytes(app.baseUrl, target, {
        Cookie: cookie,
        "Accept-Encoding": "gzip, br",
      });
      expect(response.status, target).toBe(200);
      expect(response.body.length, target).toBeGreaterThan(1024);
      expect(response.headers["content-encoding"], target).toBeUndefined();
    }
    const enrolment = await db().user.findUniqueOrThrow({
      where: { id: user.user.id },
      select: { totpEnabledAt: true },
    });
    expect(enrolment.totpEnabledAt).toBeNull();
    const invite = await getBytes(app.baseUrl, `/invite/${"x".repeat(43)}`, {
      "Accept-Encoding": "gzip",
    });
    expect(invite.headers["content-encoding"]).toBeUndefined();
  });
});
