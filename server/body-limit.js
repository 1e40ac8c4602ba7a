// Request body limits before anything reads a body (issue 11): the limits themselves are one
// table in the app (app/modules/request-limits/body-limits.server.ts, exported by the server build); this file
// applies them to every request, so no route can forget one.
//   - A declared Content-Length above the route's limit is answered 413 at once; no body byte is read.
//   - A body without a declared length (chunked) is counted while Remix reads it; at the limit
//     it is cut off, the request's signal is aborted and 413 goes out.
//   - Any answer sent while the body is still unread closes the connection, so Node does not go
//     on reading (and discarding) what the client keeps sending.
import { sendWebResponse, webRequestHead } from "./remix-handler.js";

/** Thrown into the body stream Remix reads when the body passes its limit. */
export class BodyTooLargeError extends Error {}

/** Chunks Remix has not read yet are held up to this many bytes; then the socket is paused. */
const QUEUE_HIGH_WATER_BYTES = 64 * 1024;

/** @param {import('express').Request} req */
function hasBody(req) {
  return (
    req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0
  );
}

/**
 * Once a response starts while the request body is still arriving, it says `Connection: close`:
 * Node then closes the socket after the response instead of reading the rest of the body to
 * keep the connection alive. Small bodies that already arrived whole keep their connection.
 */
export function closeWhenAnsweredUnread(req, res, next) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (!req.complete && hasBody(req)) this.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  };
  next();
}

/**
 * @typedef {{ maxBytes: number, shownMaxBytes: number }} BodyLimit
 * @typedef {{ limitFor: (pathname: string) => BodyLimit, tooLarge: (request: Request, limit: BodyLimit) => Promise<Response> }} BodyLimits
 */

/**
 * @param {{ limits: BodyLimits, publicUrl: URL,
 *   report: (req: import('express').Request, res: import('express').Response, fields: Record<string, unknown>) => void }} options
 *   `report` receives one event per refused body, when its connection has closed (how much the
 *   server read in the end, request line and headers included).
 */
export function createBodyLimiter({ limits, publicUrl, report }) {
  /** Sends the 413 (in the visitor's language, from the app) and closes the connection. */
  async function refuse(req, res, limit, fields) {
    res.locals.bodyRefused = true;
    const socket = req.socket;
    socket.once("close", () =>
      report(req, res, {
        limitBytes: limit.maxBytes,
        ...fields,
        socketBytesRead: socket.bytesRead,
      }),
    );
    let response;
    try {
      response = await limits.tooLarge(webRequestHead(req, publicUrl), limit);
    } catch {
      // The localised answer failed (a header the platform refuses, a bug): a plain one.
      response = new Response("Payload Too Large", {
        status: 413,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
    if (res.headersSent) return;
    res.setHeader("Connection", "close");
    await sendWebResponse(res, response);
  }

  /** Middleware: the route's limit for this request, and the refusal of a declared oversize body. */
  function enforce(req, res, next) {
    if (!hasBody(req)) return next();
    const limit = limits.limitFor(req.path);
    res.locals.bodyLimit = limit;
    const declared =
      req.headers["content-length"] === undefined ? null : Number(req.headers["content-length"]);
    if (declared !== null && declared > limit.maxBytes) {
      refuse(req, res, limit, { declaredBytes: declared, receivedBytes: 0 }).catch(next);
      return;
    }
    next();
  }

  /**
   * The body Remix reads: the request's bytes, counted. Past the limit the stream fails with
   * BodyTooLargeError, `abort` ends the request's signal (so its action stops quietly), the
   * socket is paused and the 413 goes out.
   * @returns {ReadableStream<Uint8Array>}
   */
  function openBody(req, res, abort) {
    const limit = res.locals.bodyLimit ?? limits.limitFor(req.path);
    let received = 0;
    let settled = false;
    return new ReadableStream(
      {
        start(controller) {
          const fail = (error) => {
            if (settled) return;
            settled = true;
            controller.error(error);
          };
          req.on("data", (chunk) => {
            if (settled) return;
            received += chunk.length;
            if (received > limit.maxBytes) {
              req.pause();
              // refuse() marks the request taken over (res.locals.bodyRefused) before anything
              // else runs, so whatever the route answers after the failed read is dropped.
              if (!res.headersSent)
                refuse(req, res, limit, { declaredBytes: null, receivedBytes: received }).catch(
                  () => res.destroy(),
                );
              abort();
              fail(
                new BodyTooLargeError(`the request body is larger than ${limit.maxBytes} bytes`),
              );
              return;
            }
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if ((controller.desiredSize ?? 1) <= 0) req.pause();
          });
          req.on("end", () => {
            if (settled) return;
            settled = true;
            controller.close();
          });
          req.on("error", fail);
          req.on("close", () =>
            fail(new Error("the connection closed before the request body was complete")),
          );
        },
        pull() {
          if (!settled) req.resume();
        },
        cancel() {
          settled = true;
          req.pause();
        },
      },
      { highWaterMark: QUEUE_HIGH_WATER_BYTES, size: (chunk) => chunk.byteLength },
    );
  }

  return { enforce, openBody };
}
