import { request as httpRequest } from "node:http";
import { connect, createServer as createTcpServer, type Server } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { forgetMigration, recordUnknownMigration } from "../support/migration-rows";
import { ensureServerBuild } from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";
import {
  freePort,
  productionEnv,
  spawnServer,
  waitForOutput,
  waitUntilServing,
} from "../support/production-server";
import { isPostgres } from "../support/test-db";

/**
 * Items 2 and 5 of issue 13 on the real production server (`node server/index.js` over build/):
 * SIGTERM under load finishes every request that had started, refuses new connections and exits
 * 0; every start-up guard stops the start with one line naming the variable or the cause, exit
 * code 1 and no stack trace.
 */
beforeAll(() => {
  ensureServerBuild();
});

interface Outcome {
  status: number;
  connection: string | undefined;
  body: string;
}

/**
 * POST /login with an invalid form (400, never rate limited), sent with `Expect: 100-continue`:
 * the server's "100 Continue" proves it has started the request. The body is sent when `release`
 * resolves (at once without one).
 */
function startLoginPost(port: number, release?: Promise<void>) {
  const body = "email=not-an-email&password=&redirectTo=%2F";
  let started!: () => void;
  const continued = new Promise<void>((resolve) => (started = resolve));
  const response = new Promise<Outcome>((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/login",
        agent: false,
        headers: {
          Expect: "100-continue",
          Origin: `http://127.0.0.1:${port}`,
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": String(body.length),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            connection: res.headers.connection,
            body: text,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.on("continue", () => {
      started();
      req.write(body.slice(0, 10));
      void (release ?? Promise.resolve()).then(() => req.end(body.slice(10)));
    });
  });
  return { continued, response };
}

function connectionRefused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
}

describe("SIGTERM under load", () => {
  it(
    "every request started before the signal completes normally, new connections are refused, exit 0",
    { timeout: 60_000 },
    async () => {
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const server = spawnServer(
        productionEnv(port, { SHUTDOWN_TIMEOUT_SECONDS: "20", REPORT_SWEEP_INTERVAL_SECONDS: "1" }),
      );
      try {
        await waitUntilServing(server, baseUrl);
        let releaseSlow!: () => void;
        const slowBodies = new Promise<void>((resolve) => (releaseSlow = resolve));
        const requests = [
          ...Array.from({ length: 15 }, () => startLoginPost(port)),
          ...Array.from({ length: 5 }, () => startLoginPost(port, slowBodies)),
        ];
        await Promise.all(requests.map((r) => r.continued));

        server.child.kill("SIGTERM");
        await waitForOutput(server, /"event":"server\.shutdown"/);
        expect(await connectionRefused(port), server.output()).toBe("ECONNREFUSED");
        releaseSlow();

        const outcomes = await Promise.all(requests.map((r) => r.response));
        expect(outcomes.map((o) => o.status)).toEqual(Array(20).fill(400));
        for (const outcome of outcomes) expect(outcome.body).toContain("<html");
        // The slow ones were answered during the shutdown: their connection is not kept alive.
        for (const outcome of outcomes.slice(15)) expect(outcome.connection).toBe("close");
        expect(await server.exited, server.output()).toEqual({ code: 0, signal: null });
        expect(server.output()).toMatch(/"event":"server\.stopped".*"cut":0/);
        // The schedules ended their runs and gave their job leases back.
        expect(await db().jobLease.findMany({ where: { leaseUntil: { gt: new Date() } } })).toEqual(
          [],
        );
      } finally {
        if (server.child.exitCode === null) server.child.kill("SIGKILL");
      }
    },
  );
});

// The shutdown's timing rules do not depend on the database: SQLite's run has them.
describe.skipIf(isPostgres())("SIGTERM with a request that does not finish", () => {
  it(
    "cuts it after SHUTDOWN_TIMEOUT_SECONDS, says how many were cut and exits 1",
    { timeout: 60_000 },
    async () => {
      const port = await freePort();
      const server = spawnServer(productionEnv(port, { SHUTDOWN_TIMEOUT_SECONDS: "1" }));
      try {
        await waitUntilServing(server, `http://127.0.0.1:${port}`);
        // Its body never comes.
        const stuck = startLoginPost(port, new Promise<void>(() => undefined));
        stuck.response.catch(() => undefined);
        await stuck.continued;
        server.child.kill("SIGTERM");
        expect(await server.exited, server.output()).toEqual({ code: 1, signal: null });
        expect(server.output()).toMatch(
          /"event":"server\.shutdown_timeout".*"cut":1.*"message":"1 request\(s\) cut off after 1 s"/,
        );
        await expect(stuck.response).rejects.toThrow();
      } finally {
        if (server.child.exitCode === null) server.child.kill("SIGKILL");
      }
    },
  );
});

describe.skipIf(isPostgres())("a second SIGTERM", () => {
  it("exits at once, saying how many requests it cut", { timeout: 30_000 }, async () => {
    const port = await freePort();
    const server = spawnServer(productionEnv(port, { SHUTDOWN_TIMEOUT_SECONDS: "120" }));
    try {
      await waitUntilServing(server, `http://127.0.0.1:${port}`);
      const stuck = startLoginPost(port, new Promise<void>(() => undefined));
      stuck.response.catch(() => undefined);
      await stuck.continued;
      server.child.kill("SIGTERM");
      await waitForOutput(server, /"event":"server\.shutdown"/);
      server.child.kill("SIGTERM");
      expect(await server.exited, server.output()).toEqual({ code: 1, signal: null });
      expect(server.output()).toContain("second SIGTERM: exiting at once, 1 request(s) cut");
    } finally {
      if (server.child.exitCode === null) server.child.kill("SIGKILL");
    }
  });
});

/**
 * Starts the server with a bad configuration and returns what a start-up guard must show. Once
 * the bundle is loaded every line the production server prints is JSON (ADR 0026): `lines` are
 * the messages of its error lines, one per printed line.
 */
async function failedStart(env: NodeJS.ProcessEnv) {
  const server = spawnServer(env);
  const { code } = await server.exited;
  const lines = server
    .stderr()
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const parsed = JSON.parse(line) as { level?: string; message?: string };
      expect(parsed.level, line).toBe("error");
      return String(parsed.message);
    });
  return { code, lines, output: server.output() };
}

function expectOneClearLine(
  result: { code: number | null; lines: string[]; output: string },
  pattern: RegExp,
) {
  expect(result.code, result.output).toBe(1);
  expect(result.lines, result.output).toHaveLength(1);
  expect(result.lines[0]).toMatch(pattern);
  expect(result.output).not.toMatch(/^\s+at /m);
}

describe("start-up guards", () => {
  it("a database with a migration this version does not know", { timeout: 60_000 }, async () => {
    const name = "29991231000000_from_a_newer_version";
    await recordUnknownMigration(name);
    try {
      const result = await failedStart(productionEnv(await freePort()));
      expectOneClearLine(
        result,
        new RegExp(
          `^Vetted cannot start: the database has migrations this version does not know \\(${name}\\)`,
        ),
      );
    } finally {
      await forgetMigration(name);
    }
  });

  it("an ENCRYPTION_KEY that cannot decrypt the stored secrets", { timeout: 60_000 }, async () => {
    const org = await createOrganization();
    await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
    const result = await failedStart(
      productionEnv(await freePort(), {
        ENCRYPTION_KEY: Buffer.alloc(32, 0x42).toString("base64"),
      }),
    );
    expectOneClearLine(
      result,
      /^Vetted cannot start: ENCRYPTION_KEY cannot decrypt the secrets stored in this database/,
    );
  });

  it.skipIf(isPostgres())(
    "malformed variables, an unreachable database, a port in use",
    { timeout: 90_000 },
    async () => {
      const malformed = await failedStart(
        productionEnv(await freePort(), { PORT: "eighty", SESSION_SECRET: "short" }),
      );
      expect(malformed.code, malformed.output).toBe(1);
      expect(malformed.lines).toHaveLength(1);
      expect(malformed.lines[0]!.split("\n")).toEqual([
        "Invalid configuration:",
        expect.stringMatching(/^ {2}PORT: /),
        expect.stringMatching(/^ {2}SESSION_SECRET: must be at least 32 characters/),
        'See README.md, "Configuration".',
      ]);
      expect(malformed.output).not.toMatch(/^\s+at /m);

      const closedPort = await freePort();
      const unreachable = await failedStart(
        productionEnv(await freePort(), {
          DATABASE_URL: `postgresql://vetted:db-password-42@127.0.0.1:${closedPort}/vetted`,
        }),
      );
      expectOneClearLine(
        unreachable,
        new RegExp(
          `^Vetted cannot start: cannot reach the database at DATABASE_URL=postgresql://vetted:\\*\\*\\*@127\\.0\\.0\\.1:${closedPort}/vetted \\(ECONNREFUSED\\)`,
        ),
      );
      expect(unreachable.output).not.toContain("db-password-42");

      const missingDirectory = await failedStart(
        productionEnv(await freePort(), { DATABASE_URL: "file:/nonexistent-vetted-dir/vetted.db" }),
      );
      expectOneClearLine(
        missingDirectory,
        /^Vetted cannot start: cannot open the database at DATABASE_URL=file:\/nonexistent-vetted-dir\/vetted\.db/,
      );

      const blocker: Server = createTcpServer();
      const busyPort = await freePort();
      await new Promise<void>((resolve) => blocker.listen(busyPort, "127.0.0.1", resolve));
      try {
        const inUse = await failedStart(productionEnv(busyPort));
        expectOneClearLine(
          inUse,
          new RegExp(
            `^Vetted cannot start: port ${busyPort} on 127\\.0\\.0\\.1 is already in use \\(PORT=${busyPort}, HOST=127\\.0\\.0\\.1\\)`,
          ),
        );
      } finally {
        await new Promise<void>((resolve) => blocker.close(() => resolve()));
      }
    },
  );
});
