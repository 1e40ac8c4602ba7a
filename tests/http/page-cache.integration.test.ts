import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../support/admin-factories";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../support/app-server";
import { createOrganization } from "../support/factories";
import { seedPortfolio } from "../support/portfolio-factories";
import { createTemplateVersionRecord } from "../support/vendor-factories";
import { updateVendor } from "../../app/modules/vendors/update-vendor.server";
import { db } from "../../app/utils/db.server";
import { createTeam, type CreatedUser } from "./http-fixtures";

/**
 * The rendered-page cache in front of /portfolio and /compare (ADR 0012), over real HTTP:
 * a repeated view is served from the cache with this response's own nonce and request id; an
 * audited change, another user and a revoked session each get a fresh render or none at all.
 */
const URL_PATH = "/portfolio?sort=name";
let app: AppServer;
let team: Awaited<ReturnType<typeof createTeam>>;
let vendorIds: string[];

function nonceOf(html: string): string | undefined {
  return /<script nonce="([^"]+)"/.exec(html)?.[1];
}

/** The page with this response's nonce and request id blanked out, to compare two responses. */
function normalised(html: string, requestId: string | null): string {
  const nonce = nonceOf(html)!;
  return html.replaceAll(nonce, "NONCE").replaceAll(requestId ?? "no request id", "REQUEST");
}

async function signedIn(user: CreatedUser): Promise<HttpClient> {
  const client = createClient(app.baseUrl);
  const login = await client.login(user.user.email, user.password, user.totpKey);
  expect([302, 303]).toContain(login.status);
  return client;
}

beforeAll(async () => {
  app = await startAppServer();
  const org = await createOrganization();
  team = await createTeam(org.id);
  const version = await createTemplateVersionRecord({ organizationId: org.id });
  ({ vendorIds } = await seedPortfolio({
    organizationId: org.id,
    createdById: team.ASSESSOR.user.id,
    templateVersionId: version.id,
    vendors: 12,
    assessmentsPerVendor: 1,
  }));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe("rendered-page cache", () => {
  it("serves a repeated view from the cache, with a fresh nonce that matches the CSP header", async () => {
    const client = await signedIn(team.ASSESSOR);
    const first = await client.get(URL_PATH);
    const second = await client.get(URL_PATH);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-page-cache")).toBe("miss");
    expect(second.status).toBe(200);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    for (const page of [first, second]) {
      const nonce = nonceOf(page.body);
      expect(nonce).toBeTruthy();
      expect(page.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
      expect(page.body).toContain(page.headers.get("x-request-id")!);
    }
    expect(nonceOf(second.body)).not.toBe(nonceOf(first.body));
    expect(normalised(second.body, second.headers.get("x-request-id"))).toBe(
      normalised(first.body, first.headers.get("x-request-id")),
    );
    expect(second.body).toContain('data-testid="portfolio-row"');
  });

  it("renders afresh after an audited change, and shows it", async () => {
    const client = await signedIn(team.ASSESSOR);
    await client.get(URL_PATH);
    expect((await client.get(URL_PATH)).headers.get("x-page-cache")).toBe("hit");
    const vendor = await db().vendor.findUniqueOrThrow({ where: { id: vendorIds[0]! } });
    await updateVendor({
      actor: actorFor(team.ASSESSOR),
      input: {
        vendorId: vendor.id,
        version: vendor.version,
        name: "Aaa Renamed Vendor GmbH",
        criticality: vendor.criticality as "LOW" | "MEDIUM" | "HIGH" | "CRITICAL",
      },
    });
    const after = await client.get(URL_PATH);
    expect(after.headers.get("x-page-cache")).toBe("miss");
    expect(after.body).toContain("Aaa Renamed Vendor GmbH");
  });

  it("keeps each session's page to itself", async () => {
    const assessor = await signedIn(team.ASSESSOR);
    await assessor.get(URL_PATH);
    const auditor = await signedIn(team.AUDITOR);
    const page = await auditor.get(URL_PATH);
    expect(page.headers.get("x-page-cache")).toBe("miss");
    expect(page.body).toContain(team.AUDITOR.user.name);
    expect(page.body).not.toContain(team.ASSESSOR.user.name);
  });

  it("never serves a cached page to a session that has ended", async () => {
    const client = await signedIn(team.ASSESSOR);
    await client.get(URL_PATH);
    expect((await client.get(URL_PATH)).headers.get("x-page-cache")).toBe("hit");
    const [cookieName, token] = [...client.cookies()].find(([name]) => name.includes("session"))!;
    expect((await client.post("/logout")).status).toBe(302);
    client.setCookie(cookieName, token); // the old cookie, replayed: its session is gone
    const afterLogout = await client.get(URL_PATH);
    expect(afterLogout.status).toBe(302);
    expect(afterLogout.location).toMatch(/^\/login/);
    expect(afterLogout.headers.get("x-page-cache")).toBeNull();
  });

  it("caches the comparison page the same way and leaves other pages alone", async () => {
    const client = await signedIn(team.ASSESSOR);
    const compare = `/compare?vendors=${vendorIds[0]},${vendorIds[1]}`;
    await client.get(compare);
    expect((await client.get(compare)).headers.get("x-page-cache")).toBe("hit");
    await client.get("/vendors");
    expect((await client.get("/vendors")).headers.get("x-page-cache")).toBeNull();
  });
});
