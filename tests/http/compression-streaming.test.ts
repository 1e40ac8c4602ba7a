import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, createGunzip } from "node:zlib";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";

/**
 * A compressed response still streams (server/compression.js): what the server wrote in one
 * turn of the event loop reaches the client before the response ends. The handler below writes
 * the next part only after the client has decompressed the previous one; were the compressor
 * to hold the first part back until the end, neither side would move and the test would time
 * out.
 */
const { compressResponses } = (await import("../../server/compression.js")) as unknown as {
  compressResponses: () => express.RequestHandler[];
};
const { sendWebResponse } = (await import("../../server/remix-handler.js")) as unknown as {
  sendWebResponse: (res: express.Response, response: Response) => Promise<void>;
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

describe("compression of a streamed response", () => {
  it("delivers each part before the next is written", async () => {
    let clientSaw: (text: string) => void = () => {};
    const app = express();
    app.use(compressResponses());
    app.get("/stream", async (_req, res) => {
      res.type("text/html");
      for (const part of ["first", "second", "third"]) {
        const seen = new Promise<string>((resolve) => (clientSaw = resolve));
        // 4 KiB per part: above the 1 KiB threshold, so it is compressed.
        res.write(`<p>${part}</p>${" ".repeat(4096)}`);
        expect(await seen).toContain(`<p>${part}</p>`);
      }
      res.end("<p>end</p>");
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    close = () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    const { port } = server.address() as AddressInfo;

    const body = await new Promise<string>((resolve, reject) => {
      request(
        { host: "127.0.0.1", port, path: "/stream", headers: { "Accept-Encoding": "gzip" } },
        (res) => {
          expect(res.headers["content-encoding"]).toBe("gzip");
          let text = "";
          const gunzip = res.pipe(createGunzip());
          gunzip.on("data", (chunk: Buffer) => {
            text += chunk.toString("utf8");
            clientSaw(text);
          });
          gunzip.on("end", () => resolve(text));
          gunzip.on("error", reject);
        },
      )
        .on("error", reject)
        .end();
    });
    expect(body).toMatch(/<p>first<\/p>.*<p>second<\/p>.*<p>third<\/p>.*<p>end<\/p>$/s);
  });
});

describe("a large response through the compressor", () => {
  it("waits for the compressor to drain without piling up listeners on it, and arrives whole", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    // 4 MB in 2 KiB chunks, as React writes a page: the compressor is full again and again.
    const chunk = new TextEncoder().encode(`<p>${"Prüfbericht ".repeat(170)}</p>\n`.slice(0, 2048));
    const chunks = 2048;
    const app = express();
    app.use(compressResponses());
    app.get("/large", async (_req, res) => {
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < chunks) controller.enqueue(chunk);
          else controller.close();
        },
      });
      await sendWebResponse(
        res,
        new Response(body, { headers: { "Content-Type": "text/html; charset=utf-8" } }),
      );
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    close = () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    const { port } = server.address() as AddressInfo;
    const received = await new Promise<{ encoding: string | undefined; body: Buffer }>(
      (resolve, reject) => {
        request(
          { host: "127.0.0.1", port, path: "/large", headers: { "Accept-Encoding": "br" } },
          (res) => {
            const parts: Buffer[] = [];
            res.on("data", (part: Buffer) => parts.push(part));
            res.on("end", () =>
              resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(parts) }),
            );
            res.on("error", reject);
          },
        )
          .on("error", reject)
          .end();
      },
    );
    process.off("warning", onWarning);
    expect(received.encoding).toBe("br");
    expect(brotliDecompressSync(received.body).length).toBe(chunk.length * chunks);
    expect(warnings.filter((w) => w.startsWith("MaxListenersExceededWarning"))).toEqual([]);
  });
});
