import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createClient, startAppServer, type AppServer } from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";
import { setCookieLine } from "./http-fixtures";

/**
 * The origin check of server/app.js (CSRF defence besides SameSite=Lax): a state-changing
 * request is refused with 403 before it reaches Remix unless its Origin is exactly the app's.
 */
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer();
});

afterAll(async () => {
  await app?.close();
});

async function sideEffectsOf(userId: string, organizationId: string) {
  return {
    sessions: await db().session.count({ where: { userId } }),
    rateLimitBuckets: await db().rateLimitBucket.findMany({ orderBy: { key: "asc" } }),
    auditEvents: await db().auditEvent.count({ where: { organizationId } }),
  };
}

describe("POST /login", () => {
  it("from a foreign origin is refused with 403 and leaves no trace", async () => {
    const org = await createOrganization();
    const { user, password } = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const before = await sideEffectsOf(user.id, org.id);
    const client = createClient(app.baseUrl);

    const foreignOrigins = [
      "https://evil.example",
      "null", // sandboxed iframes, file: pages
      app.baseUrl.replace("127.0.0.1", "localhost"), // same host, other name
      app.baseUrl.replace(/:\d+$/, ":1"), // other port
      app.baseUrl.replace("http:", "https:"), // other scheme
      `${app.baseUrl}.evil.example`, // prefix match
    ];
    for (const origin of foreignOrigins) {
      // The right password: would sign in if the request got through.
      const response = await client.post(
        "/login",
        { email: user.email, password, redirectTo: "/" },
        { origin },
      );
      expect(response.status, origin).toBe(403);
      expect(response.setCookies, origin).toEqual([]);
      expect(response.body).toMatch(/^Forbidden/);
    }
    // Wrong passwords from a foreign origin must not count towards the lockout either.
    for (let i = 0; i < 7; i++) {
      const response = await client.post(
        "/login",
        { email: user.email, password: "wrong password" },
        { origin: "https://evil.example" },
      );
      expect(response.status).toBe(403);
    }
    expect(await sideEffectsOf(user.id, org.id)).toEqual(before);
    expect(client.cookies().size).toBe(0);

    // Nothing was burnt: the same login from our own origin still works.
    const ok = await client.post("/login", { email: user.email, password, redirectTo: "/" });
    expect(ok.status).toBe(302);
    expect(setCookieLine(ok.setCookies, "vetted_session")).toBeTruthy();
  });

  it("without an Origin header is refused with 403 and leaves no trace", async () => {
    const org = await createOrganization();
    const { user, password } = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const before = await sideEffectsOf(user.id, org.id);
    const client = createClient(app.baseUrl);
    const right = await client.post("/login", { email: user.email, password }, { origin: null });
    const wrong = await client.post(
      "/login",
      { email: user.email, password: "wrong password" },
      { origin: null },
    );
    for (const response of [right, wrong]) {
      expect(response.status).toBe(403);
      expect(response.setCookies).toEqual([]);
    }
    expect(await sideEffectsOf(user.id, org.id)).toEqual(before);
  });

  it("from the app's own origin is processed", async () => {
    const org = await createOrganization();
    const { user, password } = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const client = createClient(app.baseUrl);

    const wrong = await client.post("/login", { email: user.email, password: "wrong password" });
    expect(wrong.status).toBe(400);
    // Counted and checked: the failure is in the audit trail (rate-limit keys carry an HMAC of
    // the address, not the address).
    expect(
      await db().auditEvent.count({ where: { action: "auth.login_failed", targetId: user.id } }),
    ).toBe(1);

    const ok = await client.post("/login", {
      email: user.email,
      password,
      redirectTo: "/assessments",
    });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/assessments");
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
    expect((await client.get("/assessments")).status).toBe(200);
  });
});

describe("other state-changing requests", () => {
  it("a cross-site logout does not end the session; safe methods need no Origin", async () => {
    const org = await createOrganization();
    const { user, password } = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const client = createClient(app.baseUrl);
    await client.login(user.email, password);

    expect((await client.get("/assessments", { origin: null })).status).toBe(200);
    expect((await client.post("/logout", {}, { origin: "https://evil.example" })).status).toBe(403);
    expect((await client.post("/logout", {}, { origin: null })).status).toBe(403);
    // Methods the app does not serve are refused before the origin check (405 with Allow).
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      expect(
        (await client.request(method, "/logout", { origin: "https://evil.example" })).status,
        method,
      ).toBe(405);
    }
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
    expect((await client.get("/assessments")).status).toBe(200);

    const logout = await client.post("/logout", {});
    expect(logout.status).toBe(302);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("Origin: null (pages under Referrer-Policy: no-referrer)", () => {
  it("is accepted only with Sec-Fetch-Site: same-origin, which only the browser itself can send", async () => {
    const org = await createOrganization();
    const { user, password } = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const before = await sideEffectsOf(user.id, org.id);
    const client = createClient(app.baseUrl);
    const refused: [string, Record<string, string>][] = [
      ["no Sec-Fetch-Site", {}],
      ["cross-site", { "Sec-Fetch-Site": "cross-site" }],
      ["same-site", { "Sec-Fetch-Site": "same-site" }],
      ["none", { "Sec-Fetch-Site": "none" }],
    ];
    for (const [label, headers] of refused) {
      const response = await client.post(
        "/login",
        { email: user.email, password, redirectTo: "/" },
        { origin: "null", headers },
      );
      expect(response.status, label).toBe(403);
      expect(response.setCookies, label).toEqual([]);
    }
    // Sec-Fetch-Site never stands in for a missing or foreign Origin.
    for (const origin of [null, "https://evil.example"]) {
      const response = await client.post(
        "/login",
        { email: user.email, password },
        { origin, headers: { "Sec-Fetch-Site": "same-origin" } },
      );
      expect(response.status, String(origin)).toBe(403);
    }
    expect(await sideEffectsOf(user.id, org.id)).toEqual(before);

    // A same-origin post from a no-referrer page: processed like any other (and Remix's own
    // Origin/Host comparison does not turn it into a 500).
    const ok = await client.post(
      "/login",
      { email: user.email, password, redirectTo: "/assessments" },
      { origin: "null", headers: { "Sec-Fetch-Site": "same-origin" } },
    );
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/assessments");
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
  });
});
