// Starts a parser worker from the TypeScript sources (Vitest, `npm run vetted`, the dev server):
// Node 20 cannot load .ts in a worker by itself and ignores `--import tsx` in a worker's
// execArgv, so tsx is registered here, in the worker, before the entry is imported (ADR 0014).
// The production build needs none of this: it runs build/server/parser-worker.js.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
// The entry's URL comes from parser-pool.server.ts (a file of this directory), not from input.
// eslint-disable-next-line no-unsanitized/method
await import(workerData.entry);
