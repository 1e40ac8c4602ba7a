#!/usr/bin/env node
// `npm test`: everything CI runs, stopping after the first failing step.
//   generate Prisma clients → [schema drift check ‖ typecheck ‖ lint ‖ format check ‖ production
//   build] →
//   Vitest on SQLite → scoring/ again under coverage (≥ 95 % branches enforced) → Vitest
//   integration on PostgreSQL (throwaway cluster) → Playwright on Debian Chromium.
// Ends with one summary line "N passed, M failed" over all test runners, and the time per stage.
//
// Why this shape (measured on 2 cores): tsc, ESLint and the schema check each keep one core busy
// and the build little more than one, so the four run side by side; the Vitest and Playwright
// stages already keep both cores busy and run one after another. V8 coverage slows every test
// it watches by about 15 %: only scoring/ needs it, and scoring/'s own tests cover it (≥ 98 %
// branches), so those 17 files run under coverage in their own stage instead of every file.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { requireSupportedNode } from "../server/supported-node.js";

console.log(`Vetted tests on Node ${process.version} (${process.execPath})`);
requireSupportedNode("The test suite");

const root = path.resolve(import.meta.dirname, "..");
const reports = path.join(root, ".tmp/test-reports");
const binDir = path.join(root, "node_modules/.bin");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const startedAt = Date.now();
const timings = [];
let passed = 0;
let failed = 0;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs one stage. `quiet` stages (those that run side by side) keep their output until they end
 * and print it in one piece, so parallel logs never interleave.
 */
function stage(name, command, args, { env = {}, quiet = false } = {}) {
  const started = Date.now();
  if (!quiet) console.log(`\n▶ ${name}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      // node_modules/.bin first, as under `npm test`: the tools' `#!/usr/bin/env node` must find
      // the project's Node, not an older one on the machine's PATH.
      env: { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}`, ...env },
    });
    const output = [];
    child.stdout?.on("data", (chunk) => output.push(chunk));
    child.stderr?.on("data", (chunk) => output.push(chunk));
    child.on("error", (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on("close", (code, signal) => {
      const ok = code === 0;
      const took = Date.now() - started;
      timings.push([name, took]);
      if (quiet) {
        console.log(`\n▶ ${name}`);
        process.stdout.write(Buffer.concat(output));
      }
      console.log(
        `◀ ${name}: ${ok ? "ok" : `failed (exit ${code ?? signal})`} in ${seconds(took)}`,
      );
      resolve(ok);
    });
  });
}

/** Runs stages side by side; fails if any of them fails (all of them finish first). */
async function together(...stages) {
  const results = await Promise.all(stages.map((run) => run({ quiet: true })));
  return results.every(Boolean);
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  failed += stats?.unexpected ?? 0;
}

function finish(ok) {
  console.log("\nStage times:");
  for (const [name, took] of timings)
    console.log(`  ${name.padEnd(36)} ${seconds(took).padStart(8)}`);
  console.log(`  ${"total".padEnd(36)} ${seconds(Date.now() - startedAt).padStart(8)}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

const bin = (name) => path.join(binDir, name);
const node = process.execPath;

async function vitest(name, file, args) {
  const reportFile = path.join(reports, file);
  const ok = await stage(name, bin("vitest"), [
    "run",
    ...args,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${reportFile}`,
  ]);
  countVitest(reportFile);
  return ok;
}

/**
 * The SQLite project runs in two stages with path filters: check that together they ran every
 * file the project has, so a new test root can never drop out of `npm test` unnoticed.
 */
function everySqliteFileRan() {
  const listing = spawnSync(
    bin("vitest"),
    ["list", "--project", "sqlite", "--filesOnly", "--json"],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}` },
    },
  );
  const listed =
    listing.status === 0 ? JSON.parse(listing.stdout).map((entry) => entry.file) : null;
  const ran = new Set(
    ["vitest-sqlite.json", "vitest-scoring.json"].flatMap((file) => {
      const reportFile = path.join(reports, file);
      return existsSync(reportFile)
        ? JSON.parse(readFileSync(reportFile, "utf8")).testResults.map((result) => result.name)
        : [];
    }),
  );
  const missing = listed?.filter((file) => !ran.has(file)) ?? ["(vitest list failed)"];
  if (missing.length > 0)
    console.log(`\nSQLite test files that no stage ran:\n  ${missing.join("\n  ")}`);
  return missing.length === 0;
}

const steps = [
  () => stage("generate Prisma clients", node, ["scripts/db-generate.mjs", "--clients-only"]),
  () =>
    together(
      (options) =>
        stage("schema drift check", node, ["scripts/db-generate.mjs", "--check"], options),
      (options) => stage("typecheck", bin("tsc"), ["--noEmit"], options),
      (options) => stage("lint", bin("eslint"), [".", "--max-warnings", "0"], options),
      // One style everywhere, so a diff shows changes, not re-wrapping (`npm run format` fixes it).
      (options) =>
        stage("format check", bin("prettier"), ["--check", ".", "--log-level", "warn"], options),
      (options) => stage("production build", bin("remix"), ["vite:build"], options),
    ),
  // Every test file of the SQLite project except scoring/'s, which the next stage runs.
  // (Positional arguments filter by path: these are all roots of vitest.config.ts but scoring/.)
  () =>
    vitest("Vitest (SQLite)", "vitest-sqlite.json", [
      "--project",
      "sqlite",
      "app/",
      "tests/",
      "cli/",
      "seeds/",
    ]),
  () =>
    vitest("Vitest scoring/ with branch coverage", "vitest-scoring.json", [
      "--project",
      "sqlite",
      "scoring/",
      "--coverage.enabled",
    ]),
  () => everySqliteFileRan(),
  () =>
    vitest("Vitest integration (PostgreSQL)", "vitest-postgres.json", ["--project", "postgres"]),
  async () => {
    const file = path.join(reports, "playwright.json");
    const ok = await stage("Playwright (Chromium)", bin("playwright"), ["test"], {
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: file },
    });
    countPlaywright(file);
    return ok;
  },
];

for (const step of steps) {
  if (!(await step())) finish(false);
}
finish(true);
