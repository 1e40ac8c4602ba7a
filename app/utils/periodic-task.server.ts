import { logger } from "./logger.server";

/**
 * Runs `run` every `intervalMs` in this process (and once at start when `runAtStart`), for the
 * background schedules started by server/index.js. Runs never overlap within one process, and the
 * returned stop waits for the run in progress, so a shutdown never leaves a half-done run (and
 * its lease) behind; across instances each task's lease or idempotency key takes care of it. A
 * failed run is logged as `<name>_failed` and the next tick tries again. The timer does not keep
 * the process alive. An interval of 0 or less disables the task.
 */
export function startPeriodicTask({
  name,
  intervalMs,
  runAtStart,
  run,
}: {
  name: string;
  intervalMs: number;
  runAtStart: boolean;
  run: () => Promise<void>;
}): () => Promise<void> {
  if (intervalMs <= 0) return async () => {};
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    running ??= run()
      .catch((error: unknown) => {
        logger.error(`${name}_failed`, { error: String((error as Error)?.message ?? error) });
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  if (runAtStart) void tick();
  return () => {
    clearInterval(timer);
    return running ?? Promise.resolve();
  };
}
