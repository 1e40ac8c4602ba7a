#!/usr/bin/env node
// Part of `npm ci` (postinstall): choose the Node.js runtime that Vetted's npm scripts run on, and
// check that the embedded database driver loads on it.
//
// - The Node.js that runs npm is used when it is a supported LTS (22.12+ or 24). The bundled
//   runtime's link node_modules/.bin/node is then removed, so npm scripts find that Node on PATH.
// - Otherwise (Node 20 and older, or a newer non-LTS line) the scripts run on the bundled
//   Node 24, the optional dependency `node-<platform>-<arch>` from the npm registry: npm puts
//   node_modules/.bin first on every script's PATH, so `node`, `tsx`, `vitest` … all run on it.
// - Every native module we use is a Node-API module (better-sqlite3 13, @node-rs/argon2, …) with
//   prebuilt binaries, so nothing is compiled: one binary loads on Node 22 and 24 alike.
// - VETTED_RUNTIME=bundled always picks the bundled runtime (CI does, to test on Node 24).
// Written for every Node from 20 on: it may run before the supported runtime is chosen.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, lstatSync, readlinkSync, rmSync } from "node:fs";
import path from "node:path";
import { isSupportedNodeVersion } from "../server/supported-node.js";

const root = path.resolve(import.meta.dirname, "..");
const modules = path.join(root, "node_modules");
const bundledPackage = path.join(modules, `node-${process.platform}-${process.arch}`);
const bundledNode = path.join(bundledPackage, "bin", "node");
const binLink = path.join(modules, ".bin", "node");

function fail(message) {
  console.error(`\n✗ Vetted runtime: ${message}\n`);
  process.exit(1);
}

/** The version a Node binary reports, or undefined when it does not run here (e.g. glibc build on musl). */
function versionOf(node) {
  try {
    return execFileSync(node, ["-p", "process.versions.node"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}

function chooseRuntime() {
  const npmNode = process.env.npm_node_execpath || process.execPath;
  const npmNodeVersion = versionOf(npmNode) ?? process.versions.node;
  const wanted = process.env.VETTED_RUNTIME ?? "auto";
  if (!["auto", "bundled"].includes(wanted))
    fail(`VETTED_RUNTIME must be "auto" or "bundled", not "${wanted}".`);
  if (wanted === "auto" && isSupportedNodeVersion(npmNodeVersion)) {
    return { node: npmNode, version: npmNodeVersion, source: "this machine's", bundled: false };
  }
  const bundledVersion = existsSync(bundledNode) ? versionOf(bundledNode) : undefined;
  if (!bundledVersion) {
    fail(
      `this machine has Node ${npmNodeVersion}, and no bundled Node.js runs on ${process.platform}-${process.arch} ` +
        "(npm's registry has it for glibc Linux on x64 and arm64). Install Node.js 24 (or 22.12+) and run `npm ci` again.",
    );
  }
  return { node: bundledNode, version: bundledVersion, source: "the bundled", bundled: true };
}

/** The link npm made to the bundled runtime, when it points there (never anything else). */
function removeBundledNodeLink() {
  try {
    if (!lstatSync(binLink).isSymbolicLink()) return;
    if (
      !path
        .resolve(path.dirname(binLink), readlinkSync(binLink))
        .startsWith(bundledPackage + path.sep)
    )
      return;
    rmSync(binLink);
  } catch (error) {
    if (error?.code !== "ENOENT") throw error;
  }
}

function sqliteLoads(node) {
  const probe = "const Database = require('better-sqlite3'); new Database(':memory:').close();";
  return spawnSync(node, ["-e", probe], { cwd: root, stdio: "ignore" }).status === 0;
}

const runtime = chooseRuntime();
if (!runtime.bundled) removeBundledNodeLink();
if (!sqliteLoads(runtime.node)) {
  fail(
    `better-sqlite3 does not load on Node ${runtime.version}: it ships prebuilt binaries for Linux, macOS and Windows on x64 and arm64 only.`,
  );
}
console.log(`Vetted runs on ${runtime.source} Node ${runtime.version} (${runtime.node}).`);
