import { Histogram } from "prom-client";
import { counter, registry } from "./metrics-registry.server";

/**
 * What Vetted counts itself (issue 13, item 7). Names follow Prometheus conventions: a
 * `vetted_` prefix, the unit last, `_total` for counters. docs/operations/metrics.md lists them.
 */

/** Request durations by route (a Remix route id or a fixed label) and status class (2xx …). */
const requestDuration = new Histogram({
  name: "vetted_http_request_duration_seconds",
  help: "Time from the request's arrival to the last byte of the answer, by route and status class.",
  labelNames: ["route", "status_class"],
  // From a cached page (about 1 ms) to a slow signed report; the p95 of every page lies inside.
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

/** One finished request (server/app.js calls it with the access log's route label). */
export function observeRequest(route: string, status: number, seconds: number): void {
  const statusClass = status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other";
  requestDuration.observe({ route, status_class: statusClass }, seconds);
}

export type AutosaveOutcome = "saved" | "unchanged" | "conflict" | "invalid" | "error";
const autosaves = counter(
  "vetted_autosaves_total",
  "Autosaves of one answer by the vendor portal, by outcome (saved, unchanged, conflict, invalid, error).",
  ["outcome"],
);

export function countAutosave(outcome: AutosaveOutcome): void {
  autosaves.inc({ outcome });
}

export type DecisionOutcomeLabel = "APPROVED" | "APPROVED_WITH_CONDITIONS" | "REJECTED" | "refused";
const decisions = counter(
  "vetted_decisions_total",
  "Decisions of the DPO, by outcome (APPROVED, APPROVED_WITH_CONDITIONS, REJECTED; refused: not recorded because of a conflict, a missing second factor, separation of duties or invalid input).",
  ["outcome"],
);

export function countDecision(outcome: DecisionOutcomeLabel): void {
  decisions.inc({ outcome });
}

export type JobFailureOutcome = "retry" | "dead";
const jobFailures = counter(
  "vetted_job_failures_total",
  "Failed attempts of background jobs, by queue (the job's kind, e.g. mail.send) and outcome (retry: tried again later; dead: given up, listed for the organisation's ADMINs).",
  ["queue", "outcome"],
);

export function countJobFailure(kind: string, outcome: JobFailureOutcome): void {
  jobFailures.inc({ queue: kind, outcome });
}
