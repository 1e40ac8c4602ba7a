// Portfolio benchmark (issue 6, item 7). Seeds a fresh SQLite database with the demo organisation
// (its scored demo vendors serve the comparison) plus 10,000 factory vendors with 3 assessments
// each (30,000 assessments), serves the production build (build/, as tests/support/app-server.ts
// does, NODE_ENV=production) in a child process, logs in as the demo assessor and measures over
// HTTP with CONNECTIONS keep-alive connections for DURATION_S seconds each, in one run:
//   - the portfolio page, filtered and sorted, first page:  /portfolio?criticality=HIGH&sort=score
//   - a 5-vendor comparison of demo vendors:                 /compare?vendors=<5 ids>
//   - a trivial route of the same app:                       /healthz
// The portfolio and comparison pages are served from the rendered-page cache after their first
// request (ADR 0012), as a dashboard that a team keeps open is. Both are measured a second time
// with a unique, ignored query parameter per request ("uncached"), which makes every request a
// cache miss: the cost of rendering the page afresh, as after every change.
// Every request must answer 200 (errors are counted and fail the run). Prints requests/s and
// p50/p95/p99 latency per route, and for each uncached route its throughput as a ratio of
// /healthz's in the same run (the machine's speed cancels out); the last line reads
//   portfolio p95_ms=<n> rps=<n> trivial_rps=<n> compare_p95_ms=<n>
// Run: npm run bench:portfolio  (BENCH_DURATION_S / BENCH_CONNECTIONS override the defaults;
// builds first when build/ is missing). BENCH_CPU_PROF=<dir> writes a CPU profile of the server
// (open it in Chrome DevTools, or summarise it with `npx tsx bench/cpu-profile-summary.ts <file>`).
// BENCH_ROUTES=<list> measures /healthz and only the routes named, of portfolio, portfolio-uncached,
// compare, compare-uncached (for profiling one of them); the last line needs "portfolio".
// Each route's line also gives the server's CPU time per request over its measured seconds (from
// /proc: user + system time of the server process), and with BENCH_CPU_PROF the route's window
// on the monotonic clock, which cpu-profile-summary.ts takes as --window=<from>-<to> to show one
// route's costs alone.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import path from "node:path";
import { percentile, type RouteResult } from "./latency";
import { benchEnvironment } from "./bench-environment";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";

const root = path.resolve(import.meta.dirname, "..");
const VENDORS = 10_000;
const ASSESSMENTS_PER_VENDOR = 3;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const WARM_UP_S = 2;
const REQUEST_TIMEOUT_MS = 10_000;
const routes = new Set(
  (process.env.BENCH_ROUTES ?? "portfolio,portfolio-uncached,compare,compare-uncached").split(","),
);

const bench = benchEnvironment("bench-portfolio");

if (process.argv.includes("--serve")) {
  // Child: serve the production build on a free port of 127.0.0.1 and print its URL.
  process.env.NODE_ENV = "production";
  const { startAppServer } = await import("../tests/support/app-server");
  const app = await startAppServer({ mode: "production" });
  // Not console.log: in production the bundle turns console lines into JSON (json-console.server.ts).
  process.stdout.write(`LISTENING ${app.baseUrl}\n`);
  process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
} else {
  await main();
}

async function main(): Promise<void> {
  const { ensureServerBuild, createClient } = await import("../tests/support/app-server");
  const { password, compareIds } = await seedOrReuse();
  ensureServerBuild();

  // BENCH_CPU_PROF=<dir>: a CPU profile of the server, to see where its time goes.
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(process.env.BENCH_CPU_PROF)]
    : [];
  const server = spawn(
    process.execPath,
    [...profile, "--import", "tsx", path.join(root, "bench/portfolio.ts"), "--serve"],
    {
      cwd: root,
      env: { ...process.env, ...bench.env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  try {
    const baseUrl = await listeningUrl(server);
    const client = createClient(baseUrl);
    const login = await client.login("assessor@demo.example", password);
    if (login.status !== 302 && login.status !== 303)
      throw new Error(`login failed: HTTP ${login.status}`);
    const cookie = [...client.cookies()].map(([name, value]) => `${name}=${value}`).join("; ");

    const portfolioPath = "/portfolio?criticality=HIGH&sort=score";
    const comparePath = compareIds.length === 5 ? `/compare?vendors=${compareIds.join(",")}` : null;
    const first = await client.get(portfolioPath);
    if (first.status !== 200 || !first.body.includes('data-testid="portfolio-row"'))
      throw new Error(`portfolio page: HTTP ${first.status}`);
    console.log(
      `load: ${CONNECTIONS} connections, ${DURATION_S} s per route after ${WARM_UP_S} s warm-up`,
    );

    // The comparison runs last: requests still in flight when its time is up keep the server
    // busy for a while and must not slow the other measurements down.
    const only = (name: string) => routes.has(name);
    const cpu = serverCpu(server.pid);
    const trivial = await measure(baseUrl, "/healthz", "", "trivial (/healthz)", { cpu });
    const portfolio = only("portfolio")
      ? await measure(baseUrl, portfolioPath, cookie, "portfolio", { cpu })
      : null;
    const portfolioFresh = only("portfolio-uncached")
      ? await measure(baseUrl, portfolioPath, cookie, "portfolio, uncached", { unique: true, cpu })
      : null;
    const compare =
      comparePath && only("compare")
        ? await measure(baseUrl, comparePath, cookie, "compare (5 vendors)", { cpu })
        : null;
    const compareFresh =
      comparePath && only("compare-uncached")
        ? await measure(baseUrl, comparePath, cookie, "compare (5 vendors), uncached", {
            unique: true,
            cpu,
          })
        : null;
    if (!comparePath) console.log("compare: n/a (fewer than 5 scored demo vendors)");

    // Rendered afresh (issue 12): the portfolio ≥ 0.2× /healthz with p95 < 100 ms, a 5-vendor comparison ≥ 0.1×.
    const ratio = (r: RouteResult) => r.rps / trivial.rps;
    if (portfolioFresh)
      console.log(
        `portfolio, uncached: ${ratio(portfolioFresh).toFixed(3)}× the trivial route's throughput (goal ≥ 0.2×, p95 < 100 ms)`,
      );
    if (compareFresh)
      console.log(
        `compare (5 vendors), uncached: ${ratio(compareFresh).toFixed(3)}× the trivial route's throughput (goal ≥ 0.1×)`,
      );
    if (portfolioFresh && (compareFresh || !comparePath)) {
      const freshGoal =
        ratio(portfolioFresh) >= 0.2 &&
        portfolioFresh.p95 < 100 &&
        (!compareFresh || ratio(compareFresh) >= 0.1);
      console.log(
        `goal (rendered afresh: portfolio ≥ 0.2× with p95 < 100 ms, compare ≥ 0.1×): ${freshGoal ? "met" : "NOT met"}`,
      );
    }

    const failed = [portfolio, portfolioFresh, compare, compareFresh, trivial].some(
      (r) => r && r.errors > 0,
    );
    if (portfolio) {
      const goal = portfolio.p95 < 100 && portfolio.rps >= trivial.rps / 2;
      console.log(
        `goal (portfolio p95 < 100 ms and ≥ half the trivial throughput): ${goal ? "met" : "NOT met"}`,
      );
      console.log(
        `portfolio p95_ms=${portfolio.p95.toFixed(1)} rps=${portfolio.rps.toFixed(0)} trivial_rps=${trivial.rps.toFixed(0)} compare_p95_ms=${compare ? compare.p95.toFixed(1) : "n/a"}`,
      );
    }
    if (failed) process.exitCode = 1;
  } finally {
    server.kill("SIGTERM");
  }
}

/**
 * Seeds a fresh database and remembers its login and comparison in seed.json beside it.
 * BENCH_REUSE_DB=1 reuses the database of the previous run when that file is there (for
 * profiling one change after another; the seeding takes about a minute).
 */
async function seedOrReuse(): Promise<{ password: string; compareIds: string[] }> {
  const seedFile = path.join(
    path.dirname(bench.env.DATABASE_URL.slice("file:".length)),
    "seed.json",
  );
  if (process.env.BENCH_REUSE_DB === "1" && existsSync(seedFile)) {
    bench.activate();
    console.log(`reusing the database of the previous run (${seedFile})`);
    return JSON.parse(readFileSync(seedFile, "utf8")) as { password: string; compareIds: string[] };
  }
  bench.prepare();
  const { migrateDatabase } = await import("../app/utils/migrate.server");
  const { db, disconnectDb } = await import("../app/utils/db.server");
  const { seedDemo, DEMO_ORG, DEMO_TEMPLATE_KEY } = await import("../seeds/demo/seed-demo.server");
  const { seedPortfolio } = await import("../tests/support/portfolio-factories");

  const seedStart = performance.now();
  await migrateDatabase(bench.env.DATABASE_URL);
  const password = randomBytes(12).toString("base64url");
  const key = () => randomBytes(20).toString("base64");
  const { organizationId } = await seedDemo({
    passwords: { ADMIN: password, ASSESSOR: password, DPO: password, AUDITOR: password },
    totpKeys: { ADMIN: key(), DPO: key() },
    inviteToken: randomBytes(24).toString("base64url"),
  });
  const assessor = await db().user.findFirstOrThrow({
    where: { email: "assessor@demo.example" },
    select: { id: true },
  });
  const version = await db().templateVersion.findFirstOrThrow({
    where: { template: { organizationId, key: DEMO_TEMPLATE_KEY } },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  await seedPortfolio({
    organizationId,
    createdById: assessor.id,
    templateVersionId: version.id,
    vendors: VENDORS,
    assessmentsPerVendor: ASSESSMENTS_PER_VENDOR,
  });
  const { backfillPortfolio } = await import("../app/modules/portfolio/backfill-portfolio.server");
  await backfillPortfolio(); // the demo vendors (the production server does this at boot)
  const compared = await db().assessment.findMany({
    where: { organizationId, submittedAt: { not: null }, scoreResult: { not: null } },
    orderBy: { submittedAt: "desc" },
    select: { vendorId: true },
  });
  const compareIds = [...new Set(compared.map((a) => a.vendorId))].slice(0, 5);
  const counts = { vendors: await db().vendor.count(), assessments: await db().assessment.count() };
  await disconnectDb();
  console.log(
    `seeded ${DEMO_ORG.name}: ${counts.vendors} vendors, ${counts.assessments} assessments in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  writeFileSync(seedFile, JSON.stringify({ password, compareIds }));
  return { password, compareIds };
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const match = /^LISTENING (\S+)/.exec(line);
      if (match) resolve(match[1]!);
      else console.log(`[server] ${line}`);
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code})`)));
  });
}

/**
 * The server process's CPU time so far (user + system, ms) from /proc/<pid>/stat; null where
 * there is no /proc (the figure is then left out).
 */
function serverCpu(pid: number | undefined): () => number | null {
  return () => {
    if (pid === undefined) return null;
    try {
      // Fields after the command name (which may hold spaces, hence after the last ")"): utime is
      // the 14th field of the line, stime the 15th, in clock ticks (100 per second on Linux).
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      return null;
    }
  };
}

/** CONNECTIONS closed-loop clients on keep-alive sockets: warm-up, then DURATION_S measured. */
async function measure(
  baseUrl: string,
  pathname: string,
  cookie: string,
  label: string,
  options: { unique?: boolean; cpu?: () => number | null } = {},
): Promise<RouteResult> {
  let sequence = 0;
  // "unique": a parameter the page ignores, different on every request, so no request hits the cache.
  const urlOf = () =>
    new URL(options.unique ? `${pathname}&bench=${++sequence}` : pathname, baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const headers: Record<string, string> = { accept: "text/html", ...(cookie ? { cookie } : {}) };
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const req = request(urlOf(), { agent, headers }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      });
      req.on("error", reject);
      // A request slower than REQUEST_TIMEOUT_MS counts as an error (status 0) at that latency.
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error("timeout")));
      req.end();
    });
  const run = async (seconds: number, latencies: number[] | null) => {
    let errors = 0;
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < end) {
          const start = performance.now();
          const status = await once().catch(() => 0);
          latencies?.push(performance.now() - start);
          if (status !== 200) errors++;
        }
      }),
    );
    return errors;
  };
  await run(WARM_UP_S, null);
  const latencies: number[] = [];
  const cpuBefore = options.cpu?.() ?? null;
  const windowFrom = process.hrtime.bigint() / 1000n;
  const started = performance.now();
  const errors = await run(DURATION_S, latencies);
  const elapsed = (performance.now() - started) / 1000;
  const windowTo = process.hrtime.bigint() / 1000n;
  const cpuAfter = options.cpu?.() ?? null;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const result = {
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
  };
  const cpuPerRequest =
    cpuBefore !== null && cpuAfter !== null && latencies.length > 0
      ? `, server CPU ${((cpuAfter - cpuBefore) / latencies.length).toFixed(2)} ms/request`
      : "";
  console.log(
    `${label}: ${latencies.length} requests, ${result.rps.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${errors}${cpuPerRequest}`,
  );
  // The profile's clock is the monotonic one too (V8's TimeTicks, microseconds).
  if (process.env.BENCH_CPU_PROF)
    console.log(`${label}: profile window --window=${windowFrom}-${windowTo}`);
  return result;
}
