import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceRecoveryCodes } from "~/modules/auth/recovery-codes.server";
import { base32, decryptTotpKey, generateTotpCode } from "~/modules/auth/totp.server";
import { sha256Hex } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { inTransaction } from "~/utils/transaction.server";
import {
  createClient,
  parseSetCookie,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import {
  base32Decode,
  routePatterns,
  setCookieLine,
  startRealAssessment,
  testIdText,
  tokenFromCookieValue,
} from "./http-fixtures";

/**
 * Authentication over real HTTP: cookies, what the database keeps, enumeration, rate limits,
 * logout and expiry, mandatory MFA, TOTP replay, recovery codes, TOTP secrets at rest, and
 * step-up for the DPO decision.
 */
let app: AppServer;
let secureApp: AppServer;

beforeAll(async () => {
  // Trusting the proxy lets one test use its own client address (X-Forwarded-For); requests
  // without that header keep 127.0.0.1.
  app = await startAppServer({ trustProxy: true });
  // APP_URL https://…: the bundle must switch to __Host- cookies with Secure.
  secureApp = await startAppServer({ appUrlScheme: "https" });
});

afterAll(async () => {
  await app?.close();
  await secureApp?.close();
});

const SESSION = "vetted_session";

async function newUser(
  role: "ADMIN" | "ASSESSOR" | "DPO" | "AUDITOR" = "ASSESSOR",
  withTotp = false,
) {
  const org = await createOrganization();
  const created = await createUser({ organizationId: org.id, role, withTotp });
  return { org, ...created };
}

/** A page that needs a signed-in user; 200 means the session works. */
async function canUseApp(client: HttpClient): Promise<boolean> {
  const response = await client.get("/assessments");
  if (response.status === 200) return true;
  expect(response.status).toBe(302);
  expect(response.location).toMatch(/^\/login(\?|$)/);
  return false;
}

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Path=/ and carries a random token of which only the SHA-256 is stored", async () => {
    const { user, password } = await newUser();
    const client = createClient(app.baseUrl);
    const response = await client.post("/login", { email: user.email, password, redirectTo: "/" });
    expect(response.status).toBe(302);
    const line = setCookieLine(response.setCookies, SESSION);
    expect(line, response.setCookies.join("\n")).toBeTruthy();
    const cookie = parseSetCookie(line!);
    expect(cookie.attributes.has("httponly")).toBe(true);
    expect(cookie.attributes.get("samesite")?.toLowerCase()).toBe("lax");
    expect(cookie.attributes.get("path")).toBe("/");
    expect(cookie.attributes.has("domain")).toBe(false);

    const token = tokenFromCookieValue(cookie.value);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    const sessions = await db().session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.id).not.toBe(token);
    expect(sessions[0]!.id).toBe(sha256Hex(token));
    // The token appears nowhere in the row.
    expect(JSON.stringify(sessions[0])).not.toContain(token);
    expect(await canUseApp(client)).toBe(true);
  });

  it("is named __Host-vetted_session and Secure when APP_URL is https", async () => {
    const { user, password } = await newUser();
    const client = createClient(secureApp.baseUrl, { origin: secureApp.appUrl });
    expect(secureApp.appUrl).toMatch(/^https:\/\//);
    const response = await client.post("/login", { email: user.email, password, redirectTo: "/" });
    expect(response.status).toBe(302);
    expect(setCookieLine(response.setCookies, SESSION)).toBeUndefined();
    const line = setCookieLine(response.setCookies, `__Host-${SESSION}`);
    expect(line, response.setCookies.join("\n")).toBeTruthy();
    const cookie = parseSetCookie(line!);
    expect(cookie.attributes.has("secure")).toBe(true);
    expect(cookie.attributes.has("httponly")).toBe(true);
    expect(cookie.attributes.get("samesite")?.toLowerCase()).toBe("lax");
    expect(cookie.attributes.get("path")).toBe("/");
    expect(cookie.attributes.has("domain")).toBe(false);
    expect(response.headers.get("strict-transport-security")).toBeTruthy();

    // The pending second-factor cookie follows the same rules.
    const mfaUser = await newUser("ADMIN", true);
    const pending = await client.post("/login", {
      email: mfaUser.user.email,
      password: mfaUser.password,
    });
    expect(pending.location).toBe("/login/verify");
    const pendingLine = pending.setCookies.find((l) =>
      l.startsWith("__Host-vetted_pending_login="),
    );
    expect(pendingLine, pending.setCookies.join("\n")).toBeTruthy();
    expect(parseSetCookie(pendingLine!).attributes.has("secure")).toBe(true);
  });
});

describe("password step", () => {
  /** The page minus what legitimately differs between two requests (nonce, ids, the typed e-mail). */
  function normalise(body: string, email: string): string {
    return body
      .replaceAll(email, "<email>")
      .replace(/nonce="[^"]*"/g, 'nonce=""')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>");
  }

  it("answers an unknown e-mail exactly like a wrong password", async () => {
    const { user } = await newUser();
    const client = createClient(app.baseUrl);
    const unknownEmail = `nobody-${user.id}@example.test`;
    const unknown = await client.post("/login", {
      email: unknownEmail,
      password: "some password",
      redirectTo: "/",
    });
    const wrong = await client.post("/login", {
      email: user.email,
      password: "some password",
      redirectTo: "/",
    });
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(unknown.status);
    expect(wrong.body).toContain("E-mail or password is wrong.");
    expect(normalise(wrong.body, user.email)).toBe(normalise(unknown.body, unknownEmail));
    expect(unknown.setCookies).toEqual(wrong.setCookies);
  });

  it("locks the account after 5 wrong passwords: the 6th attempt gets 429 even with the right password", async () => {
    const { user, password } = await newUser();
    const client = createClient(app.baseUrl);
    for (let i = 1; i <= 5; i++) {
      const response = await client.post("/login", { email: user.email, password: `wrong ${i}` });
      expect(response.status, `attempt ${i}`).toBe(400);
    }
    const sixth = await client.post("/login", { email: user.email, password });
    expect(sixth.status).toBe(429);
    expect(sixth.body).toContain("Too many attempts");
    expect(setCookieLine(sixth.setCookies, SESSION)).toBeUndefined();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    // The e-mail is normalised: changing its case does not get around the limit.
    const shouting = await client.post("/login", { email: user.email.toUpperCase(), password });
    expect(shouting.status).toBe(429);
  });
});

describe("per-address limit", () => {
  it("30 failed logins from one address lock that address for every account", async () => {
    const { user, password } = await newUser();
    const attacker = createClient(app.baseUrl, { headers: { "X-Forwarded-For": "203.0.113.77" } });
    for (let i = 1; i <= 30; i++) {
      // Different accounts each time: the per-account limit (5) never triggers.
      const response = await attacker.post("/login", {
        email: `spray-${i}@example.test`,
        password: "Winter2026!",
      });
      expect(response.status, `attempt ${i}`).toBe(400);
    }
    const blocked = await attacker.post("/login", { email: user.email, password });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toContain("Too many attempts");
    expect(setCookieLine(blocked.setCookies, SESSION)).toBeUndefined();
    // Another address is not affected.
    const elsewhere = createClient(app.baseUrl, { headers: { "X-Forwarded-For": "203.0.113.78" } });
    expect((await elsewhere.post("/login", { email: user.email, password })).status).toBe(302);
  });
});

describe("redirect after sign-in", () => {
  it("never sends the browser to another site, and never fails", async () => {
    const { user, password } = await newUser();
    const targets = [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/ /evil.example",
    ];
    const own = new URL(app.baseUrl).origin;
    const problems: string[] = [];
    for (const target of targets) {
      const client = createClient(app.baseUrl);
      for (const [path, form] of [
        ["/login", { email: user.email, password, redirectTo: target }],
        ["/set-language", { locale: "en", redirectTo: target }],
      ] as const) {
        const response = await client.post(path, form);
        // Resolve the Location like a browser does (Node's URL is the WHATWG parser).
        const destination =
          response.location === null ? null : new URL(response.location, app.baseUrl);
        if (response.status >= 500)
          problems.push(`${path} ${JSON.stringify(target)}: ${response.status}`);
        else if (destination && destination.origin !== own)
          problems.push(`${path} ${JSON.stringify(target)}: redirects to ${destination.href}`);
      }
      await client.post("/logout", {});
    }
    expect(problems).toEqual([]);
  });
});

describe("ending sessions", () => {
  it("logout deletes the session; the old cookie then leads to /login", async () => {
    const { user, password } = await newUser();
    const client = createClient(app.baseUrl);
    await client.login(user.email, password);
    const oldCookie = client.cookie(SESSION)!;
    expect(await canUseApp(client)).toBe(true);

    const logout = await client.post("/logout", {});
    expect(logout.status).toBe(302);
    expect(logout.location).toBe("/login");
    expect(parseSetCookie(setCookieLine(logout.setCookies, SESSION)!).deletes).toBe(true);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);

    const replay = createClient(app.baseUrl);
    replay.setCookie(SESSION, oldCookie);
    const response = await replay.get("/assessments");
    expect(response.status).toBe(302);
    expect(response.location).toBe("/login?redirectTo=%2Fassessments");
  });

  it("ends a session that was idle too long", async () => {
    const { user, password } = await newUser();
    const client = createClient(app.baseUrl);
    await client.login(user.email, password);
    expect(await canUseApp(client)).toBe(true);
    // Default SESSION_IDLE_MINUTES is 120.
    await db().session.updateMany({
      where: { userId: user.id },
      data: { lastSeenAt: new Date(Date.now() - 121 * 60_000) },
    });
    expect(await canUseApp(client)).toBe(false);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("ends a session at its absolute expiry even while it is in use", async () => {
    const { user, password } = await newUser();
    const client = createClient(app.baseUrl);
    await client.login(user.email, password);
    const session = await db().session.findFirstOrThrow({ where: { userId: user.id } });
    // Absolute lifetime = SESSION_ABSOLUTE_HOURS (default 12).
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(12 * 3600_000);
    await db().session.update({
      where: { id: session.id },
      data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() },
    });
    expect(await canUseApp(client)).toBe(false);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("mandatory second factor", () => {
  /** Pages that need a user, as far as the current build has them (/vendors is being written). */
  function protectedPages(): string[] {
    const patterns = new Set(routePatterns(app.build).map((r) => r.pattern));
    const pages = ["/", "/vendors", "/assessments", "/assessments/new", "/audit"].filter((p) =>
      patterns.has(p),
    );
    expect(pages).toContain("/assessments");
    return pages;
  }

  it("sends an ADMIN without TOTP to /mfa/setup from every page", async () => {
    const { user, password } = await newUser("ADMIN", false);
    const client = createClient(app.baseUrl);
    await client.login(user.email, password);
    for (const page of protectedPages()) {
      const response = await client.get(page);
      expect(response.status, page).toBe(302);
      expect(response.location, page).toBe("/mfa/setup");
    }
    expect((await client.get("/mfa/setup")).status).toBe(200);
  });

  it("sends an ASSESSOR without TOTP to /mfa/setup when the organisation requires MFA for all", async () => {
    const { org, user, password } = await newUser("ASSESSOR", false);
    const client = createClient(app.baseUrl);
    await client.login(user.email, password);
    expect((await client.get("/assessments")).status).toBe(200);

    await db().organization.update({ where: { id: org.id }, data: { requireMfaForAll: true } });
    for (const page of protectedPages()) {
      const response = await client.get(page);
      expect(response.status, page).toBe(302);
      expect(response.location, page).toBe("/mfa/setup");
    }
  });
});

describe("second factor at login", () => {
  it("accepts a TOTP code once: the same code cannot sign in a second time", async () => {
    const { user, password, totpKey } = await newUser("DPO", true);
    const code = generateTotpCode(totpKey!, new Date());

    const first = createClient(app.baseUrl);
    const step1 = await first.post("/login", {
      email: user.email,
      password,
      redirectTo: "/assessments",
    });
    expect(step1.status).toBe(302);
    expect(step1.location).toBe("/login/verify");
    expect(setCookieLine(step1.setCookies, SESSION)).toBeUndefined(); // no session before the code
    const ok = await first.post("/login/verify", { code });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/assessments");
    expect(first.cookie(SESSION)).toBeTruthy();
    expect(await canUseApp(first)).toBe(true);

    const second = createClient(app.baseUrl);
    expect((await second.post("/login", { email: user.email, password })).location).toBe(
      "/login/verify",
    );
    const replay = await second.post("/login/verify", { code });
    expect(replay.status).toBe(400);
    expect(setCookieLine(replay.setCookies, SESSION)).toBeUndefined();
    expect(second.cookie(SESSION)).toBeUndefined();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
    expect(
      (await db().user.findUniqueOrThrow({ where: { id: user.id } })).totpLastStep,
    ).not.toBeNull();
  });

  it("the second-factor page asks for the code (not for the password again)", async () => {
    const { user, password } = await newUser("DPO", true);
    const client = createClient(app.baseUrl);
    expect((await client.post("/login", { email: user.email, password })).location).toBe(
      "/login/verify",
    );
    const page = await client.get("/login/verify");
    expect(page.status).toBe(200);
    expect(page.body).toContain("Two-factor authentication");
    expect(page.body).toMatch(/<input[^>]*name="code"/);
    expect(page.body).not.toMatch(/<input[^>]*name="password"/);

    const wrong = await client.post("/login/verify", { code: "000000" });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain("That code is not valid.");
  });

  it("refuses a forged pending-login cookie (the password step cannot be skipped)", async () => {
    const victim = await newUser("DPO", true);
    const attacker = await newUser("ASSESSOR", true);
    const client = createClient(app.baseUrl);
    const step1 = await client.post("/login", {
      email: attacker.user.email,
      password: attacker.password,
    });
    expect(step1.location).toBe("/login/verify");
    const raw = decodeURIComponent(client.cookie("vetted_pending_login")!);
    const dot = raw.lastIndexOf(".");
    const payload = JSON.parse(Buffer.from(raw.slice(0, dot), "base64").toString("utf8")) as Record<
      string,
      unknown
    >;
    expect(payload.userId).toBe(attacker.user.id);
    // Swap in the victim and keep the old signature.
    const forged = {
      ...payload,
      userId: victim.user.id,
      organizationId: victim.membership.organizationId,
    };
    client.setCookie(
      "vetted_pending_login",
      encodeURIComponent(
        `${Buffer.from(JSON.stringify(forged)).toString("base64")}${raw.slice(dot)}`,
      ),
    );
    const response = await client.post("/login/verify", {
      code: generateTotpCode(victim.totpKey!, new Date()),
    });
    // Refused: the action answers 400 and the page's loader (no valid pending login) sends the
    // browser back to /login.
    expect(
      response.status === 400 || (response.status === 302 && response.location === "/login"),
    ).toBe(true);
    expect(setCookieLine(response.setCookies, SESSION)).toBeUndefined();
    expect(client.cookie(SESSION)).toBeUndefined();
    expect(await db().session.count({ where: { userId: victim.user.id } })).toBe(0);
  });

  it("accepts a recovery code exactly once", async () => {
    const { user, password } = await newUser("ADMIN", true);
    const codes = await inTransaction((tx) => replaceRecoveryCodes(tx, user.id));

    const first = createClient(app.baseUrl);
    await first.post("/login", { email: user.email, password });
    const ok = await first.post("/login/verify", { code: codes[0]! });
    expect(ok.status).toBe(302);
    expect(first.cookie(SESSION)).toBeTruthy();
    expect(await canUseApp(first)).toBe(true);
    expect(
      await db().recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } }),
    ).toBe(1);

    const second = createClient(app.baseUrl);
    await second.post("/login", { email: user.email, password });
    const again = await second.post("/login/verify", { code: codes[0]! });
    expect(again.status).toBe(400);
    expect(second.cookie(SESSION)).toBeUndefined();
    // Another unused code still works.
    const other = await second.post("/login/verify", { code: codes[1]! });
    expect(other.status).toBe(302);
  });
});

describe("TOTP secret at rest", () => {
  it("enrolment over HTTP stores the key AES-GCM encrypted, never in plain form", async () => {
    const { user, password } = await newUser("ADMIN", false);
    const client = createClient(app.baseUrl);
    await client.login(user.email, password);
    const setup = await client.get("/mfa/setup");
    expect(setup.status).toBe(200);
    const manualKey = testIdText(setup.body, "totp-manual-key");
    expect(manualKey).toBeTruthy();
    const key = base32Decode(manualKey!);
    expect(key.length).toBeGreaterThanOrEqual(20);

    const confirm = await client.post("/mfa/setup", { code: generateTotpCode(key, new Date()) });
    expect(confirm.status).toBeLessThan(400);

    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpEnabledAt).not.toBeNull();
    const stored = row.totpSecretEnc!;
    expect(stored.split(".")).toHaveLength(4);
    expect(stored.startsWith("v1.")).toBe(true);
    expect(Buffer.from(decryptTotpKey(stored)).equals(Buffer.from(key))).toBe(true);
    const plainForms = [
      base32(key),
      base32(key).toLowerCase(),
      Buffer.from(key).toString("base64"),
      Buffer.from(key).toString("base64url"),
      Buffer.from(key).toString("hex"),
    ];
    for (const plain of plainForms) expect(stored).not.toContain(plain);
    // Nor anywhere else in the user's row.
    for (const plain of plainForms) expect(JSON.stringify(row)).not.toContain(plain);
  });
});

describe("TOTP enrolment", () => {
  it("shows the recovery codes once after the first code is confirmed", async () => {
    const { user, password } = await newUser("ADMIN", false);
    const client = createClient(app.baseUrl);
    await client.login(user.email, password);
    const setup = await client.get("/mfa/setup");
    const key = base32Decode(testIdText(setup.body, "totp-manual-key")!);
    const confirm = await client.post("/mfa/setup", { code: generateTotpCode(key, new Date()) });
    expect(
      (await db().user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt,
    ).not.toBeNull();
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('data-testid="recovery-codes"');
    expect(
      (confirm.body.match(/\b[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}\b/g) ?? []).length,
    ).toBeGreaterThanOrEqual(10);
  });
});

describe("step-up for the DPO decision", () => {
  it("refuses a decision without a fresh second factor and without a valid code", async () => {
    const org = await createOrganization();
    const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const dpo = await createUser({ organizationId: org.id, role: "DPO", withTotp: true });
    const vendor = await createVendor({ organizationId: org.id });
    const assessment = await startRealAssessment({ creator: assessor, vendorId: vendor.id });
    const ready = await db().assessment.update({
      where: { id: assessment.id },
      data: {
        status: "AWAITING_DECISION",
        forwardedById: assessor.user.id,
        forwardedAt: new Date(),
        submittedAt: new Date(),
      },
    });

    const client = createClient(app.baseUrl);
    await client.login(dpo.user.email, dpo.password, dpo.totpKey);
    // The login's second factor is 10 minutes old: no longer fresh (MFA_STEP_UP_MINUTES = 5).
    await db().session.updateMany({
      where: { userId: dpo.user.id },
      data: { mfaVerifiedAt: new Date(Date.now() - 10 * 60_000) },
    });
    const page = await client.get(`/assessments/${ready.id}?tab=decision`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('name="code"'); // the form asks for a code

    const decision = {
      intent: "decide",
      outcome: "APPROVED",
      rationale: "Looks fine to the DPO after review.",
      expectedVersion: String(ready.version),
    };
    // Four wrong tries: the fifth would lock the account's code checks for 5 minutes.
    for (const code of [undefined, "000000", "12345", "not-a-code"]) {
      const response = await client.post(`/assessments/${ready.id}`, { ...decision, code });
      expect(response.status, `code ${code}`).toBe(400);
    }
    const after = await db().assessment.findUniqueOrThrow({ where: { id: ready.id } });
    expect(after.status).toBe("AWAITING_DECISION");
    expect(after.version).toBe(ready.version);
    expect(await db().decision.count({ where: { assessmentId: ready.id } })).toBe(0);
    const session = await db().session.findFirstOrThrow({ where: { userId: dpo.user.id } });
    expect(Date.now() - session.mfaVerifiedAt!.getTime()).toBeGreaterThan(5 * 60_000);

    // Control: the same request with a valid (not yet used) code decides.
    const nextCode = generateTotpCode(dpo.totpKey, new Date(Date.now() + 30_000));
    const decided = await client.post(`/assessments/${ready.id}`, { ...decision, code: nextCode });
    expect(decided.status).toBe(200);
    expect((await db().assessment.findUniqueOrThrow({ where: { id: ready.id } })).status).toBe(
      "APPROVED",
    );
  });
});
