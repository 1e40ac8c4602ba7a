// Requests the app cannot serve are answered here with a 4xx before anything parses them
// (issue 11: a client's mistake is never a 500): methods we do not serve, request targets that
// are not a path, a missing, doubled or malformed Host, and (behind a trusted proxy) a malformed
// X-Forwarded-Host. A well-formed host other than APP_URL's is a 400 that names the expected
// origin (issue 13): a reverse proxy that rewrites Host is a configuration mistake an operator
// must see at once, not a site that half works (docs/operations/reverse-proxy.md).
// server/remix-handler.js still builds every URL from APP_URL, never from the client's host.

/** Everything the app answers; Remix forms and fetchers use GET and POST only. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"];
const ALLOW = ALLOWED_METHODS.join(", ");

/** RFC 3986 host: an IP literal in brackets, or an IPv4 address or registered name. */
const IP_LITERAL = /^\[[0-9A-Fa-f:.]+\]$/;
const REGISTERED_NAME = /^[A-Za-z0-9\-._~!$&'()*+,;=%]+$/;
const PORT = /^\d{1,5}$/;

/** A Host value: host, optionally ":" and a port up to 65535. */
function isValidHost(value) {
  const portAt = value.lastIndexOf(":");
  const bracketEnd = value.lastIndexOf("]");
  const hasPort = portAt > bracketEnd;
  const host = hasPort ? value.slice(0, portAt) : value;
  const port = hasPort ? value.slice(portAt + 1) : null;
  if (port !== null && !(PORT.test(port) && Number(port) <= 65535)) return false;
  return IP_LITERAL.test(host) || REGISTERED_NAME.test(host);
}

function badRequest(res, reason) {
  res
    .status(400)
    .type("text/plain")
    .send(`Bad Request: ${reason} (request id ${res.locals.requestId})`);
}

/** OPTIONS gets the list of methods; any other method we do not serve gets 405 with it. */
export function answerUnsupportedMethods(req, res, next) {
  if (req.method === "OPTIONS") {
    res.setHeader("Allow", ALLOW);
    res.status(204).end();
    return;
  }
  if (ALLOWED_METHODS.includes(req.method)) return next();
  res.setHeader("Allow", ALLOW);
  res
    .status(405)
    .type("text/plain")
    .send(`Method Not Allowed (request id ${res.locals.requestId})`);
}

/**
 * Node hands CONNECT to a "connect" listener and, without one, drops the connection without a
 * word. The server answers it like any other method we do not serve.
 * @param {import('node:http').IncomingMessage} _req @param {import('node:stream').Duplex} socket
 */
export function refuseConnect(_req, socket) {
  socket.end(
    `HTTP/1.1 405 Method Not Allowed\r\nAllow: ${ALLOW}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
  );
}

/**
 * A path with an encoded NUL character is a 404, a query with one a 400. A target in absolute
 * form ("GET http://host/path", RFC 9112 §3.2.2, sent to proxies) is served as its path, its
 * host ignored like a foreign Host; anything else that is not a path ("*" outside OPTIONS,
 * garbage) is a 400. Downstream code may then rely on req.url starting with "/".
 */
export function normaliseRequestTarget(req, res, next) {
  // U+0000 has no place in a path or a query, and PostgreSQL text cannot hold it: an id or a
  // search term carrying one would fail in the database. No page has such a name (404); a query
  // with one is malformed (400).
  const queryAt = req.url.indexOf("?");
  if (/%00/i.test(queryAt < 0 ? req.url : req.url.slice(0, queryAt))) {
    res.status(404).type("text/plain").send(`Not found (request id ${res.locals.requestId})`);
    return;
  }
  if (queryAt >= 0 && /%00/i.test(req.url.slice(queryAt)))
    return badRequest(res, "the query contains a NUL character");
  if (req.url.startsWith("/")) return next();
  if (/^https?:\/\//i.test(req.url)) {
    try {
      const url = new URL(req.url);
      req.url = `${url.pathname}${url.search}`;
      req.originalUrl = req.url;
      return next();
    } catch {
      // not a URL after all
    }
  }
  badRequest(res, "the request target is not a path");
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether two comparable hosts name this machine's loopback interface on the same port. */
function isLoopbackAlias(asked, expected) {
  const split = (host) => {
    const at = host.lastIndexOf(":");
    return at > host.lastIndexOf("]") ? [host.slice(0, at), host.slice(at + 1)] : [host, ""];
  };
  const [askedName, askedPort] = split(asked);
  const [expectedName, expectedPort] = split(expected);
  return (
    LOOPBACK_NAMES.has(askedName) && LOOPBACK_NAMES.has(expectedName) && askedPort === expectedPort
  );
}

/** A host as compared: lower case, without the default port of the public URL's scheme. */
function comparableHost(value, defaultPort) {
  const host = value.trim().toLowerCase();
  return host.endsWith(`:${defaultPort}`) ? host.slice(0, -(defaultPort.length + 1)) : host;
}

/**
 * Exactly one Host header with a well-formed value (RFC 9112 §3.2: otherwise 400); behind a
 * trusted proxy every X-Forwarded-Host value well-formed too. The host the client asked for —
 * behind a trusted proxy the first X-Forwarded-Host value when there is one, otherwise Host —
 * must be APP_URL's: otherwise 400 naming the expected origin. Without a trusted proxy
 * X-Forwarded-Host is not ours to judge: it is ignored (and removed before Remix sees it).
 * @param {{ trustProxy: boolean, publicUrl: URL }} options
 */
export function checkHostHeaders({ trustProxy, publicUrl }) {
  const defaultPort = publicUrl.protocol === "https:" ? "443" : "80";
  const expectedHost = comparableHost(publicUrl.host, defaultPort);
  return (req, res, next) => {
    const hosts = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      if (req.rawHeaders[i].toLowerCase() === "host") hosts.push(req.rawHeaders[i + 1]);
    }
    if (hosts.length !== 1 || !isValidHost(hosts[0]))
      return badRequest(res, "missing, repeated or malformed Host header");
    const forwarded = req.headers["x-forwarded-host"];
    if (
      trustProxy &&
      forwarded !== undefined &&
      !forwarded.split(",").every((value) => isValidHost(value.trim()))
    ) {
      return badRequest(res, "malformed X-Forwarded-Host header");
    }
    const asked = trustProxy && forwarded !== undefined ? forwarded.split(",")[0] : hosts[0];
    const askedHost = comparableHost(asked, defaultPort);
    if (askedHost !== expectedHost && isLoopbackAlias(askedHost, expectedHost)) {
      // http://127.0.0.1:3000 for a demo at http://localhost:3000: the same machine and port
      // under another name. A page view is sent to APP_URL (our own origin and the path asked
      // for, so never elsewhere); a form post still gets the 400 below (its cookies are the
      // other name's).
      if (req.method === "GET" || req.method === "HEAD") {
        const target = new URL(req.originalUrl, publicUrl.origin);
        if (target.origin === publicUrl.origin) return res.redirect(308, target.href);
      }
    }
    if (askedHost !== expectedHost) {
      // The foreign host is not repeated: the answer may be shown or logged by someone else.
      return badRequest(
        res,
        `this server answers for another host, expected ${publicUrl.origin} (APP_URL). Behind a reverse proxy, pass the original Host header on, or set TRUST_PROXY=true and send X-Forwarded-Host`,
      );
    }
    next();
  };
}
