// What PostgreSQL's connections of one database are doing during a benchmark phase, sampled
// from pg_stat_activity every SAMPLE_MS: running a statement, waiting for a lock (writers queued
// on a row, e.g. an organisation's audit chain), idle inside a transaction (waiting for the
// application to send the next statement: a busy Node process) or idle in the pool. It tells
// serialisation on a lock apart from an application that is simply out of CPU.
import pg from "pg";

const SAMPLE_MS = 100;

export interface ActivitySampler {
  /** Stops sampling; the average number of connections per state over the samples taken. */
  stop(): Promise<string>;
}

export async function sampleActivity(databaseUrl: string): Promise<ActivitySampler> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const totals = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ what: string; n: string }>(
        `SELECT CASE
                  WHEN wait_event_type = 'Lock' THEN 'waiting for a lock'
                  WHEN state = 'active' THEN 'running a statement'
                  WHEN state LIKE 'idle in transaction%' THEN 'idle in a transaction'
                  ELSE 'idle' END AS what, count(*) AS n
           FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
           GROUP BY 1`,
      );
      samples++;
      for (const row of rows) totals.set(row.what, (totals.get(row.what) ?? 0) + Number(row.n));
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      if (samples === 0) return "  postgres connections: no samples";
      const order = ["running a statement", "waiting for a lock", "idle in a transaction", "idle"];
      return `  postgres connections (mean of ${samples} samples): ${order.map((what) => `${((totals.get(what) ?? 0) / samples).toFixed(1)} ${what}`).join(", ")}`;
    },
  };
}
