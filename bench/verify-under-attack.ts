// /verify under attack (issue 11, "Done when"). Serves the production build (build/, as
// tests/support/app-server.ts does, NODE_ENV=production, TRUST_PROXY=true) in a child process
// on a fresh SQLite database, then measures, in one run:
//   1. baseline: /healthz and a rendered page (GET /login) with nothing else going on;
//   2. attack:   the same probes while ATTACKERS anonymous connections upload hostile files to
//                /verify in a loop, each request from another X-Forwarded-For address (an
//                attacker with many IPs: the per-IP rate limit of /verify never stops them, so
//                every upload reaches the parser).
// The hostile files, round-robin: random bytes behind a PDF header at the size limit; a signed
// report followed by 6,000 copies of its /ByteRange; the same with its cross-reference structure
// destroyed (the bounded text scan); an incremental update with 200 signature fields; ten
// signatures that each cover the whole 25 MB file (the most hashing the limits allow); a
// catalog nested 100,000 levels deep; a cross-reference stream that inflates to gigabytes.
// The probes send one request at a time (closed loop, a fresh connection each, as a load
// balancer's health check does) and record the latency of each. Prints p50/p95/p99/max per
// probe and phase, the attack's answers by status, and the last line
//   verify-under-attack healthz_p95_ms=<n> healthz_max_ms=<n> page_p95_ms=<n> attack_requests=<n>
// Goal: /healthz within 100 ms while the attack runs.
// Run: npm run bench:verify  (BENCH_DURATION_S, BENCH_ATTACKERS override the defaults; builds
// first when build/ is missing).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import path from "node:path";
import { percentile } from "./latency";
import { benchEnvironment } from "./bench-environment";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { deflateSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const ATTACKERS = Number(process.env.BENCH_ATTACKERS ?? 4);
const REQUEST_TIMEOUT_MS = 120_000;

const bench = benchEnvironment("bench-verify", { TRUST_PROXY: "true" });

/** The server's event-loop delays (worst per second), collected from its output. */
let eventLoopDelays: number[] = [];

if (process.argv.includes("--serve")) {
  // Child: serve the production build on a free port of 127.0.0.1 and print its URL. Every
  // second it reports how late its event loop ran (what every request of every tenant waits).
  process.env.NODE_ENV = "production";
  const { startAppServer } = await import("../tests/support/app-server");
  const app = await startAppServer({ mode: "production", trustProxy: true });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  setInterval(() => {
    process.stdout.write(`ELD ${(delay.max / 1e6).toFixed(1)}\n`);
    delay.reset();
  }, 1000).unref();
  // process.stdout, not console.log: in production the bundle turns console lines into JSON
  // (app/utils/json-console.server.ts), and the parent reads these lines as they are.
  process.stdout.write(`LISTENING ${app.baseUrl}\n`);
  process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
} else if (process.argv.includes("--attack")) {
  // Child: the attackers, in a process of their own so that sending 25 MB bodies does not
  // delay the probes' own measurements.
  const baseUrl = process.argv[process.argv.indexOf("--attack") + 1]!;
  const attack = startAttack(baseUrl, await hostileFiles());
  console.log("ATTACKING");
  process.on(
    "SIGTERM",
    () =>
      void attack.stop().then((stats) => {
        console.log(`STATS ${JSON.stringify(stats)}`);
        process.exit(0);
      }),
  );
} else {
  await main();
}

interface HostileFile {
  name: string;
  bytes: Buffer;
}

async function hostileFiles(): Promise<HostileFile[]> {
  const { signPdf } = await import("../app/modules/signing/pades-sign");
  const { createTestCertificateAuthority, parsePkcs12 } =
    await import("../app/modules/signing/pkcs12");
  const { makeUnsignedPdf, signatureObjects, withIncrementalUpdate } =
    await import("../app/modules/signing/testing/test-pdf");
  const { VERIFY_MAX_BYTES } = await import("../app/modules/signing/verify-limits");
  const ca = createTestCertificateAuthority("Bench Org");
  const report = Buffer.from(
    await signPdf(await makeUnsignedPdf("Bench report", 3), parsePkcs12(ca.p12, ca.passphrase), {
      signingTime: new Date(),
    }),
  );
  const { byteRange, form } = signatureObjects(report);
  const limit = VERIFY_MAX_BYTES - 4096;

  const copies = Array.from(
    { length: 6_000 },
    (_, i) => `\n${10_000 + i} 0 obj\n<< /Type /Sig ${byteRange} >>\nendobj`,
  ).join("");
  const noStructure = Buffer.from(
    report.toString("latin1").replaceAll("startxref", "startxreX"),
    "latin1",
  );

  const fields: Record<number, string> = {};
  const fieldRefs: string[] = [];
  for (let i = 0; i < 200; i++) {
    fields[3000 + i] = `<< /Type /Sig ${byteRange} >>`;
    fields[4000 + i] = `<< /FT /Sig /T (s${i}) /V ${3000 + i} 0 R >>`;
    fieldRefs.push(`${4000 + i} 0 R`);
  }

  // The most hashing the limits allow: no readable structure (so the text is scanned), padded to
  // the size limit, and nine more /ByteRange entries that leave out the genuine signature value
  // and cover the whole file (each a little less, so none is a duplicate): ten signatures, nine
  // full hashes of 25 MB.
  const [, holeStart, holeEnd] = byteRange.match(/\d+/g)!.map(Number) as [number, number, number];
  const ranges = (total: number) =>
    Array.from(
      { length: 9 },
      (_, i) =>
        `\n${20_000 + i} 0 obj\n<< /Type /Sig /ByteRange [0 ${holeStart} ${holeEnd} ${String(total - holeEnd - i).padStart(10, "0")}] >>\nendobj`,
    ).join("");
  const padding = Buffer.from(
    `\n%${"x".repeat(limit - noStructure.length - ranges(0).length - 2)}\n`,
    "latin1",
  );
  const total = noStructure.length + padding.length + ranges(0).length;
  const tenFullHashes = Buffer.concat([noStructure, padding, Buffer.from(ranges(total), "latin1")]);

  const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024));
  const bombFile = Buffer.concat([
    Buffer.from(
      "%PDF-1.7\n1 0 obj\n<< /Type /XRef /Size 2 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length " +
        bomb.length +
        " >>\nstream\n",
      "latin1",
    ),
    bomb,
    Buffer.from("\nendstream\nendobj\nstartxref\n9\n%%EOF\n", "latin1"),
  ]);

  return [
    {
      name: "random bytes behind a PDF header (25 MB)",
      bytes: Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(limit)]),
    },
    {
      name: "signed report + 6,000 /ByteRange copies",
      bytes: Buffer.concat([report, Buffer.from(copies, "latin1")]),
    },
    {
      name: "the same without cross-reference structure",
      bytes: Buffer.concat([noStructure, Buffer.from(copies, "latin1")]),
    },
    {
      name: "200 signature fields (incremental update)",
      bytes: Buffer.from(
        withIncrementalUpdate(report, {
          ...fields,
          [form]: `<< /Fields [ ${fieldRefs.join(" ")} ] >>`,
        }),
      ),
    },
    { name: "10 signatures each covering 25 MB", bytes: tenFullHashes },
    {
      name: "catalog nested 100,000 levels",
      bytes: Buffer.from(
        withIncrementalUpdate(report, {
          2: `<< /Type /Catalog /X ${"[".repeat(100_000)}${"]".repeat(100_000)} >>`,
        }),
      ),
    },
    { name: "cross-reference stream inflating to 64 MB", bytes: bombFile },
  ];
}

async function main(): Promise<void> {
  bench.prepare();
  const { ensureServerBuild } = await import("../tests/support/app-server");
  ensureServerBuild();
  const { migrateDatabase } = await import("../app/utils/migrate.server");
  const { disconnectDb } = await import("../app/utils/db.server");
  await migrateDatabase(bench.env.DATABASE_URL);
  await disconnectDb();
  for (const file of await hostileFiles())
    console.log(`hostile file: ${file.name}, ${(file.bytes.length / 1024 / 1024).toFixed(1)} MB`);

  // BENCH_CPU_PROF=<dir>: CPU profiles of the server's threads, to see where its time goes.
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(process.env.BENCH_CPU_PROF)]
    : [];
  const server = spawn(
    process.execPath,
    [...profile, "--import", "tsx", path.join(root, "bench/verify-under-attack.ts"), "--serve"],
    {
      cwd: root,
      env: { ...process.env, ...bench.env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  try {
    const baseUrl = await listeningUrl(server);
    console.log(
      `probes: /healthz and GET /login, one request at a time; attack: ${ATTACKERS} connections; ${DURATION_S} s per phase`,
    );

    const baseline = await probe(baseUrl, DURATION_S);
    report("baseline", baseline, takeDelays());

    const attacker = spawn(
      process.execPath,
      ["--import", "tsx", path.join(root, "bench/verify-under-attack.ts"), "--attack", baseUrl],
      {
        cwd: root,
        env: process.env,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const attackerLines = createInterface({ input: attacker.stdout! });
    const statsLine = new Promise<string>((resolve) =>
      attackerLines.on("line", (line) => line.startsWith("STATS ") && resolve(line.slice(6))),
    );
    await new Promise<void>((resolve) =>
      attackerLines.on("line", (line) => line === "ATTACKING" && resolve()),
    );
    // Let every attacker get its first upload going before measuring.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    takeDelays();
    const underAttack = await probe(baseUrl, DURATION_S);
    const delays = takeDelays();
    attacker.kill("SIGTERM");
    const attackStats = JSON.parse(await statsLine) as AttackStats;
    report("under attack", underAttack, delays);
    console.log(
      `attack: ${attackStats.requests} uploads answered (${Object.entries(attackStats.statuses)
        .map(([s, n]) => `${n}× ${s}`)
        .join(", ")}), ${(attackStats.bytes / 1024 / 1024).toFixed(0)} MB sent`,
    );
    for (const [name, verdicts] of Object.entries(attackStats.verdicts))
      console.log(
        `  ${name}: ${Object.entries(verdicts)
          .map(([v, n]) => `${n}× ${v}`)
          .join(", ")}`,
      );

    const healthz = summary(underAttack.healthz);
    const page = summary(underAttack.page);
    console.log(
      `goal (/healthz within 100 ms while the attack runs): p95 ${healthz.p95.toFixed(1)} ms, max ${healthz.max.toFixed(1)} ms: ${healthz.max < 100 ? "met" : healthz.p95 < 100 ? "met at p95, not at max" : "NOT met"}`,
    );
    console.log(
      `verify-under-attack healthz_p95_ms=${healthz.p95.toFixed(1)} healthz_max_ms=${healthz.max.toFixed(1)} page_p95_ms=${page.p95.toFixed(1)} attack_requests=${attackStats.requests}`,
    );
    if (underAttack.errors > 0 || baseline.errors > 0 || attackStats.statuses["500"])
      process.exitCode = 1;
  } finally {
    server.kill("SIGTERM");
  }
}

/** The server's event-loop delays since the last call. */
function takeDelays(): number[] {
  const taken = eventLoopDelays;
  eventLoopDelays = [];
  return taken;
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const match = /^LISTENING (\S+)/.exec(line);
      if (match) resolve(match[1]!);
      else if (line.startsWith("ELD ")) eventLoopDelays.push(Number(line.slice(4)));
      else console.log(`[server] ${line}`);
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code})`)));
  });
}

function send(
  url: URL,
  options: { method?: string; headers?: Record<string, string | number>; body?: Buffer },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? "GET",
        headers: { connection: "close", ...options.headers },
        agent: false,
      },
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
    req.end(options.body);
  });
}

interface ProbeResult {
  healthz: number[];
  page: number[];
  errors: number;
}

/** Alternating /healthz and GET /login, one at a time, for `seconds`. */
async function probe(baseUrl: string, seconds: number): Promise<ProbeResult> {
  const result: ProbeResult = { healthz: [], page: [], errors: 0 };
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (const [pathname, into] of [
      ["/healthz", result.healthz],
      ["/login", result.page],
    ] as const) {
      const start = performance.now();
      const res = await send(new URL(pathname, baseUrl), {}).catch(() => ({ status: 0, body: "" }));
      into.push(performance.now() - start);
      if (res.status !== 200) result.errors++;
    }
    // A health check every ~20 ms: frequent enough to see any stall of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return result;
}

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

function report(phase: string, result: ProbeResult, delays: number[]): void {
  for (const [label, latencies] of [
    ["/healthz", result.healthz],
    ["GET /login", result.page],
  ] as const) {
    const s = summary(latencies);
    console.log(
      `${phase}: ${label}: ${s.n} requests, p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`,
    );
  }
  if (result.errors > 0)
    console.log(`${phase}: ${result.errors} probe requests did not answer 200`);
  const sorted = [...delays].sort((a, b) => a - b);
  console.log(
    `${phase}: server event-loop delay, worst per second: median ${percentile(sorted, 50).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`,
  );
}

interface AttackStats {
  requests: number;
  bytes: number;
  statuses: Record<string, number>;
  verdicts: Record<string, Record<string, number>>;
}

interface Attack {
  stop(): Promise<AttackStats>;
}

function startAttack(baseUrl: string, files: HostileFile[]): Attack {
  const boundary = `----vetted-bench-${randomBytes(8).toString("hex")}`;
  const bodies = files.map((file) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  );
  const stats: AttackStats = { requests: 0, bytes: 0, statuses: {}, verdicts: {} };
  let running = true;
  let next = 0;
  const loops = Array.from({ length: ATTACKERS }, async () => {
    while (running) {
      const index = next++ % files.length;
      const body = bodies[index]!;
      // A different source address on every request, as a botnet would have.
      const ip = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
      const res = await send(new URL("/verify", baseUrl), {
        method: "POST",
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": body.length,
          origin: baseUrl,
          "x-forwarded-for": ip,
        },
        body,
      }).catch((error: Error) => ({ status: 0, body: error.message }));
      stats.requests++;
      stats.bytes += body.length;
      stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
      const verdict = /data-verdict="([a-z_]+)"/.exec(res.body)?.[1] ?? `HTTP ${res.status}`;
      const name = files[index]!.name;
      stats.verdicts[name] ??= {};
      stats.verdicts[name]![verdict] = (stats.verdicts[name]![verdict] ?? 0) + 1;
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return stats;
    },
  };
}
