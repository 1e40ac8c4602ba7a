import { decryptSecret, encryptSecret } from "../../utils/crypto.server";
import { getEnv } from "../../utils/env.server";

/**
 * Job payloads are sealed with ENCRYPTION_KEY: a mail job carries the mail's body, and mail bodies
 * hold secrets (invite tokens, sign-in codes) that the database otherwise keeps only as hashes.
 * The payload is erased once the job is done or dead (complete-job.server.ts).
 */
export function sealJobPayload(payload: unknown): string {
  return encryptSecret(JSON.stringify(payload), getEnv().ENCRYPTION_KEY);
}

export function openJobPayload(sealed: string): unknown {
  return JSON.parse(decryptSecret(sealed, getEnv().ENCRYPTION_KEY)) as unknown;
}
