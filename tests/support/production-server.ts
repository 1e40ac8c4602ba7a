import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestCertificateAuthority } from "../../app/modules/signing/pkcs12";
import { ensureServerBuild } from "./app-server";

/**
 * The production server (`node server/index.js` over build/) as a child process on this test
 * file's database, as an operator starts it: for tests of start-up, signals and shutdown, and of
 * what reaches the log (startProductionServer keeps everything it prints).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let signing: { SIGNING_P12_BASE64: string; SIGNING_P12_PASSPHRASE: string } | undefined;

/** A production server refuses to start without a signing certificate: one throwaway CA per file. */
function signingEnv() {
  if (!signing) {
    const ca = createTestCertificateAuthority("Operations Test GmbH");
    signing = {
      SIGNING_P12_BASE64: Buffer.from(ca.p12).toString("base64"),
      SIGNING_P12_PASSPHRASE: ca.passphrase,
    };
  }
  return signing;
}

/** The environment of a production start on `port` with the test file's database and secrets. */
export function productionEnv(
  port: number,
  overrides: Record<string, string | undefined> = {},
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    DATABASE_URL: process.env.DATABASE_URL,
    APP_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    HOST: "127.0.0.1",
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY,
    SESSION_SECRET: process.env.SESSION_SECRET,
    MAIL_URL: "file:.tmp/test-outbox",
    LOG_LEVEL: "warn",
    REMINDER_INTERVAL_MINUTES: "0",
    REGULATION_DAILY_INTERVAL_MINUTES: "0",
    PARSER_WORKERS: "1",
    ...signingEnv(),
    ...overrides,
  };
}

/** Spawns `node server/index.js` with exactly `env`; does not wait for anything. */
export function spawnServer(env: NodeJS.ProcessEnv): ServerProcess {
  const child = spawn(
    path.join(root, "node_modules/.bin/node"),
    [path.join(root, "server/index.js")],
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // "close", not "exit": the process ended and everything it printed has been read.
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, stderr: () => stderr, exited };
}

/** Waits until the server answers `probe` with 200 (or fails with what it printed when it exits). */
export async function waitUntilServing(
  server: ServerProcess,
  baseUrl: string,
  probe = "/healthz",
): Promise<void> {
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.output()}`);
    const ok = await fetch(`${baseUrl}${probe}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves once the server printed a line matching `pattern`. */
export async function waitForOutput(server: ServerProcess, pattern: RegExp): Promise<void> {
  while (!pattern.test(server.output())) {
    if (server.child.exitCode !== null)
      throw new Error(`the server exited before printing ${pattern}:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface ProductionServer {
  baseUrl: string;
  child: ChildProcess;
  /** Everything printed so far on stdout and stderr, in arrival order. */
  output(): string;
  stop(): Promise<void>;
}

/** Builds if needed, starts a production server at LOG_LEVEL=info and waits until it serves. */
export async function startProductionServer(
  env: Record<string, string> = {},
): Promise<ProductionServer> {
  ensureServerBuild();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawnServer(productionEnv(port, { LOG_LEVEL: "info", ...env }));
  await waitUntilServing(server, baseUrl);
  return {
    baseUrl,
    child: server.child,
    output: server.output,
    stop: async () => {
      if (server.child.exitCode !== null || server.child.signalCode !== null) return;
      server.child.kill("SIGTERM");
      await server.exited;
    },
  };
}
