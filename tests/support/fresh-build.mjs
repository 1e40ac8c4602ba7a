// Is the production build (build/) older than the sources it was built from? HTTP tests
// (tests/support/app-server.ts) and the browser tests (e2e/support/start-server.ts) run against
// build/, and used to build only when it was missing: a stale build let a broken change pass.
//
// Run as a command under the shared build lock, it rebuilds when the build is stale:
//   flock /tmp/vetted-build.lock node tests/support/fresh-build.mjs
// Plain JavaScript so that it runs without a TypeScript loader.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Shared with everyone who builds or copies build/ (other test runs, other checkouts). */
export const BUILD_LOCK = "/tmp/vetted-build.lock";

/** What the build reads: the app and what it imports, the server, the build configuration. */
export const BUILD_SOURCES = [
  "app",
  "server",
  "seeds",
  "scoring",
  "public",
  "remix.config.js",
  "vite.config.ts",
  "scripts/build-parser-worker.mjs",
  "package-lock.json",
];

// Tests are never part of the build (remix.config.js ignores them as routes, and production
// code must not import them): editing one must not cost a rebuild.
const NOT_BUILT = /\.test\.[cm]?[jt]sx?$/;

/** The newest file under `entries` (relative to `root`), or null when there is none. */
export function newestFile(root, entries) {
  let newest = null;
  const visit = (file) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(file)) {
        if (name !== "node_modules" && !name.startsWith(".")) visit(path.join(file, name));
      }
    } else if (!NOT_BUILT.test(file) && (!newest || stat.mtimeMs > newest.mtimeMs)) {
      newest = { file, mtimeMs: stat.mtimeMs };
    }
  };
  for (const entry of entries) visit(path.join(root, entry));
  return newest;
}

/**
 * When the build was made: the mtime of its OLDEST output (the client assets are written first,
 * after every source was read; build/server/parser-worker.js is written last). Null when the
 * build is missing or incomplete.
 */
export function buildTime(buildDir) {
  const serverFiles = ["server/index.js", "server/parser-worker.js"].map((f) =>
    path.join(buildDir, f),
  );
  if (!serverFiles.every((f) => existsSync(f))) return null;
  const assets = path.join(buildDir, "client/assets");
  const outputs = [
    ...serverFiles,
    ...(existsSync(assets) ? readdirSync(assets).map((name) => path.join(assets, name)) : []),
  ];
  return Math.min(...outputs.map((f) => statSync(f).mtimeMs));
}

/** Why build/ must be rebuilt, or null when it is newer than every source. */
export function staleBuildReason(root = ROOT_DIR, buildDir = path.join(root, "build")) {
  const builtAt = buildTime(buildDir);
  if (builtAt === null)
    return `there is no complete build in ${path.relative(root, buildDir) || "."}`;
  const newest = newestFile(root, BUILD_SOURCES);
  if (newest && newest.mtimeMs > builtAt) {
    return `${path.relative(root, newest.file)} changed after the build was made`;
  }
  return null;
}

/** Rebuilds build/ when it is stale. Call it holding BUILD_LOCK. Returns the exit status. */
export function rebuildIfStale(root = ROOT_DIR) {
  const reason = staleBuildReason(root);
  if (reason === null) return 0;
  console.log(`[fresh-build] building: ${reason}`);
  // node_modules/.bin first: it holds the project's Node (the machine's may be older).
  const bin = path.join(root, "node_modules/.bin");
  const result = spawnSync(path.join(bin, "remix"), ["vite:build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` },
    timeout: 600_000,
  });
  return result.status ?? 1;
}

/**
 * Makes sure build/ is complete and newer than its sources, rebuilding once if not. Parallel
 * callers (Vitest workers, the e2e server) queue on BUILD_LOCK and check again inside it, so
 * only the first one builds.
 */
export function ensureFreshBuild(root = ROOT_DIR) {
  if (staleBuildReason(root) === null) return;
  const result = spawnSync(
    "flock",
    [BUILD_LOCK, process.execPath, fileURLToPath(import.meta.url)],
    {
      cwd: root,
      stdio: "inherit",
      timeout: 900_000,
    },
  );
  if (result.status !== 0)
    throw new Error(
      `Could not rebuild ${path.join(root, "build")} (exit ${result.status ?? result.signal})`,
    );
  const reason = staleBuildReason(root);
  if (reason !== null) throw new Error(`The build is still stale after rebuilding: ${reason}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(rebuildIfStale());
}
