// Hands a request to Remix and its answer back to Express. Our own small adapter instead of
// @remix-run/express, for two reasons:
//   - the URL Remix sees is built from APP_URL, never from the client's Host or X-Forwarded-Host
//     (@remix-run/express runs `new URL()` on them, so a broken Host was a 500 and a foreign one
//     made Remix's own origin check throw), and those headers reach Remix rewritten to match;
//   - the body Remix reads is the counted one of server/body-limit.js, cut off at the route's limit.
import { createRequestHandler } from "@remix-run/node";

/** Below this a body is not worth compressing (server/compression.js uses the same threshold). */
const SMALL_BODY_BYTES = 1024;

/**
 * The request as Remix should see it, without a body: our public origin and the path as sent,
 * the client's headers with Host set to ours and X-Forwarded-Host removed (nothing downstream
 * may take a host from the client).
 * @param {import('express').Request} req @param {URL} publicUrl
 */
export function webRequestHead(req, publicUrl, init = {}) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "host" || name === "x-forwarded-host") continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  headers.set("Host", publicUrl.host);
  // String concatenation, not new URL(path, base): "//evil.example/x" is a path here, not a host.
  return new Request(`${publicUrl.origin}${req.originalUrl}`, {
    method: req.method,
    headers,
    ...init,
  });
}

/**
 * Writes a web Response to Express: status, headers, body. Headers are appended to those the
 * middleware set (a route's own `Content-Security-Policy: sandbox` adds to ours, never replaces
 * it); each Set-Cookie stays its own line.
 * @param {import('express').Response} res @param {Response} response
 */
export async function sendWebResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) res.append(name, value);
  if (response.body) await writeBody(res, response.body);
  else res.end();
}

/**
 * Streams a body to the response, waiting whenever the socket (or the compressor) is full. A
 * body that ends within its first small chunk ("ok", a redirect's text) goes out with
 * res.end(chunk), so compression knows its length and leaves it alone; everything else is
 * written as it comes (server/compression.js flushes each burst).
 */
async function writeBody(res, body) {
  const reader = body.getReader();
  const write = backpressuredWriter(res);
  try {
    let next = await reader.read();
    if (next.done) return void res.end();
    let chunk = next.value;
    if (chunk.byteLength < SMALL_BODY_BYTES) {
      next = await reader.read();
      if (next.done) return void res.end(chunk);
      await write(chunk);
      chunk = next.value;
    }
    for (;;) {
      await write(chunk);
      next = await reader.read();
      if (next.done) return void res.end();
      chunk = next.value;
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    res.destroy();
    throw error;
  }
}

/**
 * A write function that waits while the response is full, until it drains or the client is
 * gone. One "drain" and one "close" listener per response: the compression package moves
 * "drain" listeners to its compressor, where once() could never remove them again.
 */
function backpressuredWriter(res) {
  let wake = null;
  const onWake = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  res.on("drain", onWake);
  res.on("close", onWake);
  return (chunk) => {
    if (res.destroyed)
      return Promise.reject(new Error("the connection closed before the response was complete"));
    if (res.write(chunk)) return undefined;
    return new Promise((resolve) => {
      wake = resolve;
    });
  };
}

/** True once a response started, or server/body-limit.js took the request over (res.locals.bodyRefused). */
function answeredElsewhere(res) {
  return res.headersSent || res.locals.bodyRefused === true;
}

/**
 * @param {{ build: import('@remix-run/node').ServerBuild, mode: string, publicUrl: URL,
 *   getLoadContext: (req: import('express').Request, res: import('express').Response) => unknown,
 *   openBody: (req: import('express').Request, res: import('express').Response, abort: () => void) => ReadableStream<Uint8Array> }} options
 *   `openBody` gives the request body Remix reads; `abort` ends the request's signal (loaders and
 *   actions stop) when the body was refused.
 */
export function remixHandler({ build, mode, publicUrl, getLoadContext, openBody }) {
  const handleRequest = createRequestHandler(build, mode);
  return async (req, res, next) => {
    const controller = new AbortController();
    // The client went away before the answer was complete: stop the loaders and actions.
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = webRequestHead(req, publicUrl, {
        signal: controller.signal,
        ...(hasBody ? { body: openBody(req, res, () => controller.abort()), duplex: "half" } : {}),
      });
      const response = await handleRequest(request, await getLoadContext(req, res));
      // The body limit refused the body (its 413 may still be on its way): this answer is nobody's.
      if (answeredElsewhere(res)) {
        await response.body?.cancel().catch(() => {});
        return;
      }
      await sendWebResponse(res, response);
    } catch (error) {
      if (answeredElsewhere(res)) return;
      next(error);
    }
  };
}
