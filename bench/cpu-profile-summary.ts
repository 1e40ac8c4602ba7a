// Summarises a V8 CPU profile (.cpuprofile, as written by `node --cpu-prof`, e.g. through
// BENCH_CPU_PROF of bench/portfolio.ts): the functions with the most self time, and the most
// inclusive ("total") time, each with its file, in milliseconds and as a share of the profile.
// Inclusive time counts a function once per sample even when it recurses.
// Run: npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [rows=25] [filter]
//   filter: only functions whose "name file" contains it (case-insensitive) in the total list.
//   --window=<from>-<to>: only the samples taken in that span of the monotonic clock (µs), as
//   bench/portfolio.ts prints it for each measured route: one route's costs without the others'.
import { readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const windowArg = process.argv.find((arg) => arg.startsWith("--window="));
const [file, rowsArg, filter] = process.argv.slice(2).filter((arg) => arg !== windowArg);
const [windowFrom, windowTo] = windowArg
  ? windowArg.slice("--window=".length).split("-").map(Number)
  : [-Infinity, Infinity];
if (!file) {
  console.error("usage: npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [rows] [filter]");
  process.exit(2);
}
const rows = Number(rowsArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** A readable name for a frame: function, then the file relative to node_modules or the project. */
function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const short = url
    .replace(/^file:\/\//, "")
    .replace(/^.*node_modules\//, "")
    .replace(path.resolve(import.meta.dirname, "..") + "/", "");
  return `${functionName || "(anonymous)"} ${short}${short ? `:${lineNumber + 1}` : ""}`;
}

const self = new Map<string, number>();
const total = new Map<string, number>();
let sampled = 0;
let idle = 0;
let sampledAt = profile.startTime;
profile.samples.forEach((id, i) => {
  sampledAt += profile.timeDeltas[i] ?? 0;
  if (sampledAt < windowFrom! || sampledAt > windowTo!) return;
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  sampled += ms;
  const node = byId.get(id)!;
  const name = frameName(node);
  if (node.callFrame.functionName === "(idle)") idle += ms;
  self.set(name, (self.get(name) ?? 0) + ms);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = frameName(byId.get(at)!);
    if (seen.has(frame)) continue;
    seen.add(frame);
    total.set(frame, (total.get(frame) ?? 0) + ms);
  }
});

const busy = sampled - idle;
const line = (ms: number, name: string) =>
  `${ms.toFixed(0).padStart(8)} ms ${((ms / busy) * 100).toFixed(1).padStart(5)} %  ${name}`;
console.log(
  `profile: ${(sampled / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy (percentages of busy time)`,
);
console.log("\nself time:");
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, rows))
  console.log(line(ms, name));
console.log("\ntotal time:");
const needle = filter?.toLowerCase();
for (const [name, ms] of [...total]
  .filter(([name]) => !needle || name.toLowerCase().includes(needle))
  .sort((a, b) => b[1] - a[1])
  .slice(0, rows))
  console.log(line(ms, name));
