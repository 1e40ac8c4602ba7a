import path from "node:path";
import { getEnv, type Env } from "../../utils/env.server";
import type { EvidenceStore } from "./storage/evidence-store";
import { readAll } from "./storage/hashing-limit";
import { createLocalEvidenceStore } from "./storage/local-evidence-store.server";
import { createS3EvidenceStore, type S3EvidenceSettings } from "./storage/s3-evidence-store.server";

/**
 * The evidence store this instance is configured for (EVIDENCE_STORAGE, ADR 0036): the local
 * folder EVIDENCE_DIR (the embedded default) or an S3-compatible bucket shared by every instance.
 * Made once per parsed configuration (tests re-read the environment).
 */
let cached: { env: Env; store: EvidenceStore } | undefined;

export function evidenceStore(env: Env = getEnv()): EvidenceStore {
  if (cached?.env !== env) cached = { env, store: storeFor(env) };
  return cached.store;
}

export function storeFor(env: Env, kind: Env["EVIDENCE_STORAGE"] = env.EVIDENCE_STORAGE) {
  return kind === "s3"
    ? createS3EvidenceStore(s3SettingsOf(env))
    : createLocalEvidenceStore(env.EVIDENCE_DIR);
}

/** Where the configured store keeps evidence, for operators' messages (never a credential). */
export function describeEvidenceStore(
  env: Env = getEnv(),
  kind: Env["EVIDENCE_STORAGE"] = env.EVIDENCE_STORAGE,
): string {
  return kind === "s3"
    ? `the bucket s3://${env.S3_BUCKET ?? "?"}/${env.S3_PREFIX}`
    : `EVIDENCE_DIR (${path.resolve(env.EVIDENCE_DIR)})`;
}

export function s3SettingsOf(env: Env): S3EvidenceSettings {
  if (!env.S3_BUCKET || !env.S3_REGION)
    throw new Error("S3_BUCKET and S3_REGION must be set for object storage");
  return {
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET,
    prefix: env.S3_PREFIX,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    serverSideEncryption: env.S3_SERVER_SIDE_ENCRYPTION,
    kmsKeyId: env.S3_KMS_KEY_ID,
  };
}

/** The local folder of the local store (tests check mode and location of files there). */
export function evidencePathForTests(key: string): string {
  return createLocalEvidenceStore(getEnv().EVIDENCE_DIR).pathOf(key);
}

export function evidenceDir(): string {
  return path.resolve(getEnv().EVIDENCE_DIR);
}

/** The stored bytes of a key, whole (evidence is bounded by EVIDENCE_MAX_BYTES); null when missing. */
export async function readEvidenceBytes(key: string): Promise<Buffer | null> {
  const stream = await evidenceStore().get(key);
  return stream ? readAll(stream) : null;
}
