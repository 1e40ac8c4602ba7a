import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetMigration, recordUnknownMigration } from "../support/migration-rows";
import { createClient, startAppServer, type AppServer } from "../support/app-server";
import { rawRequest } from "../support/raw-http";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { isPostgres, testDatabaseUrl } from "../support/test-db";

/**
 * Item 1 of issue 13: /healthz is liveness (the process answers; no database, no Remix, no host
 * check), /readyz is readiness (database within a deadline, migrations current, signing key, not
 * shutting down) with a short JSON list of reasons and no secrets.
 */
const UNKNOWN_MIGRATION = "29991231000000_from_a_newer_version";

let app: AppServer;
let shuttingDown = false;

beforeAll(async () => {
  app = await startAppServer({ lifecycle: { isShuttingDown: () => shuttingDown } });
});

afterAll(async () => {
  await app?.close();
});

async function readyz(server: AppServer = app) {
  const response = await createClient(server.baseUrl).get("/readyz");
  return { status: response.status, body: response.body };
}

describe("/healthz and /readyz", () => {
  it("/healthz is answered before the host check and Remix; /readyz says ready", async () => {
    const health = await rawRequest(app.port, {
      method: "GET",
      target: "/healthz",
      host: "10.1.2.3:3000",
    });
    expect(health.status).toBe(200);
    expect(health.body.toString("utf8")).toBe("ok");
    expect(await readyz()).toEqual({ status: 200, body: "ready" });
  });

  it("a migration the code does not know makes /readyz 503 (and ready again once it is gone)", async () => {
    await recordUnknownMigration(UNKNOWN_MIGRATION);
    try {
      const fresh = await startAppServer();
      try {
        const notReady = await readyz(fresh);
        expect(notReady.status).toBe(503);
        expect(JSON.parse(notReady.body)).toEqual({
          status: "not ready",
          reasons: [`database has migrations this version does not know: ${UNKNOWN_MIGRATION}`],
        });
        await forgetMigration(UNKNOWN_MIGRATION);
        expect(await readyz(fresh)).toEqual({ status: 200, body: "ready" });
      } finally {
        await fresh.close();
      }
    } finally {
      await forgetMigration(UNKNOWN_MIGRATION);
    }
  });

  it("a server that is shutting down is not ready", async () => {
    shuttingDown = true;
    try {
      const response = await readyz();
      expect(response.status).toBe(503);
      expect(JSON.parse(response.body).reasons).toEqual(["shutting down"]);
    } finally {
      shuttingDown = false;
    }
  });

  it.runIf(isPostgres())(
    "during a PostgreSQL outage /healthz stays 200 and /readyz answers 503 within its deadline; restored, it is ready again",
    { timeout: 60_000 },
    async () => {
      const target = new URL(testDatabaseUrl());
      const proxy: TcpProxy = await startTcpProxy(target.hostname, Number(target.port));
      const viaProxy = new URL(target);
      viaProxy.port = String(proxy.port);
      viaProxy.password = "outage-test-secret";
      const saved = {
        url: process.env.DATABASE_URL,
        timeout: process.env.READINESS_TIMEOUT_SECONDS,
      };
      process.env.DATABASE_URL = viaProxy.toString();
      process.env.READINESS_TIMEOUT_SECONDS = "1";
      let server: AppServer | undefined;
      try {
        server = await startAppServer();
        process.env.DATABASE_URL = saved.url;
        expect(await readyz(server)).toEqual({ status: 200, body: "ready" });

        proxy.cut();
        const client = createClient(server.baseUrl);
        expect((await client.get("/healthz")).status).toBe(200);
        // Twice: the second probe must not wait behind the first one's hanging query.
        for (let i = 0; i < 2; i++) {
          const down = await readyz(server);
          expect(down.status).toBe(503);
          expect(JSON.parse(down.body)).toEqual({
            status: "not ready",
            reasons: ["database did not answer SELECT 1 within 1 s"],
          });
          expect(down.body).not.toContain(String(proxy.port));
          expect(down.body).not.toContain("outage-test-secret");
        }
        expect((await client.get("/healthz")).body).toBe("ok");

        proxy.restore();
        let again = await readyz(server);
        while (again.status !== 200) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          again = await readyz(server);
        }
        expect(again).toEqual({ status: 200, body: "ready" });
      } finally {
        process.env.DATABASE_URL = saved.url;
        if (saved.timeout === undefined) delete process.env.READINESS_TIMEOUT_SECONDS;
        else process.env.READINESS_TIMEOUT_SECONDS = saved.timeout;
        await server?.close();
        await proxy.close();
      }
    },
  );
});
