// `npm run demo`: build if needed, seed the demo organisation once, print logins, serve on :3000.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { applyDemoEnvironment, loadOrCreateDemoConfig } from "../cli/demo-config";
import { requireSupportedNode } from "../server/supported-node.js";

console.log(`Vetted demo on Node ${process.version} (${process.execPath})`);
requireSupportedNode("The demo");

const root = path.resolve(import.meta.dirname, "..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.NODE_ENV = "production";
applyDemoEnvironment(loadOrCreateDemoConfig());

if (!existsSync(path.join(root, "app/generated/sqlite/client.ts")))
  run("node", ["scripts/db-generate.mjs", "--clients-only"]);
const serverBuild = path.join(root, "build/server/index.js");
const sources = Math.max(
  newestMtime(path.join(root, "app")),
  newestMtime(path.join(root, "seeds")),
);
if (!existsSync(serverBuild) || statSync(serverBuild).mtimeMs < sources) {
  console.log("Building the app …");
  run("npx", ["remix", "vite:build"]);
}
run("npx", ["tsx", "cli/vetted.ts", "demo", "seed"]);
const server = spawn("node", ["server/index.js"], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
