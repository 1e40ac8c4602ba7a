import { logger } from "../../../utils/logger.server";
import { runRegulationDigest } from "./run-regulation-digest.server";

/**
 * Checks every `intervalMinutes` in this process whether this ISO week's digest is due (0
 * disables it). The first check comes one interval after start, not at start: a restart loop or a
 * short-lived test server never mails anybody, and a week has room for many checks. Runs never
 * overlap within a process; across instances the lease and the per-week job keys take care of it.
 */
export function startRegulationDigestSchedule({
  intervalMinutes,
  holder,
}: {
  intervalMinutes: number;
  holder: string;
}): () => Promise<void> {
  if (intervalMinutes <= 0) return async () => {};
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    running ??= (async () => {
      try {
        const result = await runRegulationDigest({ holder });
        if (result.mails > 0) logger.info("regulation_digest.run", { ...result });
      } catch (error) {
        logger.error("regulation_digest.run_failed", {
          error: String((error as Error)?.message ?? error),
        });
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMinutes * 60_000);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running ?? Promise.resolve();
  };
}
