import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, type Transferable } from "node:worker_threads";
import { parserJobs, type ParserJobKind } from "./parser-jobs";

/**
 * Entry of a parser worker thread (ADR 0014). The production build bundles it into
 * build/server/parser-worker.js (remix.config.js → scripts/build-parser-worker.mjs); from the
 * TypeScript sources (Vitest, the CLI, the dev server) the thread loads it through `--import tsx`.
 * One job at a time: the pool sends the next one only after this one answered.
 */
if (!parentPort) throw new Error("parser-worker.ts runs as a worker thread");
const port = parentPort;

/**
 * Parsing yields the CPU to the event loop: on Linux a thread has its own nice value, so this
 * thread asks for 10 (lower priority). When the cores are busy, the main thread's requests run
 * first and the parsing waits. Elsewhere (or when not allowed) nothing changes.
 */
const WORKER_NICE = 10;
try {
  const thread = /task\/(\d+)$/.exec(readlinkSync("/proc/thread-self"))?.[1];
  if (thread) setPriority(Number(thread), WORKER_NICE);
} catch {
  // not Linux, or not permitted: the worker keeps the process's priority
}

port.on("message", async (message: { id: number; kind: ParserJobKind; input: unknown }) => {
  try {
    const job = parserJobs[message.kind] as ((input: unknown) => unknown) | undefined;
    if (!job) throw new Error(`unknown job kind ${String(message.kind)}`);
    const value = await job(message.input);
    port.postMessage({ id: message.id, ok: true, value }, movableBuffers(value));
  } catch (error) {
    port.postMessage({
      id: message.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});

/**
 * The buffers of the result's Uint8Array properties: moved back, not copied. Every buffer here
 * belongs to this job (moved in with its input, or made by it).
 */
function movableBuffers(value: unknown): Transferable[] {
  if (typeof value !== "object" || value === null) return [];
  const buffers = Object.values(value).flatMap((item) =>
    item instanceof Uint8Array && item.buffer instanceof ArrayBuffer ? [item.buffer] : [],
  );
  return [...new Set(buffers)];
}
