import { parseArgs } from "node:util";
import {
  describeEvidenceStore,
  storeFor,
} from "../../app/modules/evidence/evidence-storage.server";
import { migrateEvidenceStore } from "../../app/modules/evidence/storage/migrate-evidence-store.server";
import { getEnv } from "../../app/utils/env.server";

/**
 * `evidence migrate --to s3|local`: copies every evidence object from the other store into the
 * named one (EVIDENCE_DIR ↔ the S3_* bucket), verifying each SHA-256; re-running skips what is
 * done. Exit 1 when an object is missing or did not verify (nothing is deleted either way).
 */
export async function evidenceMigrateCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { to: { type: "string" } } });
  if (values.to !== "s3" && values.to !== "local") {
    process.stderr.write("Usage: npm run vetted -- evidence migrate --to s3|local\n");
    return 2;
  }
  const env = getEnv();
  const to = values.to;
  const from = to === "s3" ? "local" : "s3";
  let source;
  let target;
  try {
    source = storeFor(env, from);
    target = storeFor(env, to);
  } catch (error) {
    process.stderr.write(`evidence migrate: ${(error as Error).message}\n`);
    return 2;
  }
  process.stdout.write(
    `copying evidence from ${describeEvidenceStore(env, from)} to ${describeEvidenceStore(env, to)}\n`,
  );
  const result = await migrateEvidenceStore(source, target, (done) =>
    process.stdout.write(`… ${done} rows\n`),
  );
  for (const key of result.missing)
    process.stderr.write(`evidence migrate: ${key} is in neither store\n`);
  for (const line of result.failed) process.stderr.write(`evidence migrate: ${line}\n`);
  process.stdout.write(
    `evidence migrate to=${to} rows=${result.rows} copied=${result.copied} skipped=${result.skipped} missing=${result.missing.length} failed=${result.failed.length}\n`,
  );
  if (result.missing.length > 0 || result.failed.length > 0) return 1;
  if (env.EVIDENCE_STORAGE !== to)
    process.stdout.write(
      `all verified: set EVIDENCE_STORAGE=${to} and restart every instance, then run this once more for uploads made in between\n`,
    );
  return 0;
}
