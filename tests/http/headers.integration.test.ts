import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createClient,
  importCreateApp,
  listen,
  startAppServer,
  type AppServer,
} from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { createInviteRecord, startRealAssessment } from "./http-fixtures";

/**
 * Security headers set by server/app.js and by the invite landing route, seen over real HTTP.
 */
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer();
});

afterAll(async () => {
  await app?.close();
});

function cspDirectives(header: string | null): Map<string, string[]> {
  expect(header, "Content-Security-Policy header").toBeTruthy();
  const directives = new Map<string, string[]>();
  for (const part of header!.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

function nonceFromCsp(header: string | null): string {
  const scriptSrc = cspDirectives(header).get("script-src") ?? [];
  const nonces = scriptSrc
    .filter((v) => v.startsWith("'nonce-"))
    .map((v) => v.slice("'nonce-".length, -1));
  expect(nonces, `one nonce in script-src (${header})`).toHaveLength(1);
  return nonces[0]!;
}

/** Every <script> tag without a src attribute (inline scripts), with its nonce attribute. */
function inlineScripts(html: string): { nonce: string | null }[] {
  const tags = html.match(/<script\b[^>]*>/gi) ?? [];
  return tags
    .filter((tag) => !/\ssrc=/i.test(tag))
    .map((tag) => ({ nonce: /\snonce="([^"]*)"/i.exec(tag)?.[1] ?? null }));
}

describe("Content-Security-Policy", () => {
  it("carries a per-request nonce that every inline script of the page uses", async () => {
    const client = createClient(app.baseUrl);
    const page = await client.get("/login");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const nonce = nonceFromCsp(page.headers.get("content-security-policy"));
    expect(nonce.length).toBeGreaterThanOrEqual(16);

    const scripts = inlineScripts(page.body);
    expect(scripts.length, "the page has inline scripts (hydration data)").toBeGreaterThan(0);
    for (const script of scripts) expect(script.nonce).toBe(nonce);

    // Per request: the next page gets another nonce (a fixed nonce would be a bypass).
    const again = await client.get("/login");
    const nextNonce = nonceFromCsp(again.headers.get("content-security-policy"));
    expect(nextNonce).not.toBe(nonce);
    for (const script of inlineScripts(again.body)) expect(script.nonce).toBe(nextNonce);
  });

  it("forbids framing and inline scripts without the nonce", async () => {
    const page = await createClient(app.baseUrl).get("/login");
    const csp = cspDirectives(page.headers.get("content-security-policy"));
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    const scriptSrc = csp.get("script-src") ?? [];
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc).not.toContain("*");
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
  });

  it("is also sent on error pages and redirects", async () => {
    const client = createClient(app.baseUrl);
    const missing = await client.get("/no-such-page");
    expect(missing.status).toBe(404);
    const nonce = nonceFromCsp(missing.headers.get("content-security-policy"));
    for (const script of inlineScripts(missing.body)) expect(script.nonce).toBe(nonce);

    const redirect = await client.get("/assessments");
    expect(redirect.status).toBe(302);
    expect(
      cspDirectives(redirect.headers.get("content-security-policy")).get("frame-ancestors"),
    ).toEqual(["'none'"]);
  });
});

describe("other security headers", () => {
  it("sets nosniff and a Referrer-Policy on pages, redirects, plain responses and static assets", async () => {
    const client = createClient(app.baseUrl);
    const page = await client.get("/login");
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)?.[1];
    expect(stylesheet, "the page links its stylesheet").toBeTruthy();
    const responses = [
      page,
      await client.get("/assessments"),
      await client.get("/healthz"),
      await client.get(stylesheet!),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 302, 200, 200]);
    for (const response of responses) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toMatch(
        /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
      );
    }
  });

  it("sends no HSTS when the app is served over http", async () => {
    const client = createClient(app.baseUrl);
    for (const path of ["/login", "/healthz", "/no-such-page"]) {
      expect((await client.get(path)).headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("sends HSTS when createApp gets an https public URL, and checks Origin against it", async () => {
    const createApp = await importCreateApp();
    const secure = await listen(
      createApp({
        build: app.build,
        appUrl: "https://vetted.example",
        clientDir: "build/client",
        trustProxy: true,
      }),
    );
    try {
      // As behind a TLS-terminating proxy: Remix compares Origin with the forwarded host.
      const client = createClient(secure.baseUrl, {
        origin: "https://vetted.example",
        headers: { "X-Forwarded-Host": "vetted.example" },
      });
      const page = await client.get("/healthz");
      expect(page.status).toBe(200);
      const hsts = page.headers.get("strict-transport-security");
      expect(hsts).toBeTruthy();
      const maxAge = Number(/max-age=(\d+)/.exec(hsts!)?.[1]);
      expect(maxAge).toBeGreaterThanOrEqual(31_536_000);

      // The https origin is the one that may post; its http twin is foreign.
      const sameOrigin = await client.post("/login", {
        email: "nobody@example.test",
        password: "x",
      });
      expect(sameOrigin.status).toBe(400);
      expect(sameOrigin.headers.get("strict-transport-security")).toBe(hsts);
      const downgraded = await client.post(
        "/login",
        { email: "nobody@example.test", password: "x" },
        { origin: "http://vetted.example" },
      );
      expect(downgraded.status).toBe(403);
    } finally {
      await secure.close();
    }
  });
});

describe("X-Request-Id", () => {
  it("names every response with a fresh id", async () => {
    const client = createClient(app.baseUrl);
    const responses = [
      await client.get("/login"),
      await client.get("/healthz"),
      await client.get("/no-such-page"),
      await client.get("/assessments"),
      await client.post(
        "/login",
        { email: "x@example.test", password: "y" },
        { origin: "https://evil.example" },
      ),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 302, 403]);
    const ids = responses.map((r) => r.headers.get("x-request-id"));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // The refused request names its id in the body, so a user can quote it.
    expect(responses[4]!.body).toContain(ids[4]!);
  });
});

/**
 * The policy a browser applies: the header may hold a comma-separated list (or be sent twice,
 * which Headers joins with ", "); the last token the browser knows wins (W3C Referrer Policy §8.1).
 */
function effectiveReferrerPolicy(header: string | null): string | null {
  const known = new Set([
    "no-referrer",
    "no-referrer-when-downgrade",
    "same-origin",
    "origin",
    "strict-origin",
    "origin-when-cross-origin",
    "strict-origin-when-cross-origin",
    "unsafe-url",
  ]);
  const tokens = (header ?? "")
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .filter((t) => known.has(t));
  return tokens.at(-1) ?? null;
}

describe("invite and vendor portal pages", () => {
  it("keep the token out of Referer, search engines and caches: no-referrer there, same-origin elsewhere", async () => {
    const org = await createOrganization();
    const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const vendor = await createVendor({ organizationId: org.id });
    const assessment = await startRealAssessment({
      creator: assessor,
      vendorId: vendor.id,
      status: "INVITED",
    });
    const { token } = await createInviteRecord({
      organizationId: org.id,
      assessmentId: assessment.id,
      createdById: assessor.user.id,
    });

    const client = createClient(app.baseUrl);
    const valid = await client.get(`/invite/${token}`);
    const unknown = await client.get(`/invite/${"A".repeat(43)}`);
    expect(valid.status).toBe(200);
    expect(valid.body).toContain(assessment.title);
    expect(unknown.status).toBe(404);
    const exchange = await client.post(`/invite/${token}`, {});
    expect(exchange.status).toBe(302);
    const portalResponses = [
      valid,
      unknown,
      exchange,
      await client.request("HEAD", `/invite/${token}`),
      await client.get(`/invite/${token}.data`),
      await client.get("/portal"),
      await client.get("/portal/verify"),
      await client.get("/portal/ended"),
      await client.get("/portal.data"),
    ];
    for (const response of portalResponses) {
      expect(effectiveReferrerPolicy(response.headers.get("referrer-policy"))).toBe("no-referrer");
      expect(response.headers.get("x-robots-tag") ?? "").toMatch(/noindex/);
      expect(response.headers.get("cache-control") ?? "").toMatch(/no-store/);
    }
    for (const response of [valid, unknown]) {
      expect(/<meta name="robots" content="[^"]*noindex/.test(response.body)).toBe(true);
    }
    // Elsewhere the referrer stays within the site (ADR 0007), pages may be cached normally.
    for (const path of ["/login", "/healthz", "/portalx", "/invitations"]) {
      const response = await client.get(path);
      expect(effectiveReferrerPolicy(response.headers.get("referrer-policy")), path).toBe(
        "same-origin",
      );
      expect(response.headers.get("x-robots-tag"), path).toBeNull();
    }
  });
});

describe("request log", () => {
  it("writes one JSON line per request with token paths redacted and no query string", async () => {
    const createApp = await importCreateApp();
    const lines: string[] = [];
    const logged = await listen(
      createApp({
        build: app.build,
        appUrl: app.appUrl,
        clientDir: "build/client",
        log: (line: string) => lines.push(line),
        logLevel: "info",
      } as Parameters<typeof createApp>[0]),
    );
    try {
      const token = "T0ken".padEnd(43, "x");
      // Another port, the same public host: the host check wants APP_URL's host.
      const client = createClient(logged.baseUrl, {
        origin: app.appUrl,
        headers: { Host: new URL(app.appUrl).host },
      });
      await client.get(`/invite/${token}`);
      await client.request("HEAD", `/INVITE/${token}`);
      await client.post(`/invite/${token}`, {});
      await client.get(`/inv%69te/${token}.data?secret=q`);
      await client.get(`/accept-invitation/${token}`);
      await client.get("/login?next=%2Fsecret-query");
      await expect.poll(() => lines.length).toBeGreaterThanOrEqual(6);
      const entries = lines.map(
        (line) =>
          JSON.parse(line) as {
            event: string;
            path: string;
            method: string;
            status: number;
            requestId: string;
          },
      );
      expect(entries.map((e) => e.path)).toEqual([
        "/invite/[redacted]",
        "/INVITE/[redacted]",
        "/invite/[redacted]",
        "/invite/[redacted]",
        "/accept-invitation/[redacted]",
        "/login",
      ]);
      for (const entry of entries) {
        expect(entry.event).toBe("http.request");
        expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(typeof entry.status).toBe("number");
      }
      const all = lines.join("\n");
      expect(all).not.toContain(token);
      expect(all).not.toContain("T0ken");
      expect(all).not.toContain("secret");
    } finally {
      await logged.close();
    }
  });
});

/** A GET with the path exactly as given (no URL normalisation on the client side). */
function rawGet(port: number, path: string): Promise<{ status: number; headers: Headers }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "GET",
        agent: false,
        // The app's public host, whichever port serves it (the host check wants APP_URL's).
        headers: { Host: new URL(app.appUrl).host },
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          const headers = new Headers();
          for (let i = 0; i < res.rawHeaders.length; i += 2)
            headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
          resolve({ status: res.statusCode ?? 0, headers });
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const percentEncoded = (text: string) =>
  [...text].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join("");

/**
 * Spellings of a token path that the router (WHATWG URL parsing, then React Router) takes for
 * the same route, or that carry the token all the same: repeated slashes, dot segments (also
 * encoded), backslashes, case, encoded names, encoded or trailing characters, ".data".
 */
function tokenPathVariants(root: "invite" | "accept-invitation", token: string): string[] {
  const half = Math.floor(token.length / 2);
  return [
    `/${root}/${token}`,
    `//${root}/${token}`,
    `/${root}//${token}`,
    `///${root}///${token}`,
    `/${root}/${token}/`,
    `/${root}/${token}//`,
    `/${root.toUpperCase()}/${token}`,
    `/${root[0]!.toUpperCase()}${root.slice(1)}/${token}`,
    `/x/../${root}/${token}`,
    `/./${root}/${token}`,
    `/${root}/./${token}`,
    `/${root}/x/../${token}`,
    `/%2e%2e/${root}/${token}`,
    `/x/%2E%2e/${root}/${token}`,
    `/x/.%2e/${root}/${token}`,
    `/portal/../${root}/${token}`,
    `/${root}\\${token}`,
    `/${root}%5c${token}`,
    `/${root}%2F${token}`,
    `/${root}%2f${token}`,
    `/${percentEncoded(root)}/${token}`,
    `/%25${root.charCodeAt(0).toString(16)}${root.slice(1)}/${token}`,
    `/${root}/${percentEncoded(token)}`,
    `/${root}/${percentEncoded(percentEncoded(token))}`,
    `/${root}/${token}%20`,
    `/${root}/${token}%00`,
    `/${root}/${token}%2F`,
    `/${root}/${token}%2Fmore`,
    `/${root}/${token}.data`,
    `//${root}//${token}.data`,
    `/${root}/${token}%2Edata`,
    `/${root}/${token};x`,
    `/${root}/${token.slice(0, half)}%2F${token.slice(half)}`,
    `/${root}/${token.slice(0, half)}/${token.slice(half)}`,
    `/${root}/${token}?secret=q`,
  ];
}

describe("token paths, however they are spelled (issue 11, item 13)", () => {
  it("never reach the access log and always get the private-page headers", async () => {
    const createApp = await importCreateApp();
    const lines: string[] = [];
    const logged = await listen(
      createApp({
        build: app.build,
        appUrl: app.appUrl,
        clientDir: "build/client",
        log: (line: string) => lines.push(line),
        logLevel: "info",
      } as Parameters<typeof createApp>[0]),
    );
    const org = await createOrganization();
    const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const vendor = await createVendor({ organizationId: org.id });
    const assessment = await startRealAssessment({
      creator: assessor,
      vendorId: vendor.id,
      status: "INVITED",
    });
    const { token } = await createInviteRecord({
      organizationId: org.id,
      assessmentId: assessment.id,
      createdById: assessor.user.id,
    });
    const userToken = "U53rInv1tation".padEnd(43, "q");
    try {
      const port = Number(new URL(logged.baseUrl).port);
      const requests = [
        ...tokenPathVariants("invite", token),
        ...tokenPathVariants("accept-invitation", userToken),
      ];
      const weak: string[] = [];
      for (const path of requests) {
        const before = lines.length;
        const response = await rawGet(port, path);
        await expect
          .poll(() => lines.length, { message: `a log line for ${path}` })
          .toBeGreaterThan(before);
        const policy = effectiveReferrerPolicy(response.headers.get("referrer-policy"));
        if (
          policy !== "no-referrer" ||
          !/no-store/.test(response.headers.get("cache-control") ?? "") ||
          !/noindex/.test(response.headers.get("x-robots-tag") ?? "")
        ) {
          weak.push(`${path.replace(token, "<token>")} → ${response.status} ${policy}`);
        }
      }
      // The vendor's portal pages too (no token in the path, but the session behind one).
      for (const path of [
        "//portal",
        "/x/../portal",
        "/%70ortal/verify",
        "/PORTAL\\ended",
        "/portal%2fverify",
      ]) {
        const response = await rawGet(port, path);
        if (effectiveReferrerPolicy(response.headers.get("referrer-policy")) !== "no-referrer")
          weak.push(`${path} → ${response.status}`);
      }
      for (const secret of [token, userToken]) {
        for (const piece of [
          secret,
          secret.slice(0, 12),
          secret.slice(-12),
          percentEncoded(secret).slice(0, 36),
        ]) {
          const leaking = lines
            .filter((line) => line.includes(piece))
            .map((line) =>
              (JSON.parse(line) as { path: string }).path.replaceAll(secret, "<token>"),
            );
          expect(
            leaking,
            `log lines containing ${piece === secret ? "the token" : "a piece of it"}`,
          ).toEqual([]);
        }
      }
      expect(lines.join("\n")).not.toContain("secret=q");
      expect(weak, "responses without the private-page headers").toEqual([]);
    } finally {
      await logged.close();
    }
  });
});
