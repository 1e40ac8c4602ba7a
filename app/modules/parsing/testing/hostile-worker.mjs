// A worker for the pool's tests that behaves like hostile input would make a parser behave:
// it loops forever (no cooperative deadline helps) or allocates until V8's heap limit ends it.
// Same protocol as app/modules/parsing/parser-worker.ts.
import { parentPort } from "node:worker_threads";

const jobs = {
  echo: (input) => input,
  spin: () => {
    for (;;) {
      // never returns: only terminating the thread ends this
    }
  },
  allocate: () => {
    const kept = [];
    for (;;) kept.push(new Array(100_000).fill({ kept: kept.length }));
  },
};

parentPort.on("message", async ({ id, kind, input }) => {
  try {
    parentPort.postMessage({ id, ok: true, value: await jobs[kind](input) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: String(error) });
  }
});
