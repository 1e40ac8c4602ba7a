import { databasePoolUsage } from "../../utils/db.server";
import { registerGauge } from "./metrics-registry.server";

/**
 * PostgreSQL pool usage of this process, read at each scrape: `total` open connections, `idle`
 * ones, clients `waiting` for a connection (above 0 for long: the pool is too small or queries
 * hold connections too long) and the configured `max`. No samples on SQLite (no pool).
 */
export function registerDatabasePoolMetrics(): void {
  registerGauge({
    name: "vetted_db_pool_connections",
    help: "PostgreSQL connection pool of this process: total, idle and max connections, and clients waiting for one (state label).",
    labelNames: ["state"],
    collect: () => {
      const usage = databasePoolUsage();
      if (!usage) return [];
      return Object.entries(usage).map(([state, value]) => ({ labels: { state }, value }));
    },
  });
}
