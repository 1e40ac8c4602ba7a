import { logger } from "../../utils/logger.server";
import { startPeriodicTask } from "../../utils/periodic-task.server";
import { runReminderJob } from "./run-reminder-job.server";

/**
 * Runs the reminder job at start and then every `intervalMinutes` in this process (server/index.js;
 * 0 disables it). Across instances the job's lease and the dispatch unique key take care of it.
 */
export function startReminderSchedule({
  intervalMinutes,
  holder,
}: {
  intervalMinutes: number;
  holder: string;
}): () => Promise<void> {
  return startPeriodicTask({
    name: "reminders.run",
    intervalMs: intervalMinutes * 60_000,
    runAtStart: true,
    run: async () => {
      const result = await runReminderJob({ holder });
      if (result.sent > 0 || result.failed > 0) logger.info("reminders.run", { ...result });
    },
  });
}
