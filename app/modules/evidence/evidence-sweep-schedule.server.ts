import { logger } from "../../utils/logger.server";
import { startPeriodicTask } from "../../utils/periodic-task.server";
import { sweepEvidenceOrphans } from "./sweep-evidence-orphans.server";

/**
 * Runs the orphan sweep at start and then every `intervalMinutes` in this process
 * (server/index.js; 0 disables it); across instances the sweep's lease lets one of them run.
 */
export function startEvidenceSweepSchedule({
  intervalMinutes,
  holder,
}: {
  intervalMinutes: number;
  holder: string;
}): () => Promise<void> {
  return startPeriodicTask({
    name: "evidence.sweep",
    intervalMs: intervalMinutes * 60_000,
    runAtStart: true,
    run: async () => {
      const result = await sweepEvidenceOrphans({ holder });
      if (result.removed > 0) logger.info("evidence.orphans_removed", { ...result });
    },
  });
}
