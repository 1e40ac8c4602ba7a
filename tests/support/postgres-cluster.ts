import { execFile, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/**
 * A throwaway PostgreSQL cluster on 127.0.0.1 for tests (plain TS: usable from Vitest and
 * Playwright). With TEST_DATABASE_ADMIN_URL set, that server is used instead and nothing is
 * started or stopped.
 */
export interface PostgresCluster {
  /** Superuser URL of the maintenance database: postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  stop(): Promise<void>;
}

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;

/** initdb and postgres refuse to run as root: then run them as the `postgres` OS user. */
function command(binary: string, args: string[]): [string, string[]] {
  const file = path.join(PG_BIN, binary);
  return isRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
}

async function pg(binary: string, args: string[], cwd: string): Promise<void> {
  const [file, argv] = command(binary, args);
  // cwd: the postgres user may not be allowed to read the caller's working directory.
  await run(file, argv, { cwd, timeout: 60_000 });
}

/** Asks the kernel for a free port, then releases it for postgres to bind (tiny race; retried). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function logTail(logFile: string, lines = 30): string {
  if (!existsSync(logFile)) return "(no server log written)";
  return readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const external = process.env.TEST_DATABASE_ADMIN_URL;
  if (external) return { url: external, stop: async () => undefined };

  const root = mkdtempSync(path.join(os.tmpdir(), "vetted-pg-"));
  const dataDir = path.join(root, "data");
  const socketDir = path.join(root, "sock");
  const logFile = path.join(root, "postgres.log");
  mkdirSync(socketDir);
  if (isRoot) {
    const { uid, gid } = postgresUser();
    for (const dir of [root, socketDir]) chownSync(dir, uid, gid);
  }

  // Synchronous last resort if the runner dies without calling stop(): no orphaned servers.
  const stopSync = () => {
    const [file, argv] = command("pg_ctl", ["stop", "-m", "immediate", "-D", dataDir]);
    spawnSync(file, argv, { cwd: root, stdio: "ignore" });
    rmSync(root, { recursive: true, force: true });
  };

  try {
    await pg(
      "initdb",
      ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"],
      root,
    );
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      const options = [
        `-p ${port}`,
        `-k ${socketDir}`,
        "-c listen_addresses=127.0.0.1",
        // Durability is irrelevant for a throwaway cluster; speed is not.
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        "-c max_connections=200",
      ].join(" ");
      try {
        await pg(
          "pg_ctl",
          ["start", "-w", "-t", "60", "-D", dataDir, "-l", logFile, "-o", options],
          root,
        );
        process.once("exit", stopSync);
        return {
          url: `postgres://postgres@127.0.0.1:${port}/postgres`,
          async stop() {
            process.removeListener("exit", stopSync);
            const pid = postmasterPid(dataDir);
            await pg("pg_ctl", ["stop", "-w", "-m", "immediate", "-D", dataDir], root).catch(
              () => undefined,
            );
            if (pid) await waitForExit(pid);
            rmSync(root, { recursive: true, force: true });
          },
        };
      } catch (error) {
        lastError = error; // most likely the port was taken in between: try another one
      }
    }
    throw lastError;
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    const tail = logTail(logFile);
    stopSync();
    throw new Error(
      `Could not start a throwaway PostgreSQL cluster (${PG_BIN}): ${detail}\n--- server log (tail) ---\n${tail}`,
    );
  }
}

function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * pg_ctl daemonises the server, so init (not us) reaps it: the stopped postmaster can linger a
 * moment as a zombie. Wait until it is gone so callers (and `pgrep postgres`) see a clean slate.
 */
async function waitForExit(pid: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (existsSync(`/proc/${pid}`) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) =>
    Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  const uid = id("-u");
  const gid = id("-g");
  if (!Number.isInteger(uid) || uid <= 0)
    throw new Error("Running as root needs a `postgres` OS user for initdb");
  return { uid, gid };
}

/** Runs one statement on its own connection (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const { default: pgClient } = await import("pg");
  const client = new pgClient.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
