import { randomInt } from "node:crypto";
import { db, type Tx } from "./db.server";
import { DomainError } from "./errors";
import { classifyWriteError } from "./write-conflicts";

/**
 * Runs `work` in one database transaction. Writers that race for the same audit-chain position
 * (unique organizationId+seq) or another key a retry can resolve, or hit a busy/serialisation
 * error, are retried from the start, so the chain never forks and no write is lost (the list is
 * in write-conflicts.ts). `work` must therefore be safe to run again (no side effects inside); a
 * side effect that must follow the commit is registered with `afterCommit`. A genuine duplicate
 * is not retried: it becomes a CONFLICT DomainError with a readable message.
 */
const MAX_ATTEMPTS = 6;

// Callbacks of the transactions that are running, keyed by their client: an attempt that rolls
// back (and is retried) drops its own list, so nothing runs for a write that did not happen.
// A callback may return a promise (awaited by inTransaction); other return values are ignored.
type AfterCommitCallback = () => unknown;
const pendingAfterCommit = new WeakMap<Tx, AfterCommitCallback[]>();

export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const callbacks: AfterCommitCallback[] = [];
    let result: T;
    try {
      result = await db().$transaction(
        (tx) => {
          pendingAfterCommit.set(tx, callbacks);
          return work(tx);
        },
        { maxWait: 10_000, timeout: 20_000 },
      );
    } catch (error) {
      const kind = classifyWriteError(error);
      if (kind === "duplicate") throw new DomainError("CONFLICT", "errors.alreadyExists");
      if (attempt >= MAX_ATTEMPTS || kind !== "retry") throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + randomInt(20)));
      continue;
    }
    // Committed: from here nothing may retry the work. Asynchronous callbacks (an immediate
    // delivery of the mails the work queued) are awaited before the caller goes on.
    const pending: Promise<unknown>[] = [];
    for (const callback of callbacks) {
      const returned = callback();
      if (returned instanceof Promise) pending.push(returned);
    }
    await Promise.all(pending);
    return result;
  }
}

/**
 * Runs `callback` once the transaction `tx` has committed (never for an attempt that rolled back).
 * Meant for side effects that must only describe committed state, such as log lines or an
 * immediate attempt at the jobs the work enqueued (inTransaction awaits a returned promise). Outside
 * `inTransaction` there is no commit to wait for, and the callback runs at once.
 */
export function afterCommit(tx: Tx, callback: AfterCommitCallback): void {
  const callbacks = pendingAfterCommit.get(tx);
  if (callbacks) callbacks.push(callback);
  else void callback();
}
