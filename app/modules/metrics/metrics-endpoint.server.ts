import { timingSafeEqual, createHash } from "node:crypto";
import { getEnv } from "../../utils/env.server";
import { observeRequest } from "./app-metrics.server";
import { registerDatabasePoolMetrics } from "./database-pool-metrics.server";
import { registerJobQueueMetrics } from "./job-queue-metrics.server";
import { collectProcessMetrics, registry } from "./metrics-registry.server";

/**
 * What server/app.js needs for `/metrics` (exported by app/entry.server.tsx): whether it is
 * switched on, the bearer-token check, the text exposition, and the per-request observation.
 * Off unless METRICS_TOKEN is set (docs/operations/metrics.md: why a token on the main port).
 */
let started = false;

function enabled(): boolean {
  return Boolean(getEnv().METRICS_TOKEN);
}

function start(): void {
  if (started) return;
  started = true;
  collectProcessMetrics();
  registerDatabasePoolMetrics();
  registerJobQueueMetrics();
}

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/**
 * The Authorization header carries `Bearer <METRICS_TOKEN>`. Compared as SHA-256 digests in
 * constant time: neither the length nor a prefix of the token leaks through the timing.
 */
function authorized(authorization: string | undefined): boolean {
  const token = getEnv().METRICS_TOKEN;
  if (!token || !authorization) return false;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(token));
}

async function render(): Promise<{ contentType: string; body: string }> {
  start();
  return { contentType: registry.contentType, body: await registry.metrics() };
}

export const metrics = {
  enabled,
  /** Called once by createApp when metrics are on: process metrics start being kept. */
  start,
  authorized,
  render,
  observeRequest,
};
