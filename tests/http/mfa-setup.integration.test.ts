import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTotpCode } from "~/modules/auth/totp.server";
import { db } from "~/utils/db.server";
import { createClient, startAppServer, type AppServer } from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";
import { base32Decode, testIdText } from "./http-fixtures";

/**
 * TOTP enrolment over real HTTP (issue 11, item 17): confirming an enrolment that is already
 * done — a second tab, a double click, a replayed form — is a clear answer, never a 500, and
 * changes nothing.
 */
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer();
});

afterAll(async () => {
  await app?.close();
});

describe("re-enrolling TOTP", () => {
  it("while already enrolled: a clear refusal, never 500, and the key stays", async () => {
    const org = await createOrganization();
    const { user, password, totpKey } = await createUser({
      organizationId: org.id,
      role: "ADMIN",
      withTotp: true,
    });
    const before = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    const client = createClient(app.baseUrl);
    await client.login(user.email, password, totpKey);

    const page = await client.get("/mfa/setup");
    expect(page.status).toBe(200);
    expect(testIdText(page.body, "totp-manual-key")).toBeNull();

    const again = await client.post("/mfa/setup", {
      code: generateTotpCode(totpKey, new Date(Date.now() + 60_000)),
    });
    expect(again.status).toBe(409);
    expect(again.body).toContain("Two-factor authentication is already enabled");
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.totpSecretEnc).toBe(before.totpSecretEnc);
    expect(after.totpEnabledAt?.getTime()).toBe(before.totpEnabledAt?.getTime());
  });

  it("two confirmations of one enrolment at the same moment: one shows the recovery codes, the other a refusal", async () => {
    const org = await createOrganization();
    const { user, password } = await createUser({ organizationId: org.id, role: "ADMIN" });
    const client = createClient(app.baseUrl);
    await client.login(user.email, password);
    const key = base32Decode(testIdText((await client.get("/mfa/setup")).body, "totp-manual-key")!);
    const code = generateTotpCode(key, new Date());
    const [first, second] = await Promise.all([
      client.post("/mfa/setup", { code }),
      client.post("/mfa/setup", { code }),
    ]);
    expect([first!.status, second!.status].sort()).toEqual([200, 409]);
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(10);
  });
});
