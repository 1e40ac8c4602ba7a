import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import "./app-metrics.server";
import { registry } from "./metrics-registry.server";

/**
 * The sample Grafana dashboard (docs/operations/grafana-dashboard.json) queries metrics that
 * exist: a renamed metric must not leave an empty panel behind. The pool and queue gauges are
 * registered when the endpoint starts (they read the database), the rest on import.
 */
const REGISTERED_WITH_THE_ENDPOINT = new Set([
  "vetted_db_pool_connections",
  "vetted_job_queue_depth",
]);

describe("the sample Grafana dashboard", () => {
  it("queries only metrics Vetted exports", async () => {
    const dashboard = readFileSync(
      new URL("../../../docs/operations/grafana-dashboard.json", import.meta.url),
      "utf8",
    );
    const queried = new Set(
      [...dashboard.matchAll(/\b(vetted_[a-z_]+?)(?:_bucket|_count|_sum)?\b/g)].map((m) => m[1]!),
    );
    expect(queried.size).toBeGreaterThan(3);
    const exported = new Set((await registry.getMetricsAsJSON()).map((metric) => metric.name));
    for (const name of queried) {
      if (REGISTERED_WITH_THE_ENDPOINT.has(name)) continue;
      expect(exported, name).toContain(name);
    }
  });
});
