import { afterEach, describe, expect, it, vi } from "vitest";
import { startPeriodicTask } from "./periodic-task.server";

afterEach(() => {
  vi.useRealTimers();
});

/** A run that ends only when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe("startPeriodicTask", () => {
  it("never overlaps runs, and stop waits for the run in progress", async () => {
    vi.useFakeTimers();
    const first = gate();
    let started = 0;
    let finished = 0;
    const stop = startPeriodicTask({
      name: "test.task",
      intervalMs: 1_000,
      runAtStart: true,
      run: async () => {
        started += 1;
        await first.opened;
        finished += 1;
      },
    });
    expect(started).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(started).toBe(1);
    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    first.open();
    await stopping;
    expect(finished).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(started).toBe(1);
  });

  it("waits one interval when not run at start, keeps going after a failure, and is off at 0", async () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const stop = startPeriodicTask({
      name: "test.failing",
      intervalMs: 1_000,
      runAtStart: false,
      run: async () => {
        runs.push(Date.now());
        if (runs.length === 1) throw new Error("first run fails");
      },
    });
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toHaveLength(2);
    await stop();

    let ran = false;
    const off = startPeriodicTask({
      name: "test.off",
      intervalMs: 0,
      runAtStart: true,
      run: async () => void (ran = true),
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ran).toBe(false);
    await off();
  });
});
