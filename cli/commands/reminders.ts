import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { runReminderJob } from "../../app/modules/reminders/run-reminder-job.server";

/**
 * `reminders run`: one run of the reminder job, as the server's schedule would do it. It takes the
 * same lease, so next to a running instance that holds it, it does nothing (and says so).
 * Exit 1 when a mail could not be sent (it stays queued: the job queue retries it).
 */
export async function remindersRunCommand(): Promise<number> {
  const holder = `cli:${hostname()}:${process.pid}:${randomBytes(6).toString("hex")}`;
  const result = await runReminderJob({ holder });
  if (!result.leased) {
    process.stdout.write("Another instance is running the reminder job right now: nothing sent.\n");
    return 0;
  }
  process.stdout.write(`Reminders sent: ${result.sent}\n`);
  if (result.failed > 0) {
    process.stderr.write(
      `reminders run: ${result.failed} reminder(s) could not be sent yet; the job queue retries them\n`,
    );
    return 1;
  }
  return 0;
}
