import { describe, expect, it } from "vitest";
import { counter, registerGauge, registry } from "./metrics-registry.server";

/**
 * The registry other modules extend (issue 13, item 7): a gauge read at scrape time (the job
 * queue's depth comes in this way), re-registration without an error, counters by name.
 */
describe("metrics registry", () => {
  it("reads a registered gauge's samples at every scrape, and only the current ones", async () => {
    let depth: Record<string, number> = { mail: 3, reminders: 0 };
    registerGauge({
      name: "vetted_test_queue_depth",
      help: "Jobs waiting, by queue (test).",
      labelNames: ["queue"],
      collect: () => Object.entries(depth).map(([queue, value]) => ({ labels: { queue }, value })),
    });
    const first = await registry.metrics();
    expect(first).toContain('vetted_test_queue_depth{queue="mail"} 3');
    expect(first).toContain('vetted_test_queue_depth{queue="reminders"} 0');
    depth = { mail: 1 };
    const second = await registry.metrics();
    expect(second).toContain('vetted_test_queue_depth{queue="mail"} 1');
    expect(second).not.toContain('queue="reminders"');
  });

  it("accepts a plain number and a second registration of the same name (a module loaded twice)", async () => {
    registerGauge({ name: "vetted_test_single", help: "One value (test).", collect: () => 1 });
    registerGauge({
      name: "vetted_test_single",
      help: "One value (test).",
      collect: async () => 2,
    });
    expect(await registry.metrics()).toMatch(/^vetted_test_single 2$/m);
  });

  it("hands out one counter per name", async () => {
    const a = counter("vetted_test_failures_total", "Failures (test).", ["queue"]);
    const b = counter("vetted_test_failures_total", "Failures (test).", ["queue"]);
    expect(b).toBe(a);
    a.inc({ queue: "mail" });
    b.inc({ queue: "mail" });
    expect(await registry.metrics()).toContain('vetted_test_failures_total{queue="mail"} 2');
  });
});
