import express from "express";
import { connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { answerLiveness } from "../../server/probes.js";
import { takeTurns } from "../../server/take-turns.js";

/**
 * Item 1 of issue 13: /healthz must not wait behind request work. Requests whose work is
 * synchronous (as on SQLite) arrive together; with server/take-turns.js they start one per turn of
 * the event loop, so a probe on a new connection is read and answered between two of them instead
 * of after all of them. The assertion counts requests, never milliseconds.
 */
const HEAVY_REQUESTS = 16;

/** Synchronous work, like a request's queries on better-sqlite3. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

/** Resolves with the status of the first response on the socket. */
function statusOf(socket: Socket): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = "";
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("latin1");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      if (status && text.includes("\r\n\r\n")) resolve(Number(status));
    });
    socket.on("error", reject);
  });
}

describe("takeTurns", () => {
  it("answers a probe between requests of synchronous work, not after all of them", async () => {
    let connections = 0;
    let started = 0;
    let startedWhenProbeAnswered = -1;
    const app = express();
    app.get("/healthz", (req, res, next) => {
      startedWhenProbeAnswered = started;
      answerLiveness(req, res, next);
    });
    app.use(takeTurns());
    app.get("/work", (_req, res) => {
      started += 1;
      busy(5);
      res.send("done");
    });
    const server = app.listen(0, "127.0.0.1");
    server.on("connection", () => (connections += 1));
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    const sockets: Socket[] = [];
    try {
      // Every connection is open first (the probe's too), then every request is written at once:
      // they arrive in one poll phase, like the requests of many busy clients, the probe last.
      for (let i = 0; i <= HEAVY_REQUESTS; i++) sockets.push(connect(port, "127.0.0.1"));
      await Promise.all(
        sockets.map((socket) => new Promise((resolve) => socket.once("connect", resolve))),
      );
      while (connections <= HEAVY_REQUESTS) await new Promise((resolve) => setImmediate(resolve));
      const probeSocket = sockets.at(-1)!;
      const work = sockets.slice(0, HEAVY_REQUESTS).map((socket) => {
        const status = statusOf(socket);
        socket.write("GET /work HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        return status;
      });
      const probe = statusOf(probeSocket);
      probeSocket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

      expect(await probe).toBe(200);
      expect(await Promise.all(work)).toEqual(Array(HEAVY_REQUESTS).fill(200));
      // Without turns every request that had arrived ran before the probe was even read.
      expect(startedWhenProbeAnswered).toBeGreaterThanOrEqual(0);
      expect(startedWhenProbeAnswered).toBeLessThan(HEAVY_REQUESTS);
    } finally {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
