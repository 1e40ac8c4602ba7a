#!/usr/bin/env node
// `npm test`: everything CI runs, in order, stopping at the first failing stage.
//   schema drift check → typecheck → lint → production build → Vitest on SQLite (with branch
//   coverage of scoring/, ≥ 95 % enforced) → Vitest on
//   PostgreSQL (throwaway cluster) → Playwright on Debian Chromium.
// Ends with one summary line "N passed, M failed" over all test runners.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { requireSupportedNode } from "../server/supported-node.js";

console.log(`Vetted tests on Node ${process.version} (${process.execPath})`);
requireSupportedNode("The test suite");

const root = path.resolve(import.meta.dirname, "..");
const reports = path.join(root, ".tmp/test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;

function stage(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`◀ ${name}: ${result.status === 0 ? "ok" : `failed (exit ${result.status ?? result.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
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
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

const bin = (name) => path.join(root, "node_modules/.bin", name);

const steps = [
  () => stage("generate Prisma clients", "node", ["scripts/db-generate.mjs", "--clients-only"]),
  () => stage("schema drift check", "node", ["scripts/db-generate.mjs", "--check"]),
  () => stage("typecheck", bin("tsc"), ["--noEmit"]),
  () => stage("lint", bin("eslint"), [".", "--max-warnings", "0"]),
  () => stage("production build", bin("remix"), ["vite:build"]),
  () => {
    const file = path.join(reports, "vitest-sqlite.json");
    const ok = stage("Vitest (SQLite)", bin("vitest"), ["run", "--project", "sqlite", "--coverage.enabled", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
    countVitest(file);
    return ok;
  },
  () => {
    const file = path.join(reports, "vitest-postgres.json");
    const ok = stage("Vitest integration (PostgreSQL)", bin("vitest"), ["run", "--project", "postgres", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
    countVitest(file);
    return ok;
  },
  () => {
    const file = path.join(reports, "playwright.json");
    const ok = stage("Playwright (Chromium)", bin("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    countPlaywright(file);
    return ok;
  },
];

for (const step of steps) {
  if (!step()) finish(false);
}
finish(true);
