import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceRecoveryCodes } from "~/modules/auth/recovery-codes.server";
import { inTransaction } from "~/utils/transaction.server";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
  type HttpResponse,
} from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";

/**
 * Redirects to a user-supplied target over real HTTP (issue 11, item 8): every route that sends
 * the browser to a `redirectTo` value keeps it on our own site, judged by the URL a browser
 * resolves (Location "//evil.example" is another site), never by the string.
 */
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer();
});

afterAll(async () => {
  await app?.close();
});

const HOSTILE_TARGETS = [
  "/.//evil.example",
  "/..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/a/..//evil.example",
  "/a/b/../..//evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/%5cevil.example",
  "/%5c%5cevil.example",
  "%2f%2fevil.example",
  "https://evil.example/",
  "http:evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  " //evil.example",
  "javascript:alert(1)",
  "/%0a/evil.example",
  `/${"a".repeat(10_000)}`,
];

/** What went wrong with one answer, or null: a 5xx, or a Location that leaves our origin. */
function problemWith(route: string, target: string, response: HttpResponse): string | null {
  const label = `${route} ${JSON.stringify(target.slice(0, 40))}`;
  if (response.status >= 500) return `${label}: ${response.status}`;
  const location = response.location;
  if (location === null) return null;
  // Resolve like a browser (Node's URL is the WHATWG parser) against the page that answered.
  const destination = new URL(location, `${app.appUrl}${route}`);
  if (destination.origin !== new URL(app.appUrl).origin)
    return `${label}: Location ${location} leaves the site`;
  if (location.startsWith("//") || location.includes("\\"))
    return `${label}: Location ${location} is ambiguous`;
  return null;
}

async function mfaUser() {
  const org = await createOrganization();
  return createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
}

/** A fresh recovery code for each use (10 per set). */
function recoveryCodes(userId: string) {
  let codes: string[] = [];
  return async () => {
    if (codes.length === 0) codes = await inTransaction((tx) => replaceRecoveryCodes(tx, userId));
    return codes.shift()!;
  };
}

describe("redirect targets from the request", () => {
  it("/login keeps every target on our site and keeps a local one as it is", async () => {
    const org = await createOrganization();
    const { user, password } = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const problems: string[] = [];
    for (const target of HOSTILE_TARGETS) {
      const client = createClient(app.baseUrl);
      const response = await client.post("/login", {
        email: user.email,
        password,
        redirectTo: target,
      });
      expect(response.status, target).toBe(302);
      const problem = problemWith("/login", target, response);
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
    const local = await createClient(app.baseUrl).post("/login", {
      email: user.email,
      password,
      redirectTo: "/assessments?status=open#list",
    });
    expect(local.location).toBe("/assessments?status=open#list");
  });

  it("/login/verify (second factor) keeps every target on our site", async () => {
    const { user, password } = await mfaUser();
    const nextCode = recoveryCodes(user.id);
    const problems: string[] = [];
    for (const target of HOSTILE_TARGETS) {
      const client = createClient(app.baseUrl);
      const first = await client.post("/login", {
        email: user.email,
        password,
        redirectTo: target,
      });
      expect(first.location, target).toBe("/login/verify");
      const response = await client.post("/login/verify", { code: await nextCode() });
      expect(response.status, target).toBe(302);
      const problem = problemWith("/login/verify", target, response);
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
  });

  it("/auth/step-up keeps every target on our site", async () => {
    const { user, password } = await mfaUser();
    const nextCode = recoveryCodes(user.id);
    const client: HttpClient = createClient(app.baseUrl);
    await client.login(user.email, password, null, { code: await nextCode() });
    const problems: string[] = [];
    for (const target of HOSTILE_TARGETS) {
      const response = await client.post("/auth/step-up", {
        code: await nextCode(),
        redirectTo: target,
      });
      expect(response.status, target).toBe(302);
      const problem = problemWith("/auth/step-up", target, response);
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
  });

  it("/set-language keeps every target on our site, signed in or not", async () => {
    const org = await createOrganization();
    const { user, password } = await createUser({ organizationId: org.id, role: "AUDITOR" });
    const signedIn = createClient(app.baseUrl);
    await signedIn.login(user.email, password);
    const problems: string[] = [];
    for (const client of [createClient(app.baseUrl), signedIn]) {
      for (const target of HOSTILE_TARGETS) {
        const response = await client.post("/set-language", { locale: "de", redirectTo: target });
        expect(response.status, target).toBe(302);
        const problem = problemWith("/set-language", target, response);
        if (problem) problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
  });
});
