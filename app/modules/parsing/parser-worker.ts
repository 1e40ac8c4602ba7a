import { parentPort, type Transferable } from "node:worker_threads";
import { parserJobs, type ParserJobKind } from "./parser-jobs";

/**
 * Entry of a parser worker thread (ADR 0014). The production build bundles it into
 * build/server/parser-worker.js (remix.config.js → scripts/build-parser-worker.mjs); from the
 * TypeScript sources (Vitest, the CLI, the dev server) parser-worker-tsx.mjs loads it through tsx.
 * One job at a time: the pool sends the next one only after this one answered.
 */
if (!parentPort) throw new Error("parser-worker.ts runs as a worker thread");
const port = parentPort;

port.on("message", async (message: { id: number; kind: ParserJobKind; input: unknown }) => {
  try {
    const job = parserJobs[message.kind] as ((input: unknown) => unknown) | undefined;
    if (!job) throw new Error(`unknown job kind ${String(message.kind)}`);
    const value = await job(message.input);
    port.postMessage({ id: message.id, ok: true, value }, movableBuffers(value));
  } catch (error) {
    port.postMessage({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});

/** The buffers of the result's Uint8Array properties that own their whole buffer: moved, not copied. */
function movableBuffers(value: unknown): Transferable[] {
  if (typeof value !== "object" || value === null) return [];
  return Object.values(value).flatMap((item) =>
    item instanceof Uint8Array && item.buffer instanceof ArrayBuffer && item.byteOffset === 0 && item.byteLength === item.buffer.byteLength ? [item.buffer] : [],
  );
}
