// The HTTP layer in front of Remix: request ids, security headers (CSP with a per-request
// nonce, stricter ones on the vendor's pages), the probes /healthz and /readyz
// (server/probes.js), one access-log line per request (tokens in paths
// redacted), 4xx for requests we cannot serve (server/request-hygiene.js), body limits before
// anything reads a body (server/body-limit.js), the origin check for state-changing requests,
// compression (server/compression.js), static assets, the rendered-page cache, then Remix
// (server/remix-handler.js). Kept free of side effects so tests can mount it on an ephemeral
// port (tests/support/app-server.ts).
import express from "express";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { closeWhenAnsweredUnread, createBodyLimiter } from "./body-limit.js";
import { compressResponses } from "./compression.js";
import { answerLiveness, answerReadiness } from "./probes.js";
import { takeTurns } from "./take-turns.js";
import { remixHandler } from "./remix-handler.js";
import { isFeedPath, isPrivatePath, redactPath } from "./request-path.js";
import { createRouteLabeler, STATIC_LABEL } from "./route-label.js";
import {
  answerUnsupportedMethods,
  checkHostHeaders,
  normaliseRequestTarget,
} from "./request-hygiene.js";

export { refuseConnect } from "./request-hygiene.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const LOG_LEVELS = { debug: 10, info: 20, warn: 30, error: 40 };

// Token paths are judged after normalising them like the router does (server/request-path.js).
export { redactPath } from "./request-path.js";

/** @param {string} line */
function writeStdout(line) {
  process.stdout.write(`${line}\n`);
}

/**
 * @param {{ build: import('@remix-run/node').ServerBuild, appUrl: string, clientDir: string, trustProxy?: boolean,
 *   log?: (line: string) => void, logLevel?: string, lifecycle?: { isShuttingDown: () => boolean } }} options
 *   `log` receives one JSON line per request (default: stdout, silent under NODE_ENV=test);
 *   `logLevel` defaults to LOG_LEVEL (access lines are "info"); `lifecycle` says when the server
 *   is shutting down (server/graceful-shutdown.js; /readyz answers 503 then).
 */
export function createApp({
  build,
  appUrl,
  clientDir,
  trustProxy = false,
  log,
  logLevel = process.env.LOG_LEVEL ?? "info",
  lifecycle = { isShuttingDown: () => false },
}) {
  const publicUrl = new URL(appUrl);
  const publicOrigin = publicUrl.origin;
  const secure = publicOrigin.startsWith("https://");
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);

  app.use((req, res, next) => {
    res.locals.requestId = randomUUID();
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("X-Request-Id", res.locals.requestId);
    for (const [name, value] of Object.entries(securityHeaders(res.locals.cspNonce, secure))) {
      res.setHeader(name, value);
    }
    // Pages behind a secret link, however the path is spelled (/x/../invite/…, \\invite\\…).
    if (isPrivatePath(req.path)) {
      for (const [name, value] of Object.entries(PRIVATE_HEADERS)) res.setHeader(name, value);
    } else if (isFeedPath(req.path)) {
      for (const [name, value] of Object.entries(FEED_HEADERS)) res.setHeader(name, value);
    }
    next();
  });

  // The probes come before everything that may wait or refuse: the access log (a line every few
  // seconds per probe helps nobody), the host check (orchestrators probe the pod's address),
  // body limits, the page cache and Remix (server/probes.js).
  app.get("/healthz", answerLiveness);
  app.get(
    "/readyz",
    answerReadiness({
      checkReadiness: build.entry.module.checkReadiness,
      isShuttingDown: lifecycle.isShuttingDown,
    }),
  );

  const sink = log ?? (process.env.NODE_ENV === "test" ? null : writeStdout);
  const threshold = LOG_LEVELS[logLevel] ?? LOG_LEVELS.info;
  /** One JSON line about a request, with its id and redacted path. */
  const logEvent = (level, event, req, res, fields) => {
    if (!sink || LOG_LEVELS[level] < threshold) return;
    sink(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        event,
        requestId: res.locals.requestId,
        method: req.method,
        path: redactPath(req.path),
        ...fields,
      }),
    );
  };
  const routeLabel = createRouteLabeler(build);
  // Prometheus metrics (app/modules/metrics): on when METRICS_TOKEN is set.
  const metrics = build.entry.module.metrics;
  const metricsOn = Boolean(metrics?.enabled());
  if (metricsOn) metrics.start();
  const accessLogOn = Boolean(sink) && threshold <= LOG_LEVELS.info;
  if (accessLogOn || metricsOn) {
    app.use((req, res, next) => {
      const started = process.hrtime.bigint();
      res.on("finish", () => {
        const durationNs = process.hrtime.bigint() - started;
        // The route id (or a fixed label), never the path: ids and tokens stay out of labels.
        const route = res.locals.route ?? routeLabel(req.path);
        if (metricsOn) metrics.observeRequest(route, res.statusCode, Number(durationNs) / 1e9);
        if (!accessLogOn) return;
        /** Who made the request, when a session was validated: ids only (guards report them). */
        const identity = res.locals.identity ?? {};
        sink(
          JSON.stringify({
            time: new Date().toISOString(),
            level: "info",
            event: "http.request",
            requestId: res.locals.requestId,
            method: req.method,
            route,
            // Never req.url or req.originalUrl: they carry tokens and query strings.
            path: redactPath(req.path),
            status: res.statusCode,
            durationMs: Number(durationNs / 1_000_000n),
            ...(identity.organizationId ? { organizationId: identity.organizationId } : {}),
            ...(identity.userId ? { userId: identity.userId } : {}),
            ...(identity.inviteLinkId ? { inviteLinkId: identity.inviteLinkId } : {}),
          }),
        );
      });
      next();
    });
  }
  if (metricsOn) app.get("/metrics", serveMetrics(metrics));

  // First of the answers that may come before a body is read: they all close the connection.
  app.use(closeWhenAnsweredUnread);
  app.use(answerUnsupportedMethods);
  app.use(normaliseRequestTarget);
  app.use(checkHostHeaders({ trustProxy, publicUrl }));
  const bodyLimits = build.entry.module.bodyLimits;
  if (!bodyLimits)
    throw new Error(
      "The server build exports no bodyLimits (app/entry.server.tsx): every request needs a body limit",
    );
  const bodyLimiter = createBodyLimiter({
    limits: bodyLimits,
    publicUrl,
    report: (req, res, fields) => logEvent("warn", "http.body_too_large", req, res, fields),
  });
  app.use(bodyLimiter.enforce);

  // CSRF defence in depth (besides SameSite=Lax cookies): a state-changing request must come
  // from our own origin. Browsers always send Origin on POST; a missing one is refused too.
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get("origin");
    if (origin === publicOrigin) return next();
    // Pages under Referrer-Policy: no-referrer make browsers send "Origin: null" on their own
    // form posts and fetches. Sec-Fetch-Site is set by the browser alone (a forbidden header
    // name): "same-origin" there tells such a post from a sandboxed frame or another site, which
    // send "null" too but never "same-origin". Remix repeats an Origin/Host comparison that
    // refuses "null", so the checked request continues with our own origin.
    if (origin === "null" && req.get("sec-fetch-site") === "same-origin") {
      req.headers.origin = publicOrigin;
      return next();
    }
    res
      .status(403)
      .type("text/plain")
      .send(`Forbidden: cross-origin request (request id ${res.locals.requestId})`);
  });

  app.use(compressResponses());
  // Files from build/client are labelled "static"; a request that falls through to Remix is
  // labelled by its route again below.
  app.use((req, res, next) => {
    res.locals.route = STATIC_LABEL;
    next();
  });
  app.use(
    "/assets",
    express.static(path.join(clientDir, "assets"), {
      immutable: true,
      maxAge: "1y",
      index: false,
      fallthrough: false,
    }),
  );
  app.use(express.static(clientDir, { maxAge: "1h", index: false }));
  app.use((req, res, next) => {
    res.locals.route = undefined;
    next();
  });

  // The app's work starts one request per turn of the event loop: probes are never queued
  // behind a burst of synchronous database work (server/take-turns.js).
  app.use(takeTurns());

  const pageCache = build.entry.module.pageCache;
  if (pageCache) app.get([...pageCache.paths], servePageCache(pageCache));

  app.all(
    "*",
    remixHandler({
      build,
      // Only an explicit development run may show error details; everything else is production.
      mode: process.env.NODE_ENV === "development" ? "development" : "production",
      publicUrl,
      openBody: bodyLimiter.openBody,
      getLoadContext: (req, res) => ({
        requestId: res.locals.requestId,
        cspNonce: res.locals.cspNonce,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        // Values computed once per HTTP request and shared by its loaders (the validated session);
        // begun by the page cache when it looked at the request first.
        requestScope: res.locals.requestScope ?? new Map(),
        // entry.server calls it when a streamed page fails after its 200 status went out.
        markIncomplete: () => {
          res.locals.pageIncomplete = true;
        },
        // The guards report who made the request (ids only) for the access log.
        identify: (identity) => {
          res.locals.identity = identity;
        },
      }),
    }),
  );
  // Errors before Remix (a missing asset, a malformed URL): a status and the request id only.
  // Express recognises error handlers by their four parameters.
  app.use((error, req, res, _next) => {
    const status =
      Number.isInteger(error?.status) && error.status >= 400 && error.status < 600
        ? error.status
        : 500;
    res
      .status(status)
      .type("text/plain")
      .send(`${status === 404 ? "Not found" : "Error"} (request id ${res.locals.requestId})`);
  });
  return app;
}

/**
 * GET /metrics in Prometheus' text format, for a scraper that sends `Authorization: Bearer
 * <METRICS_TOKEN>` (docs/operations/metrics.md). Mounted before the Host and origin checks: a
 * scraper addresses the instance by its own address, not by APP_URL.
 * @param {{ authorized: (header: string | undefined) => boolean, render: () => Promise<{ contentType: string, body: string }> }} metrics
 */
function serveMetrics(metrics) {
  return async (req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    if (!metrics.authorized(req.get("authorization"))) {
      res
        .status(401)
        .set("WWW-Authenticate", 'Bearer realm="metrics"')
        .type("text/plain")
        .send("Unauthorized: send Authorization: Bearer <METRICS_TOKEN>");
      return;
    }
    try {
      const { contentType, body } = await metrics.render();
      // As prom-client names it (Express' type() would reorder the parameters).
      res.status(200).setHeader("Content-Type", contentType);
      res.end(body);
    } catch (error) {
      next(error);
    }
  };
}

/** Added to every response on a private path (isPrivatePath); "no-referrer" replaces "same-origin". */
export const PRIVATE_HEADERS = {
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
  "Cache-Control": "no-store",
};

/** Added to every response on a secret feed address (isFeedPath); caching is the route's choice. */
export const FEED_HEADERS = {
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
};

/**
 * Serves a page from the rendered-page cache (app/modules/page-cache, ADR 0012), or lets Remix
 * render it and keeps a complete 200 HTML response. A failing cache never fails the request.
 * @param {{ probe: Function, store: Function, render: Function }} pageCache
 */
function servePageCache(pageCache) {
  return async (req, res, next) => {
    let probe = null;
    // The request's scope for Remix's loaders: the session the probe validates is kept in it.
    const scope = new Map();
    res.locals.requestScope = scope;
    try {
      probe = await pageCache.probe({
        method: req.method,
        url: req.originalUrl,
        cookie: req.get("cookie"),
        acceptLanguage: req.get("accept-language"),
        scope,
      });
    } catch {
      probe = null;
      scope.clear(); // a failed validation is not handed on: the loaders try again
    }
    if (!probe) return next();
    res.locals.identity = probe.identity;
    const { cspNonce: nonce, requestId } = res.locals;
    res.setHeader("X-Page-Cache", probe.hit ? "hit" : "miss");
    if (probe.hit) {
      // res.end, not res.send: an ETag of a page whose nonce changes every time helps nobody.
      const body = Buffer.from(pageCache.render(probe.hit, { nonce, requestId }), "utf8");
      res.status(200);
      res.setHeader("Content-Type", probe.hit.contentType);
      res.setHeader("Content-Length", body.length);
      res.setHeader("Cache-Control", "private, no-store");
      return res.end(body);
    }
    const chunks = [];
    const write = res.write;
    const end = res.end;
    const keep = (chunk, encoding) => {
      if (chunk && typeof chunk !== "function")
        chunks.push(Buffer.from(chunk, typeof encoding === "string" ? encoding : undefined));
    };
    res.write = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      return write.call(this, chunk, encoding, callback);
    };
    res.end = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      return end.call(this, chunk, encoding, callback);
    };
    res.on("finish", () => {
      const contentType = String(res.getHeader("content-type") ?? "");
      if (
        res.statusCode !== 200 ||
        res.locals.pageIncomplete ||
        res.getHeader("set-cookie") ||
        !contentType.startsWith("text/html")
      )
        return;
      try {
        pageCache.store(probe.key, {
          html: Buffer.concat(chunks).toString("utf8"),
          contentType,
          nonce,
          requestId,
        });
      } catch {
        // not kept: the next request renders again
      }
    });
    next();
  };
}

/** @param {string} nonce @param {boolean} secure */
export function securityHeaders(nonce, secure) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // URLs carry internal ids: other sites get no referrer at all. The vendor's pages (secret
    // links) get "no-referrer" instead (PRIVATE_HEADERS, ADR 0007).
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(secure ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
