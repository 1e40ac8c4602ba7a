import { Worker, type ResourceLimits, type Transferable } from "node:worker_threads";

/**
 * A small pool of worker threads for work on untrusted input (ADR 0014): at most `maxWorkers`
 * threads, started on demand; at most `maxQueue` jobs waiting behind them, beyond which a job is
 * refused at once ("busy") instead of piling up; a time budget per job after which its thread is
 * terminated (and replaced on demand); V8 resource limits per thread, so a hostile input can at
 * worst end a worker, never the process. Every outcome is a value, never an exception.
 *
 * The protocol with the worker entry: it receives { id, kind, input } and answers
 * { id, ok: true, value } or { id, ok: false, error }.
 */
export type JobOutcome<T> =
  | { status: "done"; value: T }
  /** Every worker is busy and the queue is full: try again later. */
  | { status: "busy" }
  /** The job used up its time budget; its worker was terminated. */
  | { status: "timeout" }
  /** The worker died (out of memory, crashed) or the job threw. */
  | { status: "failed"; reason: string };

export interface WorkerEntry {
  file: URL;
  /** Node options of the worker thread, e.g. `--import tsx` for an entry written in TypeScript. */
  execArgv?: string[];
}

export interface WorkerPoolOptions {
  entry: WorkerEntry;
  maxWorkers: number;
  /** Jobs that may wait for a worker; 0: none wait. */
  maxQueue: number;
  /** Default time budget of a job, counted from the moment its worker runs it. */
  timeoutMs: number;
  resourceLimits: ResourceLimits;
}

export interface RunOptions {
  /** ArrayBuffers moved (not copied) to the worker; the caller must not use them afterwards. */
  transfer?: Transferable[];
  timeoutMs?: number;
}

export interface WorkerPoolStats {
  workers: number;
  running: number;
  queued: number;
  completed: number;
  refused: number;
  timedOut: number;
  failed: number;
  workersStarted: number;
}

interface Job {
  id: number;
  kind: string;
  input: unknown;
  transfer: Transferable[];
  timeoutMs: number;
  settle: (outcome: JobOutcome<unknown>) => void;
}

interface Slot {
  worker: Worker;
  online: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly counters = {
    completed: 0,
    refused: 0,
    timedOut: 0,
    failed: 0,
    workersStarted: 0,
  };

  constructor(private readonly options: WorkerPoolOptions) {
    if (!(options.maxWorkers >= 1)) throw new Error("a worker pool needs at least one worker");
  }

  /** Whether a job submitted now would run or wait rather than be refused. */
  hasRoom(): boolean {
    if (this.closed) return false;
    const idle = [...this.slots].some((slot) => slot.job === null);
    return (
      idle || this.slots.size < this.options.maxWorkers || this.queue.length < this.options.maxQueue
    );
  }

  stats(): WorkerPoolStats {
    const running = [...this.slots].filter((slot) => slot.job !== null).length;
    return { workers: this.slots.size, running, queued: this.queue.length, ...this.counters };
  }

  run<T>(kind: string, input: unknown, options: RunOptions = {}): Promise<JobOutcome<T>> {
    if (!this.hasRoom()) {
      this.counters.refused += 1;
      return Promise.resolve({ status: "busy" });
    }
    return new Promise<JobOutcome<T>>((resolve) => {
      const job: Job = {
        id: this.nextId++,
        kind,
        input,
        transfer: options.transfer ?? [],
        timeoutMs: options.timeoutMs ?? this.options.timeoutMs,
        settle: resolve as (outcome: JobOutcome<unknown>) => void,
      };
      this.queue.push(job);
      this.pump();
    });
  }

  /** Terminates every worker; waiting and running jobs end as "failed". */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0))
      job.settle({ status: "failed", reason: "the pool was closed" });
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots)
      this.finish(slot, { status: "failed", reason: "the pool was closed" });
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => s.job === null);
      if (!slot && this.slots.size < this.options.maxWorkers) slot = this.start();
      if (!slot) return;
      this.assign(slot, this.queue.shift()!);
    }
  }

  private start(): Slot {
    const worker = new Worker(this.options.entry.file, {
      execArgv: this.options.entry.execArgv,
      resourceLimits: this.options.resourceLimits,
    });
    const slot: Slot = { worker, online: false, job: null, timer: null };
    this.counters.workersStarted += 1;
    this.slots.add(slot);
    worker.on("online", () => {
      slot.online = true;
      // Starting a thread is not the job's time: its budget runs from now.
      if (slot.job) this.arm(slot);
    });
    worker.on("message", (reply: Reply) => {
      if (!slot.job || reply?.id !== slot.job.id) return;
      this.counters[reply.ok ? "completed" : "failed"] += 1;
      this.finish(
        slot,
        reply.ok
          ? { status: "done", value: reply.value }
          : { status: "failed", reason: reply.error },
      );
      worker.unref();
      this.pump();
    });
    worker.on("error", (error) =>
      this.lose(slot, error instanceof Error ? error.message : String(error)),
    );
    worker.on("exit", (code) => this.lose(slot, `the worker exited (${code})`));
    return slot;
  }

  private assign(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    if (slot.online) this.arm(slot);
    try {
      slot.worker.postMessage({ id: job.id, kind: job.kind, input: job.input }, job.transfer);
    } catch (error) {
      this.counters.failed += 1;
      this.finish(slot, {
        status: "failed",
        reason: error instanceof Error ? error.message : String(error),
      });
      this.pump();
    }
  }

  private arm(slot: Slot): void {
    const job = slot.job!;
    slot.timer = setTimeout(() => {
      if (slot.job !== job) return;
      this.counters.timedOut += 1;
      this.slots.delete(slot);
      this.finish(slot, { status: "timeout" });
      void slot.worker.terminate();
      this.pump();
    }, job.timeoutMs);
  }

  /** The worker is gone (crash, out of memory, exit): its job fails, a new worker takes over on demand. */
  private lose(slot: Slot, reason: string): void {
    if (!this.slots.has(slot)) return;
    this.slots.delete(slot);
    if (slot.job) this.counters.failed += 1;
    this.finish(slot, { status: "failed", reason });
    void slot.worker.terminate();
    this.pump();
  }

  private finish(slot: Slot, outcome: JobOutcome<unknown>): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    job?.settle(outcome);
  }
}
