import { db } from "../../utils/db.server";
import { registerGauge } from "./metrics-registry.server";

const WAITING_STATUSES = ["queued", "running", "dead"];

/**
 * The durable job queue (ADR 0028) as this database holds it, read at each scrape: jobs per
 * queue (kind) and status. Every instance reports the same shared figures, so aggregate with
 * max, not sum, across instances. A growing `queued` count means the runners fall behind or a
 * mail server is down; `dead` jobs wait for an ADMIN (Admin → Failed jobs).
 */
export function registerJobQueueMetrics(): void {
  registerGauge({
    name: "vetted_job_queue_depth",
    help: "Jobs in the durable queue by queue (kind) and status (queued, running, dead); the same for every instance.",
    labelNames: ["queue", "status"],
    collect: async () => {
      const groups = await db().job.groupBy({
        by: ["kind", "status"],
        where: { status: { in: WAITING_STATUSES } },
        _count: { _all: true },
      });
      return groups.map((group) => ({
        labels: { queue: group.kind, status: group.status },
        value: group._count._all,
      }));
    },
  });
}
