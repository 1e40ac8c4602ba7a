import { Transform, type TransformCallback } from "node:stream";

/**
 * The stream React renders a page into, without NUL bytes.
 *
 * React 18's server writer (react-dom/server, writeStringChunk) fills a 2 KiB buffer; when the
 * next text does not fit whole and a multi-byte character is cut off at the buffer's end, it
 * sends the whole buffer, the 1–3 unused zero bytes at its end included. Pages then carried NUL
 * bytes at 2 KiB boundaries, shown as "�" (fixed in React 19; we are on 18.3, pinned by Remix 2).
 *
 * Dropping every 0x00 byte repairs that and can remove nothing of value: in UTF-8 no other
 * character contains a zero byte, and HTML has no place for U+0000 (the parser reports it as an
 * error and shows U+FFFD or drops it; data in inline scripts is JSON, which escapes it).
 */
export class NulFreeHtmlStream extends Transform {
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    callback(null, chunk.includes(0) ? withoutNul(chunk) : chunk);
  }
}

function withoutNul(chunk: Buffer): Buffer {
  const out = Buffer.allocUnsafe(chunk.length);
  let length = 0;
  for (let from = 0; from < chunk.length;) {
    const at = chunk.indexOf(0, from);
    const end = at < 0 ? chunk.length : at;
    length += chunk.copy(out, length, from, end);
    from = end + 1;
  }
  return out.subarray(0, length);
}
