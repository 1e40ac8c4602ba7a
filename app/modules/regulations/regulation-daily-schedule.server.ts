import { logger } from "../../utils/logger.server";
import { startPeriodicTask } from "../../utils/periodic-task.server";
import { enqueueRegulationDailyJob } from "./regulation-daily-job.server";

/**
 * Queues the day's regulation job at start and then every `intervalMinutes` (server/index.js):
 * the first tick of a day queues it, later ticks and other instances meet its idempotency key.
 * The job runner runs it. The day is UTC's (catalogue days are UTC days).
 */
export function startRegulationDailySchedule({
  intervalMinutes = 60,
}: { intervalMinutes?: number } = {}): () => Promise<void> {
  return startPeriodicTask({
    name: "regulations.daily_queue",
    intervalMs: intervalMinutes * 60_000,
    runAtStart: true,
    run: async () => {
      const day = new Date().toISOString().slice(0, 10);
      if (await enqueueRegulationDailyJob(day)) logger.info("regulations.daily_queued", { day });
    },
  });
}
