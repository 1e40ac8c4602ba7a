import { logger } from "../../utils/logger.server";
import { sweepEvidenceOrphans } from "./sweep-evidence-orphans.server";

/**
 * Runs the orphan sweep at start and then every `intervalMinutes` in this process
 * (server/index.js; 0 disables it). Runs never overlap within one process; across instances the
 * sweep's lease lets one of them run. The timer does not keep the process alive.
 */
export function startEvidenceSweepSchedule({
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
        const result = await sweepEvidenceOrphans({ holder });
        if (result.removed > 0) logger.info("evidence.orphans_removed", { ...result });
      } catch (error) {
        logger.error("evidence.sweep_failed", {
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
  void tick();
  return () => {
    clearInterval(timer);
    return running ?? Promise.resolve();
  };
}
