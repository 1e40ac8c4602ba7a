import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_BODY_MAX_BYTES,
  MULTIPART_OVERHEAD_BYTES,
} from "~/modules/request-limits/body-limits.server";
import { VERIFY_MAX_BYTES } from "~/modules/signing/verify-limits";
import {
  createClient,
  importCreateApp,
  listen,
  startAppServer,
  type AppServer,
} from "../support/app-server";
import { rawRequest } from "../support/raw-http";

/**
 * Request bodies have a limit per route that holds before anything reads them (issue 11, item 4),
 * over real HTTP: a declared Content-Length above the limit is answered 413 from the headers
 * alone; a chunked body is cut off at the limit and the server stops reading (how much it read
 * is taken from its own log event, counted on the socket); forms and uploads within their
 * limits still work.
 */
let app: AppServer;
let logged: { baseUrl: string; port: number; close(): Promise<void> };
const lines: string[] = [];
const MIB = 1024 * 1024;

beforeAll(async () => {
  app = await startAppServer({ trustProxy: true });
  // A second app on the same build that logs to this test: the refusal events say how much was read.
  const createApp = await importCreateApp();
  const server = await listen(
    createApp({
      build: app.build,
      appUrl: app.appUrl,
      clientDir: "build/client",
      trustProxy: true,
      log: (line: string) => lines.push(line),
      logLevel: "info",
    } as Parameters<typeof createApp>[0]),
  );
  logged = { ...server, port: Number(new URL(server.baseUrl).port) };
}, 120_000);

afterAll(async () => {
  await logged?.close();
  await app?.close();
});

interface Refusal {
  event: string;
  path: string;
  status?: number;
  limitBytes: number;
  declaredBytes: number | null;
  receivedBytes: number;
  socketBytesRead: number;
}

/** The body-limit events logged so far for `path`. */
function refusals(path: string): Refusal[] {
  return lines
    .map((line) => JSON.parse(line) as Refusal)
    .filter((entry) => entry.event === "http.body_too_large" && entry.path === path);
}

interface Streamed {
  status: number | null;
  headers: string;
  body: string;
  /** Body bytes the client managed to hand to its socket before the server closed it. */
  sent: number;
}

/**
 * Sends the head of a chunked POST, then 64 KiB chunks until the server answers and closes the
 * connection, or `capBytes` are sent. A server that stops reading without closing would leave
 * the client waiting on a full socket: the test would time out, never pass.
 */
function streamChunked(
  port: number,
  path: string,
  headers: [string, string][],
  capBytes: number,
  method = "POST",
): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const received: Buffer[] = [];
    let sent = 0;
    let closed = false;
    socket.on("data", (chunk: Buffer) => received.push(chunk));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    socket.on("close", () => {
      closed = true;
      const text = Buffer.concat(received).toString("utf8");
      const end = text.indexOf("\r\n\r\n");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      resolve({
        status: status ? Number(status) : null,
        headers: text.slice(0, Math.max(0, end)),
        body: text.slice(end + 4),
        sent,
      });
    });
    const head = [
      `${method} ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      "Transfer-Encoding: chunked",
      ...headers.map(([n, v]) => `${n}: ${v}`),
      "",
      "",
    ].join("\r\n");
    socket.write(head);
    const payload = Buffer.alloc(64 * 1024, "a");
    const frame = Buffer.concat([
      Buffer.from(`${payload.length.toString(16)}\r\n`),
      payload,
      Buffer.from("\r\n"),
    ]);
    const pump = () => {
      while (!closed && sent < capBytes) {
        sent += payload.length;
        if (!socket.write(frame)) {
          socket.once("drain", pump);
          return;
        }
      }
      if (!closed) socket.end();
    };
    pump();
  });
}

// The logging app listens on a port of its own behind a "proxy": X-Forwarded-Host names the
// public host (APP_URL's), which the host check requires.
const formHeaders = (origin: string): [string, string][] => [
  ["Origin", origin],
  ["X-Forwarded-Host", new URL(app.appUrl).host],
  ["Content-Type", "application/x-www-form-urlencoded"],
  ["Accept", "text/plain"],
];

describe("a declared Content-Length above the route's limit", () => {
  it("gets 413 at once for a 200 MB form to /login: the server answers from the headers and reads no body", async () => {
    // Only the head is sent: a server that waited for the body would never answer.
    const response = await rawRequest(logged.port, {
      method: "POST",
      target: "/login",
      headers: [...formHeaders(app.appUrl), ["Content-Length", String(200 * MIB)]],
    });
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    expect(response.body.toString("utf8")).toContain("larger than 1 MB");
    await expect.poll(() => refusals("/login").length).toBe(1);
    const [event] = refusals("/login");
    expect(event).toMatchObject({
      declaredBytes: 200 * MIB,
      receivedBytes: 0,
      limitBytes: DEFAULT_BODY_MAX_BYTES,
    });
    // The request line and headers, nothing more.
    expect(event!.socketBytesRead).toBeLessThan(4096);
  });

  it("is refused for Remix data requests, cross-origin posts and unknown paths too (every route has a limit)", async () => {
    for (const target of ["/login.data", "/assessments/new", "/no/such/route", "/_root.data"]) {
      const response = await rawRequest(app.port, {
        method: "POST",
        target,
        headers: [...formHeaders(app.appUrl), ["Content-Length", String(450 * MIB)]],
      });
      expect(response.status, target).toBe(413);
    }
    const foreign = await rawRequest(app.port, {
      method: "POST",
      target: "/login",
      headers: [...formHeaders("https://evil.example"), ["Content-Length", String(450 * MIB)]],
    });
    expect(foreign.status).toBe(413);
  });

  it("is answered in the visitor's language: a page for a browser, JSON for our upload script, text otherwise", async () => {
    const declared = ["Content-Length", String(2 * MIB)] as [string, string];
    const page = await rawRequest(app.port, {
      method: "POST",
      target: "/login",
      headers: [
        ["Origin", app.appUrl],
        ["Content-Type", "application/x-www-form-urlencoded"],
        ["Accept", "text/html,application/xhtml+xml"],
        ["Accept-Language", "de-DE,de;q=0.9"],
        declared,
      ],
    });
    expect(page.status).toBe(413);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = page.body.toString("utf8");
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("<h1>Zu viele Daten</h1>");
    expect(html).toContain("größer als 1 MB");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");

    const json = await rawRequest(app.port, {
      method: "POST",
      target: `/portal/evidence?questionKey=q`,
      headers: [
        ["Origin", app.appUrl],
        ["Content-Type", "multipart/form-data; boundary=x"],
        ["Accept", "application/json"],
        ["Content-Length", String(50 * MIB)],
      ],
    });
    expect(json.status).toBe(413);
    expect(JSON.parse(json.body.toString("utf8"))).toMatchObject({
      ok: false,
      code: "too_large",
      params: { max: String(20 * MIB) },
    });

    const text = await rawRequest(app.port, {
      method: "POST",
      target: "/verify",
      headers: [
        ["Origin", app.appUrl],
        ["Content-Type", "multipart/form-data; boundary=x"],
        ["Content-Length", String(VERIFY_MAX_BYTES + MULTIPART_OVERHEAD_BYTES + 1)],
      ],
    });
    expect(text.status).toBe(413);
    expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(text.body.toString("utf8")).toBe("The file is larger than 25 MB.");
  });
});

describe("a chunked body without Content-Length", () => {
  it("is cut off at the limit with 413, and the server stops reading", async () => {
    const cap = 50 * DEFAULT_BODY_MAX_BYTES;
    const result = await streamChunked(logged.port, "/set-language", formHeaders(app.appUrl), cap);
    expect(result.status).toBe(413);
    expect(result.headers.toLowerCase()).toContain("connection: close");
    expect(result.body).toContain("larger than 1 MB");
    // The server closed the connection long before the client was done.
    expect(result.sent).toBeLessThan(cap);
    await expect.poll(() => refusals("/set-language").length).toBe(1);
    const [event] = refusals("/set-language");
    expect(event!.declaredBytes).toBeNull();
    expect(event!.receivedBytes).toBeGreaterThan(DEFAULT_BODY_MAX_BYTES);
    expect(event!.receivedBytes).toBeLessThanOrEqual(DEFAULT_BODY_MAX_BYTES + 64 * 1024);
    // What the server took off the socket in all: the limit and what was in flight when it paused.
    expect(event!.socketBytesRead).toBeLessThan(DEFAULT_BODY_MAX_BYTES + 512 * 1024);
  });

  it("is not read to its end when the answer comes first (a cross-origin 403, a 405): the connection closes", async () => {
    const cap = 50 * DEFAULT_BODY_MAX_BYTES;
    const forbidden = await streamChunked(
      app.port,
      "/login",
      formHeaders("https://evil.example"),
      cap,
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.toLowerCase()).toContain("connection: close");
    expect(forbidden.sent).toBeLessThan(cap);
    const unsupported = await streamChunked(
      app.port,
      "/login",
      formHeaders(app.appUrl),
      cap,
      "PUT",
    );
    expect(unsupported.status).toBe(405);
    expect(unsupported.headers.toLowerCase()).toContain("connection: close");
    expect(unsupported.sent).toBeLessThan(cap);
  });
});

describe("bodies within their route's limit", () => {
  it("reach the route: a normal login form, and 1.5 MB to the vendor's autosave (2 MB there) but not to /login (1 MB)", async () => {
    const client = createClient(app.baseUrl, { headers: { "X-Forwarded-For": "198.51.100.90" } });
    const login = await client.post("/login", {
      email: "limits@example.test",
      password: "wrong",
      redirectTo: "/",
    });
    expect(login.status).toBe(400);
    const big = new URLSearchParams({ questionKey: "q", value: "x".repeat(1.5 * MIB) });
    const autosave = await client.request("POST", "/portal/answer", { body: big });
    // No vendor session: the route itself answers (a redirect or 401), not the body limit.
    expect(autosave.status).not.toBe(413);
    expect(autosave.status).toBeLessThan(500);
    const tooMuch = await client.request("POST", "/login", { body: big });
    expect(tooMuch.status).toBe(413);
  });

  it("a chunked form within the limit is read whole", async () => {
    const client = createClient(app.baseUrl);
    // 270 kB in fields of 90,000 characters (a field may hold 100,000).
    const body = `locale=de&redirectTo=%2Flogin${"&padding=".concat("p".repeat(90_000)).repeat(3)}`;
    const response = await new Promise<{ status: number | null; headers: string }>(
      (resolve, reject) => {
        const socket = connect(app.port, "127.0.0.1");
        const received: Buffer[] = [];
        socket.on("data", (chunk: Buffer) => received.push(chunk));
        socket.on("error", reject);
        socket.on("close", () => {
          const text = Buffer.concat(received).toString("utf8");
          resolve({
            status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? NaN),
            headers: text.slice(0, text.indexOf("\r\n\r\n")),
          });
        });
        const head = [
          `POST /set-language HTTP/1.1`,
          `Host: 127.0.0.1:${app.port}`,
          "Transfer-Encoding: chunked",
          "Connection: close",
          ...formHeaders(client.origin).map(([n, v]) => `${n}: ${v}`),
          "",
          "",
        ].join("\r\n");
        const bytes = Buffer.from(body);
        socket.write(head);
        for (let at = 0; at < bytes.length; at += 10_000) {
          const part = bytes.subarray(at, at + 10_000);
          socket.write(
            Buffer.concat([
              Buffer.from(`${part.length.toString(16)}\r\n`),
              part,
              Buffer.from("\r\n"),
            ]),
          );
        }
        socket.write("0\r\n\r\n");
      },
    );
    expect(response.status).toBe(302);
    expect(response.headers).toMatch(/location: \/login/i);
    expect(response.headers).toMatch(/set-cookie: vetted_lang=/i);
  });
});
