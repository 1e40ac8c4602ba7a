import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestCertificateAuthority } from "../../app/modules/signing/pkcs12";
import { ensureServerBuild } from "./app-server";

/**
 * The production server exactly as an operator starts it (server/index.js over build/, its own
 * process), on this test file's database, with everything it prints kept: for tests of what
 * reaches the log. `env` adds to (or overrides) the defaults below.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface ProductionServer {
  baseUrl: string;
  child: ChildProcess;
  /** Everything printed so far on stdout and stderr, in arrival order. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startProductionServer(
  env: Record<string, string> = {},
): Promise<ProductionServer> {
  ensureServerBuild();
  // Production does not start without the operator's signing certificate.
  const ca = createTestCertificateAuthority("Log Test GmbH Signing");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    path.join(root, "node_modules/.bin/node"),
    [path.join(root, "server/index.js")],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        DATABASE_URL: process.env.DATABASE_URL,
        APP_URL: baseUrl,
        PORT: String(port),
        HOST: "127.0.0.1",
        ENCRYPTION_KEY: process.env.ENCRYPTION_KEY,
        SESSION_SECRET: process.env.SESSION_SECRET,
        MAIL_URL: "file:.tmp/test-outbox",
        REMINDER_INTERVAL_MINUTES: "0",
        PARSER_WORKERS: "1",
        SIGNING_P12_BASE64: Buffer.from(ca.p12).toString("base64"),
        SIGNING_P12_PASSPHRASE: ca.passphrase,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // "close": the process ended and everything it printed has been read.
  let closed = false;
  const exited = new Promise<void>((resolve) =>
    child.on("close", () => {
      closed = true;
      resolve();
    }),
  );
  // Ready when it answers /healthz (or gone: then say what it printed).
  for (;;) {
    if (closed) throw new Error(`the server exited at start:\n${output}`);
    const ready = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    child,
    output: () => output,
    stop: async () => {
      if (closed) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
