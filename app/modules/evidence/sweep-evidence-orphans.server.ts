import { db } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import { acquireJobLease, releaseJobLease } from "../reminders/job-lease.server";
import { evidenceStore } from "./evidence-storage.server";
import type { EvidenceStore } from "./storage/evidence-store";

const LEASE_NAME = "evidence-orphan-sweep";
// Long enough for a sweep over a large bucket; renewed by nobody, given back at the end.
const LEASE_MS = 30 * 60_000;
const BATCH = 500;

export interface OrphanSweepResult {
  ran: boolean;
  checked: number;
  removed: number;
}

/**
 * Removes stored evidence that no EvidenceFile row points to (a crash between storing the bytes
 * and writing the row; the upload itself deletes them on any error it sees). Only objects older
 * than the grace period are touched, so an upload between its put and its commit is never taken.
 * Rows marked deleted keep their bytes (remove-evidence: the audit trail names them). One
 * instance at a time through a database lease; another instance's concurrent call returns
 * `ran: false`.
 */
export async function sweepEvidenceOrphans({
  holder,
  now = new Date(),
  graceMinutes = getEnv().EVIDENCE_ORPHAN_GRACE_MINUTES,
  store = evidenceStore(),
}: {
  holder: string;
  now?: Date;
  graceMinutes?: number;
  store?: EvidenceStore;
}): Promise<OrphanSweepResult> {
  if (!(await acquireJobLease(LEASE_NAME, holder, now, LEASE_MS)))
    return { ran: false, checked: 0, removed: 0 };
  try {
    const cutoff = now.getTime() - graceMinutes * 60_000;
    let checked = 0;
    let removed = 0;
    let batch: string[] = [];
    const flush = async () => {
      const known = await db().evidenceFile.findMany({
        where: { storageKey: { in: batch } },
        select: { storageKey: true },
      });
      const referenced = new Set(known.map((row) => row.storageKey));
      for (const key of batch) {
        if (referenced.has(key)) continue;
        await store.delete(key);
        removed += 1;
      }
      batch = [];
    };
    for await (const object of store.list()) {
      if (object.lastModified.getTime() > cutoff) continue;
      checked += 1;
      batch.push(object.key);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    return { ran: true, checked, removed };
  } finally {
    await releaseJobLease(LEASE_NAME, holder, new Date());
  }
}
