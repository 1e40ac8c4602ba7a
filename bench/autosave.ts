// Autosave benchmark (issue 12, item 2). Seeds one organisation with CONNECTIONS vendor
// assessments, each with its own invite and verified vendor session (the invite exchanged as the
// Continue button does, the e-mailed code marked confirmed), serves the production build (build/,
// NODE_ENV=production) in a child process and measures over HTTP, CONNECTIONS keep-alive
// connections for DURATION_S seconds each, in one run:
//   - the trivial route of the same app:  GET /healthz
//   - autosave:  the request the questionnaire page's fetcher sends (question-block.tsx): POST
//     /portal/answer.data (single fetch), form-encoded questionKey, v.<key> (the version the
//     next save is based on: the one the last answer returned), o.<key> (the value shown, as
//     JSON) and q.<key> (the new text). Every connection is its own vendor session and writes
//     distinct values to three text questions of its own assessment, in turn.
// Then durability: the load runs against a fresh server process, which is killed with SIGKILL
// after KILL_AFTER_S seconds; the server is started again on the same database, and every answer
// the killed server acknowledged (2xx with its version) must be stored with that version and
// value, or with the next one exactly when a save of that answer was in flight at the kill (sent,
// never answered). "lost" counts the rest and must be 0. After the restart every session saves
// once more, based on the version it last saw.
// --postgres: the same on a throwaway PostgreSQL cluster (PG_BIN, default
// /usr/lib/postgresql/15/bin), autosave measured with one instance and then with two instances on
// the same database (requests round-robin over both), printing the ratio two/one.
// Prints requests/s and p50/p95/p99 per route; the last line reads
//   autosave rps=<n> p99_ms=<n> trivial_rps=<n> lost=<n>
// (with --postgres: the figures of two instances).
// Run: npm run bench:autosave [-- --postgres]  (BENCH_DURATION_S, BENCH_CONNECTIONS override the
// defaults; BENCH_ORGANISATIONS spreads the sessions over that many organisations, default 1; BENCH_CPU_PROF=<dir> writes CPU profiles of the measured server; builds first when
// build/ is missing).
import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { Agent, request } from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { decode } from "turbo-stream";
import { percentile, type RouteResult } from "./latency";
import { benchEnvironment } from "./bench-environment";
import { sampleActivity } from "./postgres-activity";
import {
  cpuBetween,
  formatCpu,
  parentPid,
  processCpuMs,
  processTreeCpuMs,
  sampleCpu,
  throughputCeiling,
  type CpuReport,
} from "./cpu-usage";

const root = path.resolve(import.meta.dirname, "..");
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 15);
const WARM_UP_S = 2;
const KILL_AFTER_S = 4;
const REQUEST_TIMEOUT_MS = 30_000;
/** How often the liveness probe asks /healthz during the autosave load. */
const LIVENESS_PROBE_MS = 250;
const POSTGRES = process.argv.includes("--postgres");
const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 1);
/** Text questions of the bundled template: any text is a valid answer, no show-if rule hides them. */
const QUESTIONS = [
  "data_use.subprocessors",
  "compliance.dpo_contact",
  "transparency.models_used",
] as const;

const bench = benchEnvironment("bench-autosave");
/** The benchmark's PostgreSQL database (with --postgres), whose connections each phase samples. */
let postgresUrl: string | null = null;
/** The PostgreSQL cluster's postmaster (with --postgres), whose backends' CPU each phase reports. */
let postmasterPid: number | null = null;

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

interface Session {
  cookie: string;
  assessmentId: string;
  /** Per question: the version and value the server last acknowledged. */
  acked: Map<string, { version: number; value: string }>;
  /** Per question: the value of a save sent and not answered (it may or may not have committed). */
  /**
   * Per question: the values of saves sent and never answered since the last answer (each may or
   * may not have committed). More than one when the server died: the first was in flight, the
   * next ones were refused before the client saw the process gone. All were based on the same
   * acknowledged version, so at most one of them can have committed (compare-and-set).
   */
  inFlight: Map<string, Set<string>>;
  next: number;
}

async function main(): Promise<void> {
  bench.prepare();
  let databaseUrl = bench.env.DATABASE_URL;
  let stopCluster: (() => Promise<void>) | null = null;
  if (POSTGRES) {
    const { startPostgresCluster } = await import("../tests/support/postgres-cluster");
    const cluster = await startPostgresCluster();
    stopCluster = () => cluster.stop();
    const pg = await import("pg");
    const admin = new pg.default.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("CREATE DATABASE bench_autosave");
    // The postmaster is the parent of every backend: its tree's CPU is PostgreSQL's share.
    const backend = Number(
      (await admin.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid,
    );
    postmasterPid = parentPid(backend);
    await admin.end();
    databaseUrl = cluster.url.replace(/\/postgres$/, "/bench_autosave");
    postgresUrl = databaseUrl;
    process.env.DATABASE_URL = databaseUrl;
  }
  try {
    await run(databaseUrl);
  } finally {
    await stopCluster?.();
  }
}

async function run(databaseUrl: string): Promise<void> {
  const { ensureServerBuild } = await import("../tests/support/app-server");
  ensureServerBuild();
  const { migrateDatabase } = await import("../app/utils/migrate.server");
  const { disconnectDb } = await import("../app/utils/db.server");
  await migrateDatabase(databaseUrl);
  const seedStart = performance.now();
  const sessions = await seedSessions();
  await disconnectDb();
  console.log(
    `seeded ${ORGANISATIONS} organisation(s), ${sessions.length} assessments with a verified vendor session each in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (${POSTGRES ? "PostgreSQL" : "SQLite"})`,
  );
  console.log(
    `load: ${CONNECTIONS} connections, ${DURATION_S} s per route after ${WARM_UP_S} s warm-up`,
  );

  const serverEnv = { ...bench.env, DATABASE_URL: databaseUrl };
  // BENCH_CPU_PROF=<dir>: CPU profiles of the measured server (written when it ends normally).
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(process.env.BENCH_CPU_PROF)]
    : [];
  let failed = false;
  // The trivial route on a server of its own, so that a CPU profile shows the autosave alone.
  const plain = await startServer(serverEnv, []);
  let trivial: RouteResult;
  try {
    trivial = await measure("trivial (/healthz)", [plain], () => ({ path: "/healthz" }), null);
  } finally {
    await stopServer(plain);
  }
  const first = await startServer(serverEnv, profile);
  let autosave: MeasuredRoute;
  let onePerInstance: MeasuredRoute | null = null;
  try {
    autosave = await measure(
      "autosave",
      [first],
      (connection) => saveRequest(sessions[connection]!),
      sessions,
      { probeLiveness: true },
    );
    if (POSTGRES) {
      onePerInstance = autosave;
      const second = await startServer(serverEnv, profile);
      try {
        autosave = await measure(
          "autosave, two instances",
          [first, second],
          (connection) => saveRequest(sessions[connection]!),
          sessions,
        );
        trivial = await measure(
          "trivial (/healthz), two instances",
          [first, second],
          () => ({ path: "/healthz" }),
          null,
        );
      } finally {
        await stopServer(second);
      }
    }
  } finally {
    await stopServer(first);
  }
  failed ||= trivial.errors > 0 || autosave.errors > 0 || (onePerInstance?.errors ?? 0) > 0;

  // Durability: a fresh server, killed with SIGKILL under load, restarted on the same database.
  const victim = await startServer(serverEnv, []);
  const load = measure(
    "autosave until SIGKILL",
    [victim],
    (connection) => saveRequest(sessions[connection]!),
    sessions,
    { warmUpS: 0, seconds: KILL_AFTER_S + 30, stopWhen: () => victim.exited },
  );
  await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_S * 1000));
  victim.child.kill("SIGKILL");
  await load;
  const revived = await startServer(serverEnv, []);
  let lost: number;
  try {
    lost = await countLost(databaseUrl, sessions);
    // The restarted server takes the next save of every session, based on what it acknowledged.
    const resumed = await Promise.all(
      sessions.map((session) => sendSave(revived.url, session, new Agent({ keepAlive: false }))),
    );
    const refused = resumed.filter((status) => status !== 200).length;
    console.log(
      `after restart: ${resumed.length - refused} of ${resumed.length} sessions saved again (${refused} refused)`,
    );
    if (refused > 0) failed = true;
  } finally {
    await stopServer(revived);
  }

  if (POSTGRES && onePerInstance) {
    const ratio = autosave.rps / onePerInstance.rps;
    console.log(
      `postgres: one instance ${onePerInstance.rps.toFixed(0)} saves/s, two instances ${autosave.rps.toFixed(0)} saves/s, ratio two/one ${ratio.toFixed(2)} (goal ≥ 1.6: ${ratio >= 1.6 ? "met" : "NOT met"})`,
    );
    // Whether 1.6× is physically possible here: the CPU one save cost (server, PostgreSQL, load
    // generator) against all cores, and how busy the machine already was with one instance.
    const ceiling = throughputCeiling(onePerInstance.cpu, onePerInstance.requests);
    const busy = onePerInstance.cpu.machineBusy;
    console.log(
      `postgres: with one instance the machine was ${busy === null ? "n/a" : `${(busy * 100).toFixed(0)} %`} busy; at its CPU per save ${
        ceiling === null
          ? "n/a"
          : `${onePerInstance.cpu.cores} cores serve at most ${ceiling.toFixed(0)} saves/s, i.e. two instances at most ${(ceiling / onePerInstance.rps).toFixed(2)}× one instance`
      }`,
    );
  } else {
    const ratio = autosave.rps / trivial.rps;
    console.log(
      `goal (≥ 0.3× the trivial throughput and p99 < 250 ms): ${ratio.toFixed(2)}×, p99 ${autosave.p99.toFixed(1)} ms: ${ratio >= 0.3 && autosave.p99 < 250 ? "met" : "NOT met"}`,
    );
  }
  console.log(
    `durability: ${lost} acknowledged answers lost (goal 0: ${lost === 0 ? "met" : "NOT met"})`,
  );
  console.log(
    `autosave rps=${autosave.rps.toFixed(0)} p99_ms=${autosave.p99.toFixed(1)} trivial_rps=${trivial.rps.toFixed(0)} lost=${lost}`,
  );
  if (failed || lost > 0) process.exitCode = 1;
}

/** One organisation, CONNECTIONS assessments of distinct vendors, each invited and with a verified session. */
async function seedSessions(): Promise<Session[]> {
  const { createAssessmentScenario } = await import("../tests/support/assessment-factories");
  const { createVendor } = await import("../tests/support/factories");
  const { startAssessment } = await import("../app/modules/assessments/start-assessment.server");
  const { createInviteLink } = await import("../app/modules/assessments/create-invite-link.server");
  const { tokenFromInviteUrl } = await import("../tests/support/assessment-factories");
  const { verifiedSession } = await import("../tests/support/vendor-sessions");
  const { vendorSessionCookie } = await import("../app/modules/auth/cookies.server");
  // BENCH_ORGANISATIONS > 1 spreads the sessions over several organisations (several audit chains).
  const scenarios = [];
  for (let i = 0; i < ORGANISATIONS; i++) scenarios.push(await createAssessmentScenario());
  const sessions: Session[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const scenario = scenarios[i % scenarios.length]!;
    const vendor = await createVendor({
      organizationId: scenario.org.id,
      name: `Bench vendor ${i}`,
    });
    const assessment = await startAssessment(scenario.assessor, {
      vendorId: vendor.id,
      templateVersionId: scenario.templateVersionId,
      title: `Bench assessment ${i}`,
      dueDate: "2027-03-31",
    });
    const invite = await createInviteLink(scenario.assessor, assessment.id, {
      contactEmail: `contact-${i}@bench.example`,
      locale: "en",
    });
    // One source address per contact: the invite exchange is limited per address.
    const token = await verifiedSession(
      tokenFromInviteUrl(invite.url),
      `198.51.100.${(i % 250) + 1}`,
      "bench",
    );
    const [pair = ""] = (await vendorSessionCookie().serialize(token)).split(";");
    sessions.push({
      cookie: pair,
      assessmentId: assessment.id,
      acked: new Map(),
      inFlight: new Map(),
      next: 0,
    });
  }
  return sessions;
}

/** A route's figures with the measured window's request count and CPU. */
interface MeasuredRoute extends RouteResult {
  requests: number;
  cpu: CpuReport;
}

interface Server {
  child: ChildProcess;
  url: string;
  exited: boolean;
}

async function startServer(env: Record<string, string>, profile: string[]): Promise<Server> {
  const child = spawn(
    process.execPath,
    [...profile, "--import", "tsx", path.join(root, "bench/autosave.ts"), "--serve"],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const server: Server = { child, url: "", exited: false };
  child.once("exit", () => (server.exited = true));
  server.url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const match = /^LISTENING (\S+)/.exec(line);
      if (match) resolve(match[1]!);
      // Info lines (audit checkpoints) are not worth reading here; warnings and errors are.
      else if (!line.includes('"level":"info"')) console.log(`[server] ${line}`);
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code})`)));
  });
  return server;
}

async function stopServer(server: Server): Promise<void> {
  if (server.exited) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await exited;
}

interface PlannedRequest {
  path: string;
  body?: string;
  cookie?: string;
  /** Called with the answer's status and body; returns whether it counts as a success. */
  done?: (status: number, body: string) => Promise<boolean>;
}

/** The next save of a session, as question-block.tsx sends it: based on the version last returned. */
function saveRequest(session: Session): PlannedRequest {
  const key = QUESTIONS[session.next % QUESTIONS.length]!;
  const value = `session ${session.assessmentId} save ${session.next} ${randomBytes(6).toString("hex")}`;
  session.next++;
  const base = session.acked.get(key);
  const form = new URLSearchParams([
    ["questionKey", key],
    [`v.${key}`, String(base?.version ?? 0)],
    [`o.${key}`, JSON.stringify(base?.value ?? null)],
    [`q.${key}`, value],
  ]);
  const unanswered = session.inFlight.get(key) ?? new Set<string>();
  unanswered.add(value);
  session.inFlight.set(key, unanswered);
  return {
    path: "/portal/answer.data",
    body: form.toString(),
    cookie: session.cookie,
    done: async (status, body) => {
      if (status !== 200) {
        // Never answered (connection reset by the kill): it may have committed or not.
        if (status !== 0) unanswered.delete(value);
        return false;
      }
      const result = await decodeAction(body);
      session.inFlight.delete(key);
      if (result.status !== "saved" || typeof result.version !== "number") return false;
      session.acked.set(key, { version: result.version, value: String(result.value) });
      return true;
    },
  };
}

/** The action's data from a single-fetch answer (turbo-stream), as the browser's fetcher reads it. */
async function decodeAction(
  body: string,
): Promise<{ status?: string; version?: number; value?: unknown }> {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(body));
      controller.close();
    },
  });
  const decoded = await decode(stream);
  await decoded.done;
  const value = decoded.value as { data?: unknown } | undefined;
  return (value?.data ?? {}) as { status?: string; version?: number; value?: unknown };
}

function sendSave(baseUrl: string, session: Session, agent: Agent): Promise<number> {
  const planned = saveRequest(session);
  return send(baseUrl, planned, agent).then(
    async ({ status, body }) => ((await planned.done!(status, body)) ? 200 : status || -1),
    () => 0,
  );
}

function send(
  baseUrl: string,
  planned: PlannedRequest,
  agent: Agent,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = planned.body
      ? {
          "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
          origin: baseUrl,
          accept: "*/*",
        }
      : { accept: "text/plain" };
    if (planned.cookie) headers.cookie = planned.cookie;
    const req = request(
      new URL(planned.path, baseUrl),
      { method: planned.body ? "POST" : "GET", agent, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error("timeout")));
    req.end(planned.body);
  });
}

/**
 * CONNECTIONS closed-loop clients on keep-alive sockets (connection i always plays session i),
 * spread round-robin over `servers`: warm-up, then `seconds` measured. Prints the measured
 * window's CPU: the machine's busy share, each server's and PostgreSQL's CPU and CPU ms/request.
 */
/**
 * GET /healthz once every LIVENESS_PROBE_MS on a fresh connection (as an orchestrator's probe),
 * one at a time, while the load runs: how long liveness takes to answer under load (issue 13).
 */
async function probeLiveness(
  baseUrl: string,
  seconds: number,
): Promise<{ latencies: number[]; failed: number }> {
  const latencies: number[] = [];
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  const agent = new Agent({ keepAlive: false });
  while (performance.now() < end) {
    const start = performance.now();
    const { status } = await send(baseUrl, { path: "/healthz" }, agent).catch(() => ({
      status: 0,
    }));
    latencies.push(performance.now() - start);
    if (status !== 200) failed++;
    await new Promise((resolve) => setTimeout(resolve, LIVENESS_PROBE_MS));
  }
  agent.destroy();
  return { latencies, failed };
}

async function measure(
  label: string,
  servers: Server[],
  plan: (connection: number) => PlannedRequest,
  sessions: Session[] | null,
  options: {
    warmUpS?: number;
    seconds?: number;
    stopWhen?: () => boolean;
    /** Also probe GET /healthz on a new connection every LIVENESS_PROBE_MS, as a kubelet does. */
    probeLiveness?: boolean;
  } = {},
): Promise<MeasuredRoute> {
  const baseUrls = servers.map((server) => server.url);
  const agents = baseUrls.map(() => new Agent({ keepAlive: true, maxSockets: CONNECTIONS }));
  const counters: Record<string, () => number | null> = {};
  servers.forEach(
    (server, index) =>
      (counters[servers.length > 1 ? `server ${index + 1}` : "server"] = () =>
        processCpuMs(server.child.pid!)),
  );
  if (postmasterPid !== null) counters.postgres = () => processTreeCpuMs(postmasterPid!);
  counters.bench = () => processCpuMs(process.pid);
  let turn = 0;
  const refused: Record<string, number> = {};
  const loop = async (seconds: number, latencies: number[] | null) => {
    let errors = 0;
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: sessions ? sessions.length : CONNECTIONS }, async (_, connection) => {
        while (performance.now() < end && !options.stopWhen?.()) {
          const target = turn++ % baseUrls.length;
          const planned = plan(connection);
          const start = performance.now();
          const { status, body } = await send(baseUrls[target]!, planned, agents[target]!).catch(
            () => ({ status: 0, body: "" }),
          );
          const ok = planned.done ? await planned.done(status, body) : status === 200;
          if (options.stopWhen?.()) break;
          latencies?.push(performance.now() - start);
          if (!ok) {
            errors++;
            if (latencies) refused[status] = (refused[status] ?? 0) + 1;
          }
        }
      }),
    );
    return errors;
  };
  if ((options.warmUpS ?? WARM_UP_S) > 0) await loop(options.warmUpS ?? WARM_UP_S, null);
  const latencies: number[] = [];
  const activity = postgresUrl && !options.stopWhen ? await sampleActivity(postgresUrl) : null;
  const cpuBefore = sampleCpu(counters);
  const started = performance.now();
  const liveness = options.probeLiveness
    ? probeLiveness(baseUrls[0]!, options.seconds ?? DURATION_S)
    : null;
  const errors = await loop(options.seconds ?? DURATION_S, latencies);
  const elapsed = (performance.now() - started) / 1000;
  if (liveness) {
    const probes = await liveness;
    probes.latencies.sort((a, b) => a - b);
    console.log(
      `  liveness during ${label}: ${probes.latencies.length} probes of /healthz on new connections, p50 ${percentile(probes.latencies, 50).toFixed(1)} ms, p95 ${percentile(probes.latencies, 95).toFixed(1)} ms, max ${(probes.latencies.at(-1) ?? 0).toFixed(1)} ms, ${probes.failed} failed`,
    );
  }
  const cpu = cpuBetween(cpuBefore, sampleCpu(counters));
  const activityLine = await activity?.stop();
  for (const agent of agents) agent.destroy();
  latencies.sort((a, b) => a - b);
  const result = {
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    requests: latencies.length,
    cpu,
  };
  console.log(
    `${label}: ${latencies.length} requests, ${result.rps.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${errors}${
      errors
        ? ` (${Object.entries(refused)
            .map(([status, n]) => `${n}× HTTP ${status}`)
            .join(", ")})`
        : ""
    }`,
  );
  // Not for the phase cut short by SIGKILL: the killed server's counters are gone by then.
  if (!options.stopWhen) console.log(formatCpu(cpu, elapsed, latencies.length));
  if (activityLine) console.log(activityLine);
  return result;
}

/**
 * Reads every acknowledged answer back from the database (not through the app): it must hold the
 * acknowledged version and value, or exactly the next version with the value of the save that was
 * in flight when the server died.
 */
async function countLost(databaseUrl: string, sessions: Session[]): Promise<number> {
  const { createDbClient } = await import("../app/utils/db.server");
  const client = createDbClient(databaseUrl);
  let lost = 0;
  let acknowledged = 0;
  try {
    for (const session of sessions) {
      const rows = await client.answer.findMany({
        where: { assessmentId: session.assessmentId },
        select: { questionKey: true, value: true, version: true },
      });
      const stored = new Map(
        rows.map((row) => [
          row.questionKey,
          { version: row.version, value: JSON.parse(row.value) as unknown },
        ]),
      );
      for (const key of new Set([...session.acked.keys(), ...session.inFlight.keys()])) {
        const acked = session.acked.get(key);
        const row = stored.get(key);
        const kept =
          acked !== undefined && row?.version === acked.version && row.value === acked.value;
        // A save sent and never answered may have committed: then it holds the next version.
        const overtaken =
          row?.version === (acked?.version ?? 0) + 1 &&
          typeof row.value === "string" &&
          (session.inFlight.get(key)?.has(row.value) ?? false);
        if (overtaken) session.acked.set(key, { version: row.version, value: String(row.value) });
        if (acked === undefined) continue;
        acknowledged++;
        if (!kept && !overtaken) {
          lost++;
          // Enough to tell a lost answer from a miscount: what was acknowledged, stored and unanswered.
          if (lost <= 5) {
            console.log(
              `lost: assessment ${session.assessmentId} ${key}: acknowledged v${acked.version} ${JSON.stringify(acked.value)}, stored ${row ? `v${row.version} ${JSON.stringify(row.value)}` : "nothing"}, ${session.inFlight.get(key)?.size ?? 0} unanswered`,
            );
          }
        }
      }
      session.inFlight.clear();
    }
  } finally {
    await client.$disconnect();
  }
  console.log(
    `durability: ${acknowledged} acknowledged answers read back after SIGKILL and restart, ${lost} lost`,
  );
  return lost;
}
