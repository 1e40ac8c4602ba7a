import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ParserBusyError, parserWorkerEntry } from "../../parsing/parser-pool.server";
import { WorkerPool, type WorkerPoolOptions } from "../../parsing/worker-pool";
import {
  formatImportMessage,
  provisionCounts,
  type FrameworkParseResult,
} from "./imported-framework";
import { parseFrameworkFile, type RunFrameworkJob } from "./parse-framework-file.server";
import { generateLibraryYaml } from "./testing/generated-library";

/**
 * The framework parse as a job of the real parser worker pool (ADR 0014): the worker thread runs
 * the TypeScript sources as Vitest and the CLI do. Busy and timeout are produced by holding the
 * only worker and by a worker that never answers; no timing is asserted.
 */
const pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function poolOf(options: Partial<WorkerPoolOptions> = {}): WorkerPool {
  const pool = new WorkerPool({
    entry: parserWorkerEntry(new URL("../../parsing/parser-pool.server.ts", import.meta.url).href),
    maxWorkers: 1,
    maxQueue: 0,
    timeoutMs: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: 256, stackSizeMb: 4 },
    ...options,
  });
  pools.push(pool);
  return pool;
}

const inPool =
  (pool: WorkerPool): RunFrameworkJob =>
  (input) =>
    pool.run<FrameworkParseResult>("parse-framework-file", input);

const fixtureBytes = (name: string) =>
  new Uint8Array(
    readFileSync(new URL(`../../../../tests/fixtures/frameworks/${name}`, import.meta.url)),
  );

describe("parseFrameworkFile (parser worker pool)", () => {
  it("parses a library and a catalog in a worker", async () => {
    const pool = poolOf();
    const library = await parseFrameworkFile(
      fixtureBytes("example-library-v2.yaml"),
      "v2.yaml",
      inPool(pool),
    );
    const catalog = await parseFrameworkFile(
      fixtureBytes("example-catalog.json"),
      "c.json",
      inPool(pool),
    );
    expect(library.ok && [library.framework.version, provisionCounts(library.framework)]).toEqual([
      "2",
      { provisions: 10, assessable: 7 },
    ]);
    expect(catalog.ok && provisionCounts(catalog.framework)).toEqual({
      provisions: 10,
      assessable: 7,
    });
    expect(pool.stats()).toMatchObject({ completed: 2, failed: 0 });
  });

  it("a generated 850 kB library of 1,200 nodes comes back from the worker whole", async () => {
    const { text, assessable } = generateLibraryYaml({ nodes: 1200 });
    const result = await parseFrameworkFile(
      new TextEncoder().encode(text),
      "big.yaml",
      inPool(poolOf()),
    );
    expect(result.ok && provisionCounts(result.framework)).toEqual({
      provisions: 1200,
      assessable,
    });
  });

  it("a broken file's messages come back from the worker with their paths", async () => {
    const result = await parseFrameworkFile(
      fixtureBytes("broken/missing-parent.yaml"),
      "m.yaml",
      inPool(poolOf()),
    );
    expect(result.ok ? [] : result.errors.map(formatImportMessage)).toEqual([
      "objects.framework.requirement_nodes[3].parent_urn: no node has this URN (urn:vetted:broken:nowhere)",
    ]);
  });

  it("throws ParserBusyError when every worker is busy and the queue is full", async () => {
    const pool = poolOf({ maxWorkers: 1, maxQueue: 0 });
    const signal = new SharedArrayBuffer(4);
    const held = pool.run("hold", { signal, maxMs: 60_000 });
    await expect(
      parseFrameworkFile(fixtureBytes("example-library-v1.yaml"), "v1.yaml", inPool(pool)),
    ).rejects.toBeInstanceOf(ParserBusyError);
    Atomics.store(new Int32Array(signal), 0, 1);
    Atomics.notify(new Int32Array(signal), 0);
    expect(await held).toEqual({ status: "done", value: "released" });
  });

  it("a job that runs out of time is a clear message, and the pool lives on", async () => {
    // A worker that never answers stands in for a parse that cannot finish.
    const hostile = new WorkerPool({
      entry: { file: new URL("../../parsing/testing/hostile-worker.mjs", import.meta.url) },
      maxWorkers: 1,
      maxQueue: 0,
      timeoutMs: 200,
      resourceLimits: { maxOldGenerationSizeMb: 64 },
    });
    pools.push(hostile);
    const result = await parseFrameworkFile(new Uint8Array([1]), "x.yaml", (input) =>
      hostile.run<FrameworkParseResult>("spin", input),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: "(file)",
          key: "frameworkImport.limitTime",
          message: "the file could not be checked in time",
        },
      ],
    });
  });

  it("runs in the process's parser pool when no pool is given", async () => {
    const result = await parseFrameworkFile(fixtureBytes("example-library-v1.yaml"), "v1.yaml");
    expect(result.ok && provisionCounts(result.framework)).toEqual({
      provisions: 10,
      assessable: 7,
    });
  });
});
