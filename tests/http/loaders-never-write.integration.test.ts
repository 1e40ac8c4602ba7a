import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "~/generated/sqlite/client";
import { ROLES, type Role } from "~/modules/auth/actor";
import { generateTotpCode } from "~/modules/auth/totp.server";
import { db } from "~/utils/db.server";
import { createInvitationRecord } from "../support/admin-factories";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { createProductRecord } from "../support/vendor-factories";
import {
  base32Decode,
  createInviteRecord,
  createTeam,
  fillPattern,
  paramsOf,
  routePatterns,
  startRealAssessment,
  testIdText,
} from "./http-fixtures";

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

    const confirm = await client.post("/mfa/setup", {
      code: generateTotpCode(base32Decode(first!), new Date()),
    });
    expect(confirm.status).toBe(200);
    const enabled = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(enabled.totpEnabledAt).not.toBeNull();
    expect(enabled.totpSecretEnc).not.toBeNull();
  });
});

describe("GET /assessments/new in an organisation without templates", () => {
  it("installs nothing; the page offers the bundled templates, and its POST installs them", async () => {
    const org = await createOrganization();
    const { user, password, totpKey } = await createUser({
      organizationId: org.id,
      role: "ASSESSOR",
      withTotp: true,
    });
    const client = createClient(app.baseUrl);
    await client.login(user.email, password, totpKey);

    const page = await client.get("/assessments/new");
    expect(page.status).toBe(200);
    expect(await db().questionnaireTemplate.count({ where: { organizationId: org.id } })).toBe(0);
    expect(page.body).toContain('data-testid="install-bundled-templates"');

    const install = await client.post("/assessments/new", { intent: "installBundledTemplates" });
    expect(install.status).toBe(302);
    expect(
      await db().questionnaireTemplate.count({ where: { organizationId: org.id } }),
    ).toBeGreaterThan(0);
    const ready = await client.get("/assessments/new");
    expect(ready.body).not.toContain('data-testid="install-bundled-templates"');
  });
});

/**
 * The class of defect: GET every page of the build that has a loader, as every role, and compare
 * the whole database before and after. Only access records may differ (ADR 0023): a session's
 * last-seen time, the once-per-hour "invitation viewed" event with its rate-limit bucket, and a
 * secret feed address's rate-limit bucket and last-used time.
 */
describe("every GET, by every role", () => {
  const MODELS = Object.values(Prisma.ModelName);

  function isAccessRecord(model: string, row: Record<string, unknown>): boolean {
    if (model === "RateLimitBucket")
      // The secret feed address counts its readers per address like the other token routes.
      return /^(user-invitation:viewed:|feed:ip:)/.test(String(row.key));
    if (model === "AuditEvent") return row.action === "user.invitation_viewed";
    return false;
  }

  /**
   * Columns an access record moves: a session's last-seen time, and the organisation's audit
   * chain head (seq and hashes), which follows every event appended, the access events above
   * included. Any other event still shows as a difference in AuditEvent.
   */
  function withoutAccessTraces(model: string, row: Record<string, unknown>) {
    if (model === "Session") return { ...row, lastSeenAt: null };
    // A feed reader's visit is recorded at most hourly (resolve-feed-token.server.ts).
    if (model === "FeedToken") return { ...row, lastUsedAt: null };
    if (model === "Organization") {
      const { auditSeq: _seq, auditHash: _hash, auditPrevHash: _prev, ...rest } = row;
      return rest;
    }
    return row;
  }

  async function wholeDatabase(): Promise<Record<string, unknown[]>> {
    const snapshot: Record<string, unknown[]> = {};
    for (const model of MODELS) {
      const delegate = (
        db() as unknown as Record<string, { findMany(): Promise<Record<string, unknown>[]> }>
      )[model[0]!.toLowerCase() + model.slice(1)]!;
      const rows = (await delegate.findMany())
        .filter((row) => !isAccessRecord(model, row))
        .map((row) => withoutAccessTraces(model, row));
      snapshot[model] = JSON.parse(
        JSON.stringify(rows, (_key, value: unknown) =>
          typeof value === "bigint" ? String(value) : value,
        ),
      ) as unknown[];
      snapshot[model]!.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    return snapshot;
  }

  it("changes nothing but access records", async () => {
    const org = await createOrganization();
    const team = await createTeam(org.id);
    const vendor = await createVendor({ organizationId: org.id, name: "Loader Probe Vendor" });
    const product = await createProductRecord({
      organizationId: org.id,
      vendorId: vendor.id,
      name: "Loader Probe Product",
    });
    const assessment = await startRealAssessment({
      creator: team.ASSESSOR,
      organizationSlug: org.slug,
      vendorId: vendor.id,
      productId: product.id,
      status: "INVITED",
    });
    const invite = await createInviteRecord({
      organizationId: org.id,
      assessmentId: assessment.id,
      createdById: team.ASSESSOR.user.id,
    });
    const invitation = await createInvitationRecord({
      organizationId: org.id,
      invitedById: team.ADMIN.user.id,
      email: `invitee-${invite.token.slice(0, 6)}@example.test`,
      name: "Invitee",
    });
    const version = await db().templateVersion.findUniqueOrThrow({
      where: { id: assessment.templateVersionId },
    });
    const ids: Record<string, string> = {
      assessmentId: assessment.id,
      vendorId: vendor.id,
      productId: product.id,
      templateId: version.templateId,
      versionId: version.id,
      token: invite.token,
    };
    const clients = [] as { role: Role; client: HttpClient }[];
    for (const role of ROLES) {
      const client = createClient(app.baseUrl);
      await client.login(team[role].user.email, team[role].password, team[role].totpKey);
      clients.push({ role, client });
    }

    const pages = routePatterns(app.build)
      .filter((route) => route.hasLoader && !route.pattern.includes("*"))
      // Signed-report and evidence downloads need bytes on disk; their loaders are reads like any.
      .filter((route) => paramsOf(route.pattern).every((param) => param in ids))
      .map((route) =>
        route.id === "routes/accept-invitation.$token"
          ? route.pattern.replace(":token", invitation.token)
          : fillPattern(route.pattern, ids),
      );
    expect(pages).toContain("/mfa/setup");
    expect(pages).toContain(`/assessments/${assessment.id}`);

    const before = await wholeDatabase();
    const statuses: string[] = [];
    for (const page of pages) {
      for (const { role, client } of clients)
        statuses.push(`${role} ${page} ${(await client.get(page)).status}`);
    }
    expect(statuses.filter((line) => line.endsWith(" 500"))).toEqual([]);
    const after = await wholeDatabase();
    for (const model of MODELS)
      expect(after[model], `${model} changed by a GET`).toEqual(before[model]);
  });
});
