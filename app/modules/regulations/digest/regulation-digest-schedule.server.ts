import { logger } from "../../../utils/logger.server";
import { startPeriodicTask } from "../../../utils/periodic-task.server";
import { runRegulationDigest } from "./run-regulation-digest.server";

/**
 * Checks every `intervalMinutes` in this process whether this ISO week's digest is due (0
 * disables it). The first check comes one interval after start, not at start: a restart loop or a
 * short-lived test server never mails anybody, and a week has room for many checks. Across
 * instances the lease and the per-week job keys take care of it.
 */
export function startRegulationDigestSchedule({
  intervalMinutes,
  holder,
}: {
  intervalMinutes: number;
  holder: string;
}): () => Promise<void> {
  return startPeriodicTask({
    name: "regulation_digest.run",
    intervalMs: intervalMinutes * 60_000,
    runAtStart: false,
    run: async () => {
      const result = await runRegulationDigest({ holder });
      if (result.mails > 0) logger.info("regulation_digest.run", { ...result });
    },
  });
}
