import type { Readable } from "node:stream";

/**
 * Where evidence bytes live: the local folder (EVIDENCE_DIR, the embedded default) or an
 * S3-compatible bucket (ADR 0036). Keys are random (64 hex), chosen by the store, never derived
 * from the vendor's file name. The database row (EvidenceFile.storageKey, sha256, size) is the
 * truth about which objects should exist; everything else in the store is an orphan.
 */
export interface StoredEvidence {
  key: string;
  size: number;
  sha256: string;
}

export interface StoredObject {
  key: string;
  lastModified: Date;
}

export interface EvidenceStore {
  /** "local" or "s3": printed by commands, recorded in backup manifests. */
  readonly kind: "local" | "s3";
  /**
   * Streams `source` to a new random key, counting bytes and hashing them on the way. More than
   * `maxBytes` fails with EvidenceTooLargeError; any failure leaves nothing behind.
   */
  put(source: Readable, options: { maxBytes: number; size?: number }): Promise<StoredEvidence>;
  /** Stores under a given key (migration, restore); fails when the key is already taken. */
  putAt(key: string, source: Readable, options: { size: number }): Promise<void>;
  /** The stored bytes as a stream; null when there is no such object. */
  get(key: string): Promise<Readable | null>;
  exists(key: string): Promise<boolean>;
  /** Removes an object; no error when it is already gone. */
  delete(key: string): Promise<void>;
  /** Every object in the store with when it was written (orphan sweep, migration, backup). */
  list(): AsyncIterable<StoredObject>;
}

export const STORAGE_KEY_PATTERN = /^[0-9a-f]{64}$/;

export class EvidenceTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`evidence exceeds ${maxBytes} bytes`);
    this.name = "EvidenceTooLargeError";
  }
}

export function assertStorageKey(key: string): void {
  // The key is checked before it becomes a path or an object name: nothing else can reach storage.
  if (!STORAGE_KEY_PATTERN.test(key)) throw new Error("invalid evidence storage key");
}
