// Framework import benchmark (issue 14, item 3): how long the parse of a CISO Assistant library
// the size of a real large one takes (a generated library of 1,200 nodes, about 850 kB — the AI
// Act library's size; app/modules/regulations/import/testing/generated-library.ts).
//
// Printed, from ONE run so that a busy machine slows all alike:
//   - `direct`: parseFrameworkBytes on this thread (YAML parse, zod, tree checks, normalising);
//   - `worker`: parseFrameworkFile through a parser worker pool as the CLI and the upload route
//     use it (thread start excluded: the pool is warmed first), including the structured clone;
//   - `baseline`: JSON.parse of the same library as JSON text — the trivial parse of the same
//     data, the yardstick for the ratio (absolute figures on a shared machine are noisy).
// Each figure is the median of RUNS timed runs after a warm-up. Run: npx tsx bench/framework-import.ts
// The last line is `framework-import nodes=<n> bytes=<b> direct_ms=<d> worker_ms=<w> baseline_ms=<j> ratio=<d/j>`.

import { performance } from "node:perf_hooks";
import { parse } from "yaml";
import { parserWorkerEntry } from "../app/modules/parsing/parser-pool.server";
import { WorkerPool } from "../app/modules/parsing/worker-pool";
import type { FrameworkParseResult } from "../app/modules/regulations/import/imported-framework";
import { parseFrameworkBytes } from "../app/modules/regulations/import/parse-framework-bytes";
import { parseFrameworkFile } from "../app/modules/regulations/import/parse-framework-file.server";
import { generateLibraryYaml } from "../app/modules/regulations/import/testing/generated-library";

const NODES = 1200;
const RUNS = 7;
const WARM_UP = 2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(run: () => unknown): Promise<number> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

function expectParsed(result: FrameworkParseResult): void {
  if (!result.ok || result.framework.provisions.length !== NODES)
    throw new Error(`the generated library did not parse: ${JSON.stringify(result).slice(0, 500)}`);
}

const { text } = generateLibraryYaml({ nodes: NODES });
const bytes = new TextEncoder().encode(text);
const json = JSON.stringify(parse(text));

const pool = new WorkerPool({
  entry: parserWorkerEntry(
    new URL("../app/modules/parsing/parser-pool.server.ts", import.meta.url).href,
  ),
  maxWorkers: 1,
  maxQueue: 0,
  timeoutMs: 120_000,
  resourceLimits: { maxOldGenerationSizeMb: 256, stackSizeMb: 4 },
});

try {
  const direct = await timed(() => expectParsed(parseFrameworkBytes(bytes, "generated.yaml")));
  const worker = await timed(async () =>
    expectParsed(
      await parseFrameworkFile(bytes.slice(), "generated.yaml", (input) =>
        pool.run<FrameworkParseResult>("parse-framework-file", input),
      ),
    ),
  );
  const baseline = await timed(() => JSON.parse(json));
  const ratio = direct / baseline;
  console.log(
    `library: ${NODES} nodes, ${bytes.byteLength} bytes (YAML), ${json.length} characters as JSON`,
  );
  console.log(`direct   (this thread)      median ${direct.toFixed(1)} ms`);
  console.log(`worker   (parser pool)      median ${worker.toFixed(1)} ms`);
  console.log(`baseline (JSON.parse same)  median ${baseline.toFixed(1)} ms`);
  console.log(
    `framework-import nodes=${NODES} bytes=${bytes.byteLength} direct_ms=${direct.toFixed(0)} worker_ms=${worker.toFixed(0)} baseline_ms=${baseline.toFixed(1)} ratio=${ratio.toFixed(0)}`,
  );
} finally {
  await pool.close();
}
