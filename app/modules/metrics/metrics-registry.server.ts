import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The process's Prometheus registry (prom-client) and the two ways other modules add to it. One
 * registry per copy of this module, not prom-client's global one: tests load several instances
 * of the server bundle into one process, and each app must count only its own requests.
 *
 * Label values must come from a small closed set (route ids, outcomes, queue names): never ids,
 * paths, e-mail addresses or anything a client chose; every distinct value is a new time series.
 */
export const registry = new Registry();

let defaultMetricsOn = false;

/** Node's own metrics (CPU, memory, event-loop lag, handles), once per registry. */
export function collectProcessMetrics(): void {
  if (defaultMetricsOn) return;
  defaultMetricsOn = true;
  collectDefaultMetrics({ register: registry });
}

/** One sample of a gauge: its value, with labels when the gauge has label names. */
export type GaugeSample = { value: number; labels?: Record<string, string> };

export interface GaugeDefinition {
  /** snake_case with the unit last, e.g. `vetted_job_queue_depth` or `vetted_db_pool_clients`. */
  name: string;
  help: string;
  labelNames?: readonly string[];
  /**
   * Called at every scrape: the gauge's current value(s). A number for a gauge without labels;
   * samples for one with labels (series not returned this time disappear from the output).
   */
  collect: () => number | GaugeSample[] | Promise<number | GaugeSample[]>;
}

/**
 * Registers a gauge whose value is read at scrape time (queue depth, pool usage). Registering a
 * name again replaces the earlier definition (a module loaded twice must not throw).
 */
export function registerGauge(definition: GaugeDefinition): void {
  registry.removeSingleMetric(definition.name);
  const labelNames = [...(definition.labelNames ?? [])];
  new Gauge({
    name: definition.name,
    help: definition.help,
    labelNames,
    registers: [registry],
    async collect() {
      const current = await definition.collect();
      this.reset();
      if (typeof current === "number") this.set(current);
      else for (const sample of current) this.set(sample.labels ?? {}, sample.value);
    },
  });
}

/**
 * A counter (monotonic: requests, saves, failures) by name; the same object for the same name,
 * so modules may ask for it where they count.
 */
export function counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Counter) return existing;
  return new Counter({ name, help, labelNames: [...labelNames], registers: [registry] });
}
