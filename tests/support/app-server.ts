import { existsSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { generateTotpCode } from "../../app/modules/auth/totp.server";
import { ensureFreshBuild } from "./fresh-build.mjs";

/**
 * The real HTTP stack for integration tests: the production server build (build/server/index.js)
 * behind server/app.js (request ids, security headers, origin check), listening on an
 * ephemeral port of 127.0.0.1, plus a small cookie-jar HTTP client.
 *
 *   const app = await startAppServer();
 *   const client = createClient(app.baseUrl);
 *   await client.login(email, password, totpKey);
 *   const page = await client.get("/assessments");
 *
 * Every startAppServer() loads its own instance of the bundle (a distinct module URL), so the
 * bundle's configuration cache and database client are fresh and see the APP_URL set here. The
 * test file's DATABASE_URL (tests/setup/test-env.ts) is shared by the bundle and the factories.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// VETTED_TEST_BUILD_DIR runs the tests against another build directory (e.g. a fresh build of a
// work-in-progress copy); by default the project's own build/.
const buildDir = process.env.VETTED_TEST_BUILD_DIR
  ? path.resolve(process.env.VETTED_TEST_BUILD_DIR)
  : path.join(root, "build");
const buildFile = path.join(buildDir, "server/index.js");
// Written last (remix.config.js buildEnd): its presence means the build is complete.
const parserWorkerFile = path.join(buildDir, "server/parser-worker.js");
const clientDir = path.join(buildDir, "client");

/**
 * Builds when the build is missing or older than its sources (see fresh-build.mjs); parallel
 * test files queue on one lock and only the first one builds. A build from VETTED_TEST_BUILD_DIR
 * is used as it is.
 */
export function ensureServerBuild(): void {
  if (process.env.VETTED_TEST_BUILD_DIR) {
    if (!existsSync(buildFile) || !existsSync(parserWorkerFile))
      throw new Error(`No server build at ${buildFile}`);
    return;
  }
  ensureFreshBuild(root);
  if (!existsSync(buildFile)) throw new Error(`The build did not produce ${buildFile}`);
}

let instance = 0;

/** A fresh instance of the server bundle: its env cache and Prisma client start empty. */
export async function importServerBuild(): Promise<ServerBuild> {
  ensureServerBuild();
  instance += 1;
  const url = `${pathToFileURL(buildFile).href}?instance=${process.pid}-${instance}`;
  // A file URL built here from the project's own build path.
  // eslint-disable-next-line no-unsanitized/method
  return (await import(/* @vite-ignore */ url)) as ServerBuild;
}

interface ServerModule {
  createApp: (options: CreateAppOptions) => import("express").Express;
  refuseConnect: (
    req: import("node:http").IncomingMessage,
    socket: import("node:stream").Duplex,
  ) => void;
}

interface CreateAppOptions {
  build: ServerBuild;
  appUrl: string;
  clientDir: string;
  trustProxy?: boolean;
  lifecycle?: { isShuttingDown(): boolean };
}

export async function importCreateApp(): Promise<
  (options: CreateAppOptions) => import("express").Express
> {
  return (await importServerModule()).createApp;
}

async function importServerModule(): Promise<ServerModule> {
  return (await import("../../server/app.js")) as unknown as ServerModule;
}

export interface AppServer {
  /** Where the test connects: always http://127.0.0.1:<port>. */
  baseUrl: string;
  /** The public URL the app believes it has (APP_URL); the Origin a browser would send. */
  appUrl: string;
  port: number;
  build: ServerBuild;
  close(): Promise<void>;
}

export interface StartAppServerOptions {
  /** "https": APP_URL becomes https://127.0.0.1:<port> (Secure/__Host- cookies, HSTS) while the test still connects over plain http. */
  appUrlScheme?: "http" | "https";
  /** Remix server mode; defaults to what createApp derives from NODE_ENV ("development" under Vitest). */
  mode?: "production" | "development";
  trustProxy?: boolean;
  /** What server/index.js passes on SIGTERM: whether the server is shutting down (/readyz 503). */
  lifecycle?: { isShuttingDown(): boolean };
}

/** Starts the app on a free port; set MAIL_URL etc. in process.env before calling. */
export async function startAppServer(options: StartAppServerOptions = {}): Promise<AppServer> {
  const { createApp, refuseConnect } = await importServerModule();
  // Reserve the port first: APP_URL must name it before the bundle reads its configuration.
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const scheme = options.appUrlScheme ?? "http";
  const appUrl = `${scheme}://127.0.0.1:${port}`;
  process.env.APP_URL = appUrl;
  process.env.MAIL_URL ??= "file:.tmp/test-outbox";

  const build = await importServerBuild();
  // The bundle parses its configuration lazily; parse it now so this instance keeps this
  // APP_URL even when a later startAppServer() changes process.env.
  (build.entry.module as unknown as { boot: { loadEnv(): unknown } }).boot.loadEnv();
  const previousNodeEnv = process.env.NODE_ENV;
  if (options.mode === "production") process.env.NODE_ENV = "production";
  let app: import("express").Express;
  try {
    app = createApp({
      build,
      appUrl,
      clientDir,
      trustProxy: options.trustProxy ?? false,
      lifecycle: options.lifecycle,
    });
  } finally {
    process.env.NODE_ENV = previousNodeEnv;
  }
  server.on("request", app);
  // As server/index.js does: CONNECT gets a 405 instead of a dropped connection.
  server.on("connect", refuseConnect);

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    appUrl,
    port,
    build,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Mounts an app made by createApp on a free port of 127.0.0.1 (for createApp called directly). */
export async function listen(
  app: import("express").Express,
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP client with a cookie jar
// ---------------------------------------------------------------------------------------------

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The body as text (read completely). */
  body: string;
  /** The Location header (redirects are never followed). */
  location: string | null;
  /** Raw Set-Cookie header lines of this response. */
  setCookies: string[];
}

export type FormFields =
  | Record<string, string | number | boolean | null | undefined>
  | [string, string][]
  | URLSearchParams
  | FormData;

export interface RequestOptions {
  /** The Origin header; default the app's public origin; null sends none. */
  origin?: string | null;
  headers?: Record<string, string>;
}

export interface RawRequestOptions extends RequestOptions {
  body?: string | Uint8Array | FormData | URLSearchParams;
  contentType?: string;
}

export interface HttpClient {
  baseUrl: string;
  /** The Origin sent by default (the app's public origin). */
  origin: string;
  get(path: string, options?: RequestOptions): Promise<HttpResponse>;
  post(path: string, fields?: FormFields, options?: RequestOptions): Promise<HttpResponse>;
  request(method: string, path: string, options?: RawRequestOptions): Promise<HttpResponse>;
  /** The real login flow (POST /login, then POST /login/verify when a second factor is asked for). */
  login(
    email: string,
    password: string,
    totpKey?: Uint8Array | null,
    options?: { code?: string },
  ): Promise<HttpResponse>;
  cookie(name: string): string | undefined;
  setCookie(name: string, value: string): void;
  deleteCookie(name: string): void;
  cookies(): Map<string, string>;
}

function toBody(fields: FormFields | undefined): URLSearchParams | FormData {
  if (fields instanceof FormData || fields instanceof URLSearchParams) return fields;
  const params = new URLSearchParams();
  if (Array.isArray(fields)) {
    for (const [k, v] of fields) params.append(k, v);
  } else if (fields) {
    for (const [k, v] of Object.entries(fields)) {
      if (v !== null && v !== undefined) params.append(k, String(v));
    }
  }
  return params;
}

/** Parses a Set-Cookie line into name, value and whether it deletes the cookie. */
export function parseSetCookie(line: string): {
  name: string;
  value: string;
  attributes: Map<string, string>;
  deletes: boolean;
} {
  const [pair = "", ...rest] = line.split(";");
  const eq = pair.indexOf("=");
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  const attributes = new Map<string, string>();
  for (const part of rest) {
    const i = part.indexOf("=");
    const key = (i === -1 ? part : part.slice(0, i)).trim().toLowerCase();
    attributes.set(key, i === -1 ? "" : part.slice(i + 1).trim());
  }
  const maxAge = attributes.get("max-age");
  const expires = attributes.get("expires");
  const deletes =
    value === "" ||
    (maxAge !== undefined && Number(maxAge) <= 0) ||
    (expires !== undefined && new Date(expires).getTime() <= Date.now());
  return { name, value, attributes, deletes };
}

/**
 * One request on its own connection (node:http, no pooling): an answer sent before the server
 * read the whole body must not poison the next request on a reused keep-alive socket.
 */
function send(
  url: URL,
  method: string,
  headers: Headers,
  body: Buffer | undefined,
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const outgoing: Record<string, string> = {};
    headers.forEach((value, name) => (outgoing[name] = value));
    if (body) outgoing["content-length"] = String(body.length);
    let responded = false;
    const req = httpRequest(url, { method, headers: outgoing, agent: false }, (res) => {
      responded = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const responseHeaders = new Headers();
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          responseHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        resolve({
          status: res.statusCode ?? 0,
          headers: responseHeaders,
          body: Buffer.concat(chunks).toString("utf8"),
          location: responseHeaders.get("location"),
          setCookies: responseHeaders.getSetCookie(),
        });
      });
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The server may answer and close before it read a large body: keep its answer.
      if (error.code === "EPIPE" || error.code === "ECONNRESET") {
        setTimeout(() => (responded ? undefined : reject(error)), 500);
        return;
      }
      reject(error);
    });
    req.end(body);
  });
}

/**
 * `defaults.origin`: the Origin sent with every request (default: the origin of baseUrl; pass
 * AppServer.appUrl for an https app). `defaults.headers`: sent with every request (e.g.
 * X-Forwarded-For to give a client its own IP when the app trusts the proxy).
 */
export function createClient(
  baseUrl: string,
  defaults: { origin?: string; headers?: Record<string, string> } = {},
): HttpClient {
  const jar = new Map<string, string>();
  const origin = defaults.origin ?? new URL(baseUrl).origin;

  async function request(
    method: string,
    target: string,
    options: RawRequestOptions = {},
  ): Promise<HttpResponse> {
    const headers = new Headers({ ...defaults.headers, ...options.headers });
    const sendOrigin = options.origin === undefined ? origin : options.origin;
    if (sendOrigin !== null) headers.set("Origin", sendOrigin);
    if (jar.size > 0 && !headers.has("Cookie")) {
      headers.set("Cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    let body: Buffer | undefined;
    if (options.body !== undefined) {
      // Let the platform encode forms (urlencoded / multipart with its boundary).
      const encoded = new Request("http://encode.invalid/", {
        method: "POST",
        body: options.body as BodyInit,
      });
      body = Buffer.from(await encoded.arrayBuffer());
      const type = encoded.headers.get("content-type");
      if (type && !headers.has("Content-Type")) headers.set("Content-Type", type);
    }
    if (options.contentType) headers.set("Content-Type", options.contentType);
    const response = await send(new URL(target, baseUrl), method, headers, body);
    for (const line of response.setCookies) {
      const cookie = parseSetCookie(line);
      if (cookie.deletes) jar.delete(cookie.name);
      else jar.set(cookie.name, cookie.value);
    }
    return response;
  }

  const client: HttpClient = {
    baseUrl,
    origin,
    get: (target, options) => request("GET", target, options),
    post: (target, fields, options) =>
      request("POST", target, { ...options, body: toBody(fields) }),
    request,
    async login(email, password, totpKey, options = {}) {
      const first = await client.post("/login", { email, password, redirectTo: "/" });
      if (first.status !== 302) throw new Error(`login of ${email} failed: ${first.status}`);
      if (!first.location?.startsWith("/login/verify")) return first;
      if (!totpKey && !options.code)
        throw new Error(`login of ${email} asks for a second factor but no TOTP key was given`);
      const code = options.code ?? generateTotpCode(totpKey!, new Date());
      let second = await client.post("/login/verify", { code });
      if (second.status === 400 && totpKey && !options.code) {
        // This step's code was already used by an earlier login of the same user (replay
        // protection): the next step's code is accepted within the allowed clock drift.
        second = await client.post("/login/verify", {
          code: generateTotpCode(totpKey, new Date(Date.now() + 30_000)),
        });
      }
      if (second.status !== 302)
        throw new Error(`second factor of ${email} failed: ${second.status}`);
      return second;
    },
    cookie: (name) => jar.get(name),
    setCookie: (name, value) => void jar.set(name, value),
    deleteCookie: (name) => void jar.delete(name),
    cookies: () => new Map(jar),
  };
  return client;
}
