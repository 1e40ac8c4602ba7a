import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTotpCode } from "~/modules/auth/totp.server";
import { db } from "~/utils/db.server";
import { createClient, startAppServer, type AppServer } from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";
import { base32Decode, testIdText } from "./http-fixtures";

/**
 * Loaders never write (issue 12, item 8; ADR 0023): a GET shows state, a POST changes it. Link
 * scanners, prefetching and reloads then change nothing. The one named exception, access
 * logging, is covered where it lives (the invitation page and the session guard).
 */
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer();
});

afterAll(async () => {
  await app?.close();
});

describe("GET /mfa/setup", () => {
  it("stores no pending key, shows the same key on reload, and the shown key enables on POST", async () => {
    const org = await createOrganization();
    const { user, password } = await createUser({ organizationId: org.id, role: "ADMIN" });
    const client = createClient(app.baseUrl);
    await client.login(user.email, password);
    const before = await db().user.findUniqueOrThrow({ where: { id: user.id } });

    const first = testIdText((await client.get("/mfa/setup")).body, "totp-manual-key");
    const reload = testIdText((await client.get("/mfa/setup")).body, "totp-manual-key");
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.totpSecretEnc).toBe(before.totpSecretEnc);
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
    expect(first).not.toBeNull();
    expect(reload).toBe(first);

    const confirm = await client.post("/mfa/setup", { code: generateTotpCode(base32Decode(first!), new Date()) });
    expect(confirm.status).toBe(200);
    const enabled = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(enabled.totpEnabledAt).not.toBeNull();
    expect(enabled.totpSecretEnc).not.toBeNull();
  });
});

describe("GET /assessments/new in an organisation without templates", () => {
  it("installs nothing; the page offers the bundled templates, and its POST installs them", async () => {
    const org = await createOrganization();
    const { user, password, totpKey } = await createUser({ organizationId: org.id, role: "ASSESSOR", withTotp: true });
    const client = createClient(app.baseUrl);
    await client.login(user.email, password, totpKey);

    const page = await client.get("/assessments/new");
    expect(page.status).toBe(200);
    expect(await db().questionnaireTemplate.count({ where: { organizationId: org.id } })).toBe(0);
    expect(page.body).toContain('data-testid="install-bundled-templates"');

    const install = await client.post("/assessments/new", { intent: "installBundledTemplates" });
    expect(install.status).toBe(302);
    expect(await db().questionnaireTemplate.count({ where: { organizationId: org.id } })).toBeGreaterThan(0);
    const ready = await client.get("/assessments/new");
    expect(ready.body).not.toContain('data-testid="install-bundled-templates"');
  });
});
