import { getEnv } from "../../utils/env.server";
import type { ParserJobInput, ParserJobKind, ParserJobOutput } from "./parser-jobs";
import { WorkerPool, type JobOutcome, type RunOptions, type WorkerEntry } from "./worker-pool";

/**
 * The process's pool of parser workers (ADR 0014): /verify, template imports and the YAML editor,
 * `vetted verify` and `vetted template import` parse untrusted input there, never on the event
 * loop. Sized by PARSER_WORKERS, PARSER_QUEUE_LIMIT, PARSER_TIMEOUT_SECONDS and
 * PARSER_WORKER_MEMORY_MB; created on first use.
 */

/** What a refused ("busy") request tells the client to wait, in seconds. */
export const PARSER_BUSY_RETRY_AFTER_SECONDS = 5;

/** Every parser worker is busy and the queue is full: the caller answers "busy, try again in a moment". */
export class ParserBusyError extends Error {
  constructor() {
    super("every parser worker is busy; try again in a moment");
    this.name = "ParserBusyError";
  }
}

// Names, not literals in `new URL("…", import.meta.url)`: bundlers rewrite that pattern.
const BUNDLED_WORKER = "parser-worker.js";
const SOURCE_WORKER = "parser-worker.ts";

/**
 * Where the worker's code is. In the production bundle (build/server/index.js) this module's URL
 * is the bundle's, and the worker was bundled next to it (scripts/build-parser-worker.mjs). From
 * the sources (Vitest, tsx, the Vite dev server) the module's URL ends in .ts: the worker thread
 * registers tsx itself (`--import tsx`) before it loads its TypeScript entry.
 */
export function parserWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  const here = new URL(moduleUrl);
  if (/\.tsx?$/.test(here.pathname)) {
    return { file: new URL(SOURCE_WORKER, here), execArgv: ["--import", "tsx"] };
  }
  return { file: new URL(BUNDLED_WORKER, here) };
}

let pool: WorkerPool | null = null;

export function parserPool(): WorkerPool {
  if (!pool) {
    const env = getEnv();
    pool = new WorkerPool({
      entry: parserWorkerEntry(),
      maxWorkers: env.PARSER_WORKERS,
      maxQueue: env.PARSER_QUEUE_LIMIT,
      timeoutMs: env.PARSER_TIMEOUT_SECONDS * 1000,
      resourceLimits: {
        maxOldGenerationSizeMb: env.PARSER_WORKER_MEMORY_MB,
        maxYoungGenerationSizeMb: 32,
        stackSizeMb: 4,
      },
    });
  }
  return pool;
}

/** The time a job may spend on its own before it gives up with a verdict: a little less than the pool allows. */
export function parserTimeBudgetMs(): number {
  return Math.max(100, Math.floor(getEnv().PARSER_TIMEOUT_SECONDS * 1000 * 0.9));
}

export function runParserJob<K extends ParserJobKind>(
  kind: K,
  input: ParserJobInput<K>,
  options?: RunOptions,
): Promise<JobOutcome<ParserJobOutput<K>>> {
  return parserPool().run<ParserJobOutput<K>>(kind, input, options);
}
