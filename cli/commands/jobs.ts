import { db } from "../../app/utils/db.server";
import { runJobsNow } from "../../app/modules/jobs/job-runner.server";
import { retryDeadJobAsOperator } from "../../app/modules/jobs/requeue-dead-job.server";

/**
 * `jobs list`: the queue's figures and the dead jobs of every organisation (never a payload).
 * `jobs retry <id>`: a dead job back into the queue (audited "job.retried" by "cli"), tried once
 * at once; exit 1 when it is not dead or not found, or the attempt failed (the queue retries it).
 */
export async function jobsCommand(command: string | undefined, args: string[]): Promise<number> {
  if (command === "list") {
    const counts = await db().job.groupBy({ by: ["status"], _count: { _all: true } });
    const byStatus = new Map(counts.map((c) => [c.status, c._count._all]));
    process.stdout.write(
      `queued ${byStatus.get("queued") ?? 0}, running ${byStatus.get("running") ?? 0}, done ${byStatus.get("done") ?? 0}, dead ${byStatus.get("dead") ?? 0}\n`,
    );
    const dead = await db().job.findMany({
      where: { status: "dead" },
      orderBy: { finishedAt: "desc" },
      take: 200,
      select: {
        id: true,
        kind: true,
        attempts: true,
        lastError: true,
        finishedAt: true,
        organization: { select: { slug: true } },
      },
    });
    for (const job of dead) {
      process.stdout.write(
        `${job.id}\t${job.organization?.slug ?? "-"}\t${job.kind}\t${job.attempts} attempts\t${job.finishedAt?.toISOString() ?? ""}\t${job.lastError ?? ""}\n`,
      );
    }
    return 0;
  }
  if (command === "retry" && args[0]) {
    const job = await retryDeadJobAsOperator(args[0]);
    if (!job) {
      process.stderr.write(`jobs retry: no dead job ${args[0]}\n`);
      return 1;
    }
    const delivered = await runJobsNow([job.id]);
    process.stdout.write(
      delivered.has(job.id)
        ? `Job ${job.id} (${job.kind}) done.\n`
        : `Job ${job.id} (${job.kind}) queued again; its first attempt failed, the queue retries it.\n`,
    );
    return delivered.has(job.id) ? 0 : 1;
  }
  process.stderr.write("Usage: npm run vetted -- jobs list | jobs retry <job-id>\n");
  return 2;
}
