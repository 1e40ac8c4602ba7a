// Compression of text responses (gzip or brotli, as the client accepts; ADR 0018): HTML, Remix
// data, JSON, JavaScript, CSS, SVG, CSV. Not compressed:
//   - downloads (any response with Content-Disposition: evidence files, reports, exports): they
//     keep their exact bytes and Content-Length;
//   - pages that show a secret which outlives the response (the TOTP key being set up, invite
//     and invitation pages, the development outbox with its links), against BREACH;
//   - HEAD requests, bodies under 1 KiB, and responses marked Cache-Control: no-transform.
// Remix streams pages: whatever was written in one turn of the event loop is flushed at its end,
// so a streamed page still reaches the browser in parts rather than when it is complete.
import compression from "compression";
import { constants } from "node:zlib";
import { normalizePath } from "./request-path.js";

/** Pages (and their Remix data requests) that carry a secret the attacker of BREACH could want. */
const SECRET_PAGES = /^\/(mfa\/setup|dev\/outbox|invite\/|accept-invitation\/)/;

/** The path as the router matches it (server/request-path.js), lower case, a ".data" request as its page. */
function pagePath(pathname) {
  return normalizePath(pathname)
    .toLowerCase()
    .replace(/\.data$/, "");
}

/** @param {import('express').Request} req @param {import('express').Response} res */
export function shouldCompress(req, res) {
  if (res.getHeader("Content-Disposition") !== undefined) return false;
  if (SECRET_PAGES.test(pagePath(req.path))) return false;
  return compression.filter(req, res);
}

/**
 * After each write, flush what the compressor holds once the current turn of the event loop is
 * over: React writes a page in many small chunks in one go (compressed together), and a part
 * streamed later (a deferred section) is not held back until the page ends.
 */
function flushEachBurst(_req, res, next) {
  const write = res.write;
  let scheduled = false;
  res.write = function (...args) {
    const result = write.apply(this, args);
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        if (!res.writableEnded && !res.destroyed) res.flush?.();
      });
    }
    return result;
  };
  next();
}

/** The two middleware functions, in order: compression, then the flushing of each burst. */
export function compressResponses() {
  return [
    compression({
      filter: shouldCompress,
      threshold: 1024,
      // Quality 4 (the package's default too): most of the gain at a small cost per response.
      brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    }),
    flushEachBurst,
  ];
}
