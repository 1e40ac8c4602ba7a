import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { auditEventsOf } from "../support/admin-factories";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpResponse,
} from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";
import { setupSmtpCatcher } from "../support/mail";

/**
 * Sign-in limits over real HTTP (issue 11, items 5, 6 and 17): every attempt is counted before
 * the password is checked, so parallel attempts cannot overrun a limit; an attacker's failures
 * from other addresses do not lock the owner out of their known device or usual network; the
 * owner is alerted once when the account's overall limit trips; and no burst of sign-ins
 * answers 500.
 */
const smtp = setupSmtpCatcher();
let app: AppServer;

beforeAll(async () => {
  // X-Forwarded-For gives each simulated client its own address.
  app = await startAppServer({ trustProxy: true });
});

afterAll(async () => {
  await app?.close();
});

beforeEach(() => smtp().clear());

let addressCounter = 0;
/** A client with an address of its own (TEST-NET-2 / documentation IPv6 ranges). */
function clientFrom(ip?: string) {
  addressCounter += 1;
  const address = ip ?? `198.51.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
  return createClient(app.baseUrl, { headers: { "X-Forwarded-For": address } });
}

function statusCounts(responses: HttpResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

describe("parallel sign-ins", () => {
  it("100 simultaneous wrong passwords for one account: exactly 5 are checked, 95 are refused, none fails", async () => {
    const org = await createOrganization();
    const { user } = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const attacker = clientFrom();
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        attacker.post("/login", { email: user.email, password: `wrong ${i}` }),
      ),
    );
    expect(statusCounts(responses)).toEqual({ 400: 5, 429: 95 });
    // Each checked password leaves one audit event; refused attempts check nothing.
    expect(await auditEventsOf(org.id, "auth.login_failed")).toHaveLength(5);
  });

  it("100 simultaneous sign-ins of 20 accounts, right and wrong passwords mixed, never answer 5xx", async () => {
    const org = await createOrganization();
    const users = await Promise.all(
      Array.from({ length: 20 }, () => createUser({ organizationId: org.id, role: "AUDITOR" })),
    );
    const attempts = users.flatMap(({ user, password }) =>
      [true, false, true, false, true].map((right) => ({
        email: user.email,
        password: right ? password : `${password}!`,
        right,
      })),
    );
    const responses = await Promise.all(
      attempts.map((attempt) =>
        clientFrom().post("/login", {
          email: attempt.email,
          password: attempt.password,
          redirectTo: "/",
        }),
      ),
    );
    const unexpected = responses
      .map((response, i) => ({ response, attempt: attempts[i]! }))
      .filter(({ response, attempt }) => response.status !== (attempt.right ? 302 : 400))
      .map(
        ({ response, attempt }) =>
          `${attempt.right ? "right" : "wrong"} password: ${response.status}`,
      );
    expect(unexpected).toEqual([]);
    expect(
      await db().session.count({ where: { userId: { in: users.map((u) => u.user.id) } } }),
    ).toBe(60);
  });
});

describe("an attacker cannot lock the owner out", () => {
  it("50 failures from other addresses: the owner still signs in from their known device and their usual address; the alert is sent once", async () => {
    const org = await createOrganization({ name: "Lockout GmbH" });
    const secondOrg = await createOrganization();
    const owner = await createUser({
      organizationId: org.id,
      role: "DPO",
      email: `owner-${Date.now()}@example.test`,
    });
    await db().membership.create({
      data: { organizationId: secondOrg.id, userId: owner.user.id, role: "AUDITOR" },
    });
    await db().user.update({ where: { id: owner.user.id }, data: { locale: "de" } });

    // The owner signed in before from their office (this browser keeps its device cookie).
    const officeIp = "203.0.113.10";
    const device = clientFrom(officeIp);
    expect(
      (
        await device.post("/login", {
          email: owner.user.email,
          password: owner.password,
          redirectTo: "/",
        })
      ).status,
    ).toBe(302);
    await device.post("/logout", {});

    // The attacker: 50 wrong passwords from 10 addresses (IPv4 and IPv6), 5 each.
    const attackerStatuses: number[] = [];
    for (let source = 0; source < 10; source++) {
      const ip = source % 2 === 0 ? `192.0.2.${source + 1}` : `2001:db8:${source}::${source}`;
      const attacker = clientFrom(ip);
      for (let i = 0; i < 5; i++) {
        attackerStatuses.push(
          (
            await attacker.post("/login", {
              email: owner.user.email,
              password: `guess ${source}-${i}`,
            })
          ).status,
        );
      }
    }
    expect(attackerStatuses.filter((s) => s >= 500)).toEqual([]);
    expect(attackerStatuses.filter((s) => s === 429).length).toBeGreaterThan(0);

    // The attacker is limited, whatever address they use next…
    const fresh = clientFrom("192.0.2.200");
    expect(
      (await fresh.post("/login", { email: owner.user.email, password: "one more guess" })).status,
    ).toBe(429);
    // …even with the right password (the overall limit refuses before checking it).
    expect(
      (
        await clientFrom("192.0.2.201").post("/login", {
          email: owner.user.email,
          password: owner.password,
        })
      ).status,
    ).toBe(429);

    // The owner's known device works, from a network it has never used before…
    const travelling = createClient(app.baseUrl, { headers: { "X-Forwarded-For": "198.18.0.9" } });
    for (const [name, value] of device.cookies()) travelling.setCookie(name, value);
    const fromDevice = await travelling.post("/login", {
      email: owner.user.email,
      password: owner.password,
      redirectTo: "/",
    });
    expect(fromDevice.status).toBe(302);
    // …and so does a new browser on the owner's usual network.
    const colleaguesPc = clientFrom(officeIp);
    expect(
      (
        await colleaguesPc.post("/login", {
          email: owner.user.email,
          password: owner.password,
          redirectTo: "/",
        })
      ).status,
    ).toBe(302);

    // One alert per organisation of the owner and one mail in their language, not one per attempt.
    for (const organizationId of [org.id, secondOrg.id]) {
      const alerts = await auditEventsOf(organizationId, "auth.login_throttled");
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ targetType: "user", targetId: owner.user.id });
    }
    const mail = await smtp().waitFor((m) => m.to.includes(owner.user.email));
    expect(mail.subject).toBe("Viele fehlgeschlagene Anmeldeversuche bei Ihrem Vetted-Konto");
    expect(smtp().messages.filter((m) => m.to.includes(owner.user.email))).toHaveLength(1);
  });

  it("the device cookie is HttpOnly, long-lived, signed and holds no e-mail address", async () => {
    const org = await createOrganization();
    const { user, password } = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const client = clientFrom();
    const response = await client.post("/login", { email: user.email, password, redirectTo: "/" });
    expect(response.status).toBe(302);
    const line = response.setCookies.find((l) => l.startsWith("vetted_login_device="));
    expect(line, response.setCookies.join("\n")).toBeTruthy();
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/Max-Age=\d{7,}/);
    const value = decodeURIComponent(line!.split(";")[0]!.slice("vetted_login_device=".length));
    const decoded = Buffer.from(value.slice(0, value.lastIndexOf(".")), "base64").toString("utf8");
    expect(decoded.toLowerCase()).not.toContain(user.email.toLowerCase());
    expect(decoded).not.toContain(user.id);

    // A forged cookie (signature kept, content changed) is no known device.
    const forged = `${Buffer.from(decoded.replace(/"d":"[^"]+"/, '"d":"forged"')).toString("base64")}${value.slice(value.lastIndexOf("."))}`;
    const other = clientFrom();
    other.setCookie("vetted_login_device", encodeURIComponent(forged));
    for (let i = 0; i < 5; i++)
      await other.post("/login", { email: user.email, password: `wrong ${i}` });
    expect((await other.post("/login", { email: user.email, password })).status).toBe(429);
  });
});
