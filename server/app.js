// The HTTP layer in front of Remix: request ids, security headers (CSP with a per-request
// nonce), the origin check for state-changing requests, static assets. Kept free of side
// effects so tests can mount it on an ephemeral port (tests/support/app-server.ts).
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** @param {{ build: import('@remix-run/node').ServerBuild, appUrl: string, clientDir: string, trustProxy?: boolean }} options */
export function createApp({ build, appUrl, clientDir, trustProxy = false }) {
  const publicOrigin = new URL(appUrl).origin;
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
    next();
  });

  // CSRF defence in depth (besides SameSite=Lax cookies): a state-changing request must come
  // from our own origin. Browsers always send Origin on POST; a missing one is refused too.
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get("origin");
    if (origin === publicOrigin) return next();
    res.status(403).type("text/plain").send(`Forbidden: cross-origin request (request id ${res.locals.requestId})`);
  });

  app.use(
    "/assets",
    express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false, fallthrough: false }),
  );
  app.use(express.static(clientDir, { maxAge: "1h", index: false }));

  app.all(
    "*",
    createRequestHandler({
      build,
      // Only an explicit development run may show error details; everything else is production.
      mode: process.env.NODE_ENV === "development" ? "development" : "production",
      getLoadContext: (req, res) => ({
        requestId: res.locals.requestId,
        cspNonce: res.locals.cspNonce,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
      }),
    }),
  );
  // Errors before Remix (a missing asset, a malformed URL): a status and the request id only.
  // Express recognises error handlers by their four parameters.
  app.use((error, req, res, _next) => {
    const status = Number.isInteger(error?.status) && error.status >= 400 && error.status < 600 ? error.status : 500;
    res.status(status).type("text/plain").send(`${status === 404 ? "Not found" : "Error"} (request id ${res.locals.requestId})`);
  });
  return app;
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
    // Links carry secrets (invite tokens) and internal ids: other sites get no referrer at all.
    // Not "no-referrer": that makes browsers send "Origin: null" on plain form posts, which the
    // origin check must refuse, so forms would stop working without JavaScript (ADR 0007).
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(secure ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
