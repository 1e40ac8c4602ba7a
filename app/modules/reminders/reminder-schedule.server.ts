import { logger } from "../../utils/logger.server";
import { runReminderJob } from "./run-reminder-job.server";

/**
 * Runs the reminder job at start and then every `intervalMinutes` in this process (server/index.js;
 * 0 disables it). Runs never overlap within one process; across instances the job's lease and the
 * dispatch unique key take care of it. The timer does not keep the process alive.
 */
export function startReminderSchedule({
  intervalMinutes,
  holder,
}: {
  intervalMinutes: number;
  holder: string;
}): () => Promise<void> {
  if (intervalMinutes <= 0) return async () => {};
  // The run in progress, if any: runs never overlap, and stopping waits for it (its lease is
  // given back when it ends), so a shutdown never leaves a half-done run behind.
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    running ??= (async () => {
      try {
        const result = await runReminderJob({ holder });
        if (result.sent > 0 || result.failed > 0) logger.info("reminders.run", { ...result });
      } catch (error) {
        logger.error("reminders.run_failed", { error: String((error as Error)?.message ?? error) });
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMinutes * 60_000);
  timer.unref();
  void tick();
  return () => {
    clearInterval(timer);
    return running ?? Promise.resolve();
  };
}
