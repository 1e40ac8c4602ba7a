import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

/**
 * HTTP requests written byte for byte on a plain TCP socket, for what node:http and fetch refuse
 * to send: any method, a foreign or broken Host, an absolute-form or malformed request target,
 * header values a client library would clean up. Every request asks for `Connection: close`, so
 * the response ends when the server closes the socket.
 */
export interface RawRequest {
  method: string;
  /** The request target exactly as written on the request line. */
  target: string;
  /** Header lines in order; a Host header is added only when none is given (`null` omits it). */
  headers?: [string, string][];
  host?: string | null;
  body?: string | Buffer;
}

export interface RawResponse {
  /** null: the server closed the connection without an HTTP response. */
  status: number | null;
  headers: Map<string, string>;
  /** The body bytes with chunked framing undone (content coding is not). */
  body: Buffer;
}

export function rawRequest(port: number, request: RawRequest): Promise<RawResponse> {
  const lines = [`${request.method} ${request.target} HTTP/1.1`];
  const headers = request.headers ?? [];
  const hasHost = headers.some(([name]) => name.toLowerCase() === "host");
  if (!hasHost && request.host !== null) lines.push(`Host: ${request.host ?? `127.0.0.1:${port}`}`);
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  if (body && !headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name))) {
    lines.push(`Content-Length: ${body.length}`);
  }
  lines.push("Connection: close", "", "");
  const head = Buffer.from(lines.join("\r\n"), "latin1");

  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const received: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => received.push(chunk));
    // The server may answer and close before it read the body (413): the answer is what counts.
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    socket.on("close", () => resolve(parseResponse(Buffer.concat(received))));
    socket.write(body ? Buffer.concat([head, body]) : head);
  });
}

function parseResponse(bytes: Buffer): RawResponse {
  const end = bytes.indexOf("\r\n\r\n");
  const headers = new Map<string, string>();
  if (end < 0) return { status: null, headers, body: Buffer.alloc(0) };
  const [statusLine = "", ...headerLines] = bytes.subarray(0, end).toString("latin1").split("\r\n");
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  for (const line of headerLines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  const body = bytes.subarray(end + 4);
  return {
    status: status ? Number(status) : null,
    headers,
    body: headers.get("transfer-encoding") === "chunked" ? unchunk(body) : body,
  };
}

/** The payload of a chunked body (RFC 9112 §7.1); a truncated body gives what arrived. */
function unchunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf("\r\n", at);
    if (lineEnd < 0) break;
    const size = parseInt(bytes.subarray(at, lineEnd).toString("latin1"), 16);
    if (!(size > 0)) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

export interface BytesResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as sent: chunked framing undone, content coding (gzip, br) not. */
  body: Buffer;
}

/** A GET through node:http that keeps the body's bytes (a compressed body stays compressed). */
export function getBytes(
  baseUrl: string,
  target: string,
  headers: Record<string, string> = {},
  method = "GET",
): Promise<BytesResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(target, baseUrl), { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** The body with its content coding undone (gzip, br or none, per Content-Encoding). */
export function decodedBody(response: BytesResponse): Buffer {
  const coding = response.headers["content-encoding"];
  if (coding === "gzip") return gunzipSync(response.body);
  if (coding === "br") return brotliDecompressSync(response.body);
  if (coding === undefined || coding === "identity") return response.body;
  throw new Error(`unexpected Content-Encoding ${String(coding)}`);
}
