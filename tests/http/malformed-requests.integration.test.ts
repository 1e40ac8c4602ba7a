import { METHODS } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, startAppServer, type AppServer } from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { rawRequest, type RawRequest, type RawResponse } from "../support/raw-http";
import { verifiedSession } from "../support/vendor-sessions";
import { createInviteRecord, startRealAssessment } from "./http-fixtures";

/**
 * A client's mistake is never a server error (issue 11, item 17). A table of malformed requests
 * (unsupported methods, foreign and broken Host and X-Forwarded-Host, malformed request targets,
 * cookies, content types, bodies and Accept headers) is fired over raw TCP at a representative
 * set of routes: public and signed-in, staff and vendor, GET and POST, documents and Remix
 * `.data` requests. None may answer 5xx.
 *
 * The app trusts a proxy here, so X-Forwarded-Host and X-Forwarded-Proto are read as a proxy
 * would send them.
 */
let app: AppServer;
let staffCookie: string;
let vendorCookie: string;
let assessmentId: string;
let vendorId: string;
let inviteToken: string;

beforeAll(async () => {
  app = await startAppServer({ mode: "production", trustProxy: true });
  const org = await createOrganization();
  const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  vendorId = (await createVendor({ organizationId: org.id })).id;
  const assessment = await startRealAssessment({
    creator: assessor,
    organizationSlug: org.slug,
    vendorId,
    status: "INVITED",
  });
  assessmentId = assessment.id;
  const invite = await createInviteRecord({
    organizationId: org.id,
    assessmentId,
    createdById: assessor.user.id,
  });
  inviteToken = invite.token;
  // The vendor's own link (a verified session); the first one stays unused for the landing page.
  const vendorInvite = await createInviteRecord({
    organizationId: org.id,
    assessmentId,
    createdById: assessor.user.id,
  });
  const vendorSession = await verifiedSession(vendorInvite.token);
  vendorCookie = `vetted_vendor=${encodeURIComponent(Buffer.from(JSON.stringify(vendorSession)).toString("base64"))}`;
  const client = createClient(app.baseUrl, { headers: { "X-Forwarded-For": "198.51.100.70" } });
  await client.login(assessor.user.email, assessor.password);
  staffCookie = [...client.cookies()].map(([name, value]) => `${name}=${value}`).join("; ");
}, 120_000);

afterAll(async () => {
  await app?.close();
});

/** The sweeps send hundreds of requests each; on a busy machine that takes a while. */
const SWEEP_TIMEOUT_MS = 180_000;

/** A route as a well-formed request would reach it; the malformations below alter one part. */
interface RouteProbe {
  label: string;
  method: "GET" | "POST";
  path: string;
  who: "anonymous" | "staff" | "vendor";
  body?: { contentType: string; data: string };
}

const form = (fields: Record<string, string>) => ({
  contentType: "application/x-www-form-urlencoded",
  data: new URLSearchParams(fields).toString(),
});

function routes(): RouteProbe[] {
  return [
    { label: "start page", method: "GET", path: "/", who: "anonymous" },
    { label: "login page", method: "GET", path: "/login", who: "anonymous" },
    { label: "login data", method: "GET", path: "/login.data", who: "anonymous" },
    { label: "verify page", method: "GET", path: "/verify", who: "anonymous" },
    { label: "health", method: "GET", path: "/healthz", who: "anonymous" },
    { label: "invite landing", method: "GET", path: `/invite/${inviteToken}`, who: "anonymous" },
    { label: "static asset", method: "GET", path: "/assets/missing-file.js", who: "anonymous" },
    {
      label: "login post",
      method: "POST",
      path: "/login",
      who: "anonymous",
      body: form({ email: "nobody@example.test", password: "wrong", redirectTo: "/" }),
    },
    {
      label: "login post (.data)",
      method: "POST",
      path: "/login.data",
      who: "anonymous",
      body: form({ email: "nobody@example.test", password: "wrong" }),
    },
    {
      label: "language post",
      method: "POST",
      path: "/set-language",
      who: "anonymous",
      body: form({ locale: "de", redirectTo: "/login" }),
    },
    { label: "portfolio (page cache)", method: "GET", path: "/portfolio", who: "staff" },
    { label: "assessment page", method: "GET", path: `/assessments/${assessmentId}`, who: "staff" },
    {
      label: "assessment data",
      method: "GET",
      path: `/assessments/${assessmentId}.data`,
      who: "staff",
    },
    { label: "vendor page", method: "GET", path: `/vendors/${vendorId}`, who: "staff" },
    { label: "vendor search", method: "GET", path: "/vendors?q=acme", who: "staff" },
    {
      label: "portfolio export",
      method: "GET",
      path: "/portfolio/export?format=csv",
      who: "staff",
    },
    {
      label: "new assessment post",
      method: "POST",
      path: "/assessments/new",
      who: "staff",
      body: form({ vendorId, templateVersionId: "x", title: "Probe" }),
    },
    {
      label: "assessment action (.data)",
      method: "POST",
      path: `/assessments/${assessmentId}.data`,
      who: "staff",
      body: form({ intent: "unknown" }),
    },
    { label: "portal", method: "GET", path: "/portal", who: "vendor" },
    { label: "portal data", method: "GET", path: "/portal.data", who: "vendor" },
    {
      label: "portal answer post",
      method: "POST",
      path: "/portal/answer",
      who: "vendor",
      body: form({ questionKey: "nope", value: "x" }),
    },
  ];
}

function cookieOf(route: RouteProbe): string | undefined {
  return route.who === "staff" ? staffCookie : route.who === "vendor" ? vendorCookie : undefined;
}

/** The well-formed request for a route: its cookie, our own Origin on posts, its body. */
function baseRequest(route: RouteProbe): RawRequest {
  const headers: [string, string][] = [["Accept", "text/html"]];
  const cookie = cookieOf(route);
  if (cookie) headers.push(["Cookie", cookie]);
  if (route.method === "POST")
    headers.push(
      ["Origin", app.appUrl],
      ["Content-Type", route.body?.contentType ?? "application/x-www-form-urlencoded"],
    );
  return {
    method: route.method,
    target: route.path,
    headers,
    body: route.method === "POST" ? (route.body?.data ?? "") : undefined,
  };
}

function withHeader(request: RawRequest, name: string, value: string): RawRequest {
  const headers = (request.headers ?? []).filter(([n]) => n.toLowerCase() !== name.toLowerCase());
  return { ...request, headers: [...headers, [name, value]] };
}

type Malformation = [label: string, alter: (request: RawRequest, route: RouteProbe) => RawRequest];

const BROKEN_HOSTS = [
  "evil.example",
  "evil.example:8080",
  "127.0.0.1:1",
  "[::1]:3000",
  "bad host",
  "user@evil.example",
  "evil.example/path",
  "evil.example:99999",
  "evil.example:port",
  "[::1",
  "",
  "%00",
  "\u00fc.example",
  `${"a".repeat(2000)}.example`,
];

/** Changes that apply to any route. */
function anyRouteMalformations(): Malformation[] {
  const cases: Malformation[] = [];
  for (const host of BROKEN_HOSTS) {
    cases.push([
      `Host ${JSON.stringify(host.slice(0, 40))}`,
      (r) => ({
        ...r,
        host,
        headers: (r.headers ?? []).filter(([n]) => n.toLowerCase() !== "host"),
      }),
    ]);
    cases.push([
      `X-Forwarded-Host ${JSON.stringify(host.slice(0, 40))}`,
      (r) => withHeader(r, "X-Forwarded-Host", host),
    ]);
  }
  cases.push(["no Host header", (r) => ({ ...r, host: null })]);
  cases.push([
    "two Host headers",
    (r) => ({
      ...r,
      headers: [...(r.headers ?? []), ["Host", "evil.example"], ["Host", "other.example"]],
    }),
  ]);
  cases.push([
    "X-Forwarded-Proto javascript",
    (r) => withHeader(r, "X-Forwarded-Proto", "javascript"),
  ]);
  cases.push([
    "X-Forwarded-Proto list",
    (r) => withHeader(r, "X-Forwarded-Proto", "https, http, ftp"),
  ]);
  cases.push([
    "X-Forwarded-For garbage",
    (r) => withHeader(r, "X-Forwarded-For", "not-an-ip, , ::::"),
  ]);
  for (const cookie of [
    "vetted_session=%",
    'vetted_session="',
    "vetted_session=!!!!",
    `vetted_session=${Buffer.from("not json").toString("base64")}`,
    "vetted_vendor=%E0%A4%A; vetted_lang=%ZZ",
    `vetted_pending_login=${"x".repeat(100)}.${"y".repeat(20)}`,
    "=;;;=;=x",
    Array.from({ length: 150 }, (_, i) => `c${i}=${i}`).join("; "),
  ]) {
    cases.push([`cookie ${cookie.slice(0, 40)}`, (r) => withHeader(r, "Cookie", cookie)]);
  }
  for (const accept of [
    "application/json",
    "text/x-script",
    "*/*;q=abc",
    "image/png",
    "",
    "text/html;level=9999999999999999999",
  ]) {
    cases.push([`Accept ${JSON.stringify(accept)}`, (r) => withHeader(r, "Accept", accept)]);
  }
  cases.push([
    "Accept-Language garbage",
    (r) => withHeader(r, "Accept-Language", "xx;q=abc,,de-DE;q=2,*;q=-1"),
  ]);
  cases.push([
    "Accept-Encoding garbage",
    (r) => withHeader(r, "Accept-Encoding", "br;q=abc, gzip;q=-1, identity;q=0"),
  ]);
  cases.push([
    "WebSocket upgrade",
    (r) => withHeader(withHeader(r, "Upgrade", "websocket"), "Connection", "Upgrade"),
  ]);
  cases.push(["Range garbage", (r) => withHeader(r, "Range", "bytes=abc-")]);
  cases.push(["If-Modified-Since garbage", (r) => withHeader(r, "If-Modified-Since", "yesterday")]);
  return cases;
}

/** Request targets that are not a clean path. */
function targetMalformations(): Malformation[] {
  const suffixed = (suffix: string): Malformation => [
    `target + ${JSON.stringify(suffix.slice(0, 30))}`,
    (r) => ({ ...r, target: `${r.target.split("?")[0]}${suffix}` }),
  ];
  return [
    suffixed("%"),
    suffixed("%E0%A4%A"),
    suffixed("/%ZZ"),
    suffixed("%00"),
    suffixed("%C0%AF"),
    suffixed("/..%2f..%2fetc%2fpasswd"),
    suffixed(`/${"a".repeat(6000)}`),
    suffixed("?redirectTo=%&page=%ZZ&sort=%00&tag=%E0"),
    suffixed("?q=%00x&tag=%00&format=%00&version=%00"),
    suffixed("?q=%E0%A4%A&page=99999999999999999999&sort=-name"),
    suffixed("?_routes=%ZZ"),
    suffixed("?_routes=routes/does-not-exist,root"),
    suffixed("?index=%00&a[b][c][d][e][f][g]=1"),
    ["double slash", (r) => ({ ...r, target: `//evil.example${r.target}` })],
    ["absolute-form target", (r) => ({ ...r, target: `http://evil.example${r.target}` })],
    ["absolute-form target, own host", (r) => ({ ...r, target: `${app.baseUrl}${r.target}` })],
    ["asterisk target", (r) => ({ ...r, target: "*" })],
    ["backslashes", (r) => ({ ...r, target: `/\\evil.example${r.target}` })],
  ];
}

/** Bodies and content types a form post can get wrong. */
function bodyMalformations(): Malformation[] {
  const typed = (
    label: string,
    contentType: string | null,
    body: string | Buffer,
  ): Malformation => [
    label,
    (r) => {
      const headers = (r.headers ?? []).filter(([n]) => n.toLowerCase() !== "content-type");
      return {
        ...r,
        headers: contentType === null ? headers : [...headers, ["Content-Type", contentType]],
        body,
      };
    },
  ];
  return [
    typed("no Content-Type", null, "a=b"),
    typed("multipart without boundary", "multipart/form-data", "garbage"),
    typed("multipart with an empty boundary", "multipart/form-data; boundary=", "--\r\n\r\n"),
    typed("multipart with garbage", "multipart/form-data; boundary=x", "--y\r\nnot a part"),
    typed(
      "multipart truncated",
      "multipart/form-data; boundary=x",
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue',
    ),
    typed("invalid JSON", "application/json", "{bad json"),
    typed("turbo-stream body", "text/x-script", '[{"_1":2},'),
    typed(
      "urlencoded in UTF-16",
      "application/x-www-form-urlencoded; charset=utf-16",
      Buffer.from("a=b", "utf16le"),
    ),
    typed(
      "urlencoded with bad escapes",
      "application/x-www-form-urlencoded",
      "email=%E0%A4%A&password=%&redirectTo=%ZZ&intent=%00",
    ),
    typed("binary", "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe])),
    typed("Content-Type garbage", ";;;=", "a=b"),
    typed("empty body", "application/x-www-form-urlencoded", ""),
  ];
}

interface Outcome {
  label: string;
  response: RawResponse;
}

async function fire(cases: [string, RawRequest][]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const [label, request] of cases)
    outcomes.push({ label, response: await rawRequest(app.port, request) });
  return outcomes;
}

function serverErrors(outcomes: Outcome[]): string[] {
  return outcomes
    .filter((o) => o.response.status !== null && o.response.status >= 500)
    .map((o) => `${o.response.status} ← ${o.label}`);
}

describe("malformed requests never answer 5xx", () => {
  it("the well-formed requests of the table work (the probes reach the routes)", async () => {
    const outcomes = await fire(routes().map((route) => [route.label, baseRequest(route)]));
    for (const { label, response } of outcomes) expect(response.status, label).not.toBeNull();
    const byLabel = new Map(outcomes.map((o) => [o.label, o.response.status]));
    expect(byLabel.get("login page")).toBe(200);
    expect(byLabel.get("portfolio (page cache)")).toBe(200);
    expect(byLabel.get("assessment page")).toBe(200);
    expect(byLabel.get("portal")).toBe(200);
    expect(serverErrors(outcomes)).toEqual([]);
  });

  it("unsupported methods get 405 with Allow, on every kind of route", async () => {
    const probes = routes().filter((r) =>
      [
        "login page",
        "login post",
        "assessment data",
        "portal answer post",
        "static asset",
      ].includes(r.label),
    );
    const cases: [string, RawRequest][] = [];
    for (const route of probes) {
      for (const method of METHODS) {
        if (["GET", "HEAD", "POST", "CONNECT"].includes(method)) continue;
        cases.push([`${method} ${route.label}`, { ...baseRequest(route), method }]);
      }
    }
    const outcomes = await fire(cases);
    expect(serverErrors(outcomes)).toEqual([]);
    for (const { label, response } of outcomes) {
      if (label.startsWith("OPTIONS ")) {
        expect(response.status, label).toBe(204);
      } else {
        expect(response.status, label).toBe(405);
      }
      expect(response.headers.get("allow"), label).toBe("GET, HEAD, POST, OPTIONS");
    }
  });

  it("CONNECT is refused with 405, not a dropped connection", async () => {
    const response = await rawRequest(app.port, {
      method: "CONNECT",
      target: "evil.example:443",
      host: "evil.example:443",
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
  });

  it(
    "broken hosts, cookies and headers, on every route",
    async () => {
      const cases: [string, RawRequest][] = [];
      for (const route of routes()) {
        for (const [label, alter] of anyRouteMalformations())
          cases.push([
            `${label} → ${route.method} ${route.label}`,
            alter(baseRequest(route), route),
          ]);
      }
      expect(serverErrors(await fire(cases))).toEqual([]);
    },
    SWEEP_TIMEOUT_MS,
  );

  it(
    "malformed request targets, on every route",
    async () => {
      const cases: [string, RawRequest][] = [];
      for (const route of routes()) {
        for (const [label, alter] of targetMalformations())
          cases.push([
            `${label} → ${route.method} ${route.label}`,
            alter(baseRequest(route), route),
          ]);
      }
      expect(serverErrors(await fire(cases))).toEqual([]);
    },
    SWEEP_TIMEOUT_MS,
  );

  it(
    "malformed bodies and content types, on every form post",
    async () => {
      const cases: [string, RawRequest][] = [];
      for (const route of routes().filter((r) => r.method === "POST")) {
        for (const [label, alter] of bodyMalformations())
          cases.push([`${label} → ${route.label}`, alter(baseRequest(route), route)]);
      }
      expect(serverErrors(await fire(cases))).toEqual([]);
    },
    SWEEP_TIMEOUT_MS,
  );

  it("a Host (or trusted X-Forwarded-Host) other than APP_URL's is a 400 naming the expected origin, never a 500", async () => {
    const expected = `expected ${app.appUrl}`;
    // A proxy that rewrites Host and forwards nothing; a client naming another site; a proxy
    // forwarding a foreign X-Forwarded-Host (trusted here) over our own Host.
    const foreign: [string, [string, string][]][] = [
      ["evil.example", []],
      ["upstream.internal:3000", []],
      [new URL(app.appUrl).host, [["X-Forwarded-Host", "other.example"]]],
    ];
    for (const [host, forwarded] of foreign) {
      for (const method of ["GET", "POST"]) {
        const response = await rawRequest(app.port, {
          method,
          target: "/login",
          host,
          headers: [
            ["Origin", app.appUrl],
            ["Content-Type", "application/x-www-form-urlencoded"],
            ...forwarded,
          ],
          body: method === "POST" ? "email=foreign-host%40example.test&password=wrong" : undefined,
        });
        const label = `${method} Host ${host} ${JSON.stringify(forwarded)}`;
        expect(response.status, label).toBe(400);
        const text = response.body.toString("utf8");
        expect(text, label).toContain(expected);
        expect(text, label).not.toMatch(/evil\.example|other\.example|upstream\.internal/);
      }
    }
    // The same machine and port under another loopback name (http://localhost:3000 for a demo
    // at http://127.0.0.1:3000): a page view is sent to APP_URL, a form post is still a 400.
    const alias = `localhost:${app.port}`;
    const view = await rawRequest(app.port, { method: "GET", target: "/login?x=1", host: alias });
    expect(view.status).toBe(308);
    expect(view.headers.get("location")).toBe(`${app.appUrl}/login?x=1`);
    const aliasPost = await rawRequest(app.port, {
      method: "POST",
      target: "/login",
      host: alias,
      headers: [
        ["Origin", app.appUrl],
        ["Content-Type", "application/x-www-form-urlencoded"],
      ],
      body: "email=alias-host%40example.test&password=wrong",
    });
    expect(aliasPost.status).toBe(400);
    expect(aliasPost.body.toString("utf8")).toContain(expected);
    // Another port on the same machine is another server: no redirect.
    const otherPort = await rawRequest(app.port, {
      method: "GET",
      target: "/login",
      host: `localhost:${app.port + 1}`,
    });
    expect(otherPort.status).toBe(400);
    // Behind the trusted proxy the forwarded host is the one that counts: a rewritten Host with
    // our X-Forwarded-Host is served, and its form post reaches the action.
    const post = await rawRequest(app.port, {
      method: "POST",
      target: "/login",
      host: "upstream.internal:3000",
      headers: [
        ["Origin", app.appUrl],
        ["X-Forwarded-Host", new URL(app.appUrl).host],
        ["Content-Type", "application/x-www-form-urlencoded"],
        ["X-Forwarded-For", "198.51.100.71"],
      ],
      body: "email=forwarded-host%40example.test&password=wrong&redirectTo=%2F",
    });
    expect(post.status).toBe(400);
    expect(post.body.toString("utf8")).not.toContain(expected);
    expect(post.body.toString("utf8")).toContain("<html");
  });

  it("a syntactically broken Host is 400 (RFC 9112 §3.2), not served and not 500", async () => {
    for (const host of [
      "bad host",
      "user@evil.example",
      "evil.example/path",
      "evil.example:99999",
      "[::1",
    ]) {
      const response = await rawRequest(app.port, { method: "GET", target: "/login", host });
      expect(response.status, host).toBe(400);
    }
  });
});
