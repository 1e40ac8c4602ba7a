import { afterEach, describe, expect, it } from "vitest";
import { parserWorkerEntry } from "./parser-pool.server";
import { WorkerPool, type JobOutcome, type WorkerPoolOptions } from "./worker-pool";

/**
 * The worker pool (ADR 0014) with the real parser worker (started from the TypeScript sources, as
 * Vitest and the CLI do) and with a hostile worker that loops forever or eats memory. Jobs are
 * held and released explicitly (the "hold" job): no timing is asserted.
 */
const pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function poolOf(options: Partial<WorkerPoolOptions> = {}): WorkerPool {
  const pool = new WorkerPool({
    entry: parserWorkerEntry(new URL("./parser-pool.server.ts", import.meta.url).href),
    maxWorkers: 1,
    maxQueue: 1,
    timeoutMs: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: 64, stackSizeMb: 4 },
    ...options,
  });
  pools.push(pool);
  return pool;
}

const hostile = { file: new URL("./testing/hostile-worker.mjs", import.meta.url) };

/** A job that occupies a worker until release() is called. */
function hold(pool: WorkerPool) {
  const signal = new SharedArrayBuffer(4);
  let settled = false;
  const outcome = pool.run<string>("hold", { signal, maxMs: 60_000 }).then((result) => {
    settled = true;
    return result;
  });
  return {
    outcome,
    settled: () => settled,
    release: () => {
      Atomics.store(new Int32Array(signal), 0, 1);
      Atomics.notify(new Int32Array(signal), 0);
    },
  };
}

describe("WorkerPool", () => {
  it("runs a job off the main thread: the event loop keeps turning while a worker is held", async () => {
    const pool = poolOf();
    const held = hold(pool);
    // Timers, I/O and promises on the main thread go on while the worker is blocked.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(held.settled()).toBe(false);
    expect(pool.stats()).toMatchObject({ running: 1, workers: 1 });
    held.release();
    expect(await held.outcome).toEqual({ status: "done", value: "released" });
  });

  it("refuses a job at once when every worker is busy and the queue is full", async () => {
    const pool = poolOf({ maxWorkers: 1, maxQueue: 1 });
    const running = hold(pool);
    const waiting = hold(pool);
    expect(pool.hasRoom()).toBe(false);
    expect(await pool.run("parse-template-file", { text: "key: x" })).toEqual({ status: "busy" });
    expect(pool.stats()).toMatchObject({ running: 1, queued: 1, refused: 1 });
    running.release();
    expect((await running.outcome).status).toBe("done");
    expect(waiting.settled()).toBe(false);
    waiting.release();
    expect((await waiting.outcome).status).toBe("done");
    expect(pool.hasRoom()).toBe(true);
  });

  it("terminates a job that exceeds its time budget, and a new worker serves the next job", async () => {
    const pool = poolOf({ entry: hostile, timeoutMs: 200 });
    expect(await pool.run("spin", null)).toEqual({ status: "timeout" });
    expect(await pool.run("echo", "still serving", { timeoutMs: 30_000 })).toEqual({
      status: "done",
      value: "still serving",
    });
    expect(pool.stats()).toMatchObject({ timedOut: 1, workersStarted: 2, workers: 1 });
  });

  it("a worker that runs out of memory fails its job; the process and the pool live on", async () => {
    const pool = poolOf({
      entry: hostile,
      resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
    });
    const outcome: JobOutcome<unknown> = await pool.run("allocate", null);
    expect(outcome.status).toBe("failed");
    expect(outcome.status === "failed" && outcome.reason).toMatch(/memory/i);
    expect(await pool.run("echo", 42)).toEqual({ status: "done", value: 42 });
    expect(pool.stats()).toMatchObject({ failed: 1, workersStarted: 2 });
  });

  it("parses with the real parser worker from the sources", async () => {
    const pool = poolOf();
    const outcome = await pool.run<{ ok: boolean }>("parse-template-file", {
      text: "not: [a template",
    });
    expect(outcome.status).toBe("done");
    expect(outcome.status === "done" && outcome.value.ok).toBe(false);
  });
});
