import { logger } from "../../utils/logger.server";
import { enqueueRegulationDailyJob } from "./regulation-daily-job.server";

/**
 * Queues the day's regulation job at start and then every `intervalMinutes` (server/index.js):
 * the first tick of a day queues it, later ticks and other instances meet its idempotency key.
 * The job runner runs it. The day is UTC's (catalogue days are UTC days).
 */
export function startRegulationDailySchedule({
  intervalMinutes = 60,
}: { intervalMinutes?: number } = {}): () => Promise<void> {
  if (intervalMinutes <= 0) return async () => {};
  const tick = async () => {
    const day = new Date().toISOString().slice(0, 10);
    try {
      if (await enqueueRegulationDailyJob(day)) logger.info("regulations.daily_queued", { day });
    } catch (error) {
      logger.error("regulations.daily_queue_failed", {
        error: String((error as Error)?.message ?? error),
      });
    }
  };
  const timer = setInterval(() => void tick(), intervalMinutes * 60_000);
  timer.unref();
  void tick();
  return async () => clearInterval(timer);
}
