import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
// s3rver ships no types; the little used here is declared below.
// @ts-expect-error -- untyped package
import S3rver from "s3rver";

/**
 * A real S3-compatible server on 127.0.0.1 for tests: s3rver (npm), which speaks the S3 REST
 * API over HTTP with SigV4 and keeps objects in a temporary folder. Each call starts its own
 * server on an ephemeral port with one empty bucket.
 *
 *   const s3 = await startS3Emulator();
 *   Object.assign(process.env, s3.env);   // EVIDENCE_STORAGE=s3, S3_*, AWS_* for the SDK
 *   …
 *   await s3.stop();
 */
export interface S3Emulator {
  endpoint: string;
  bucket: string;
  region: string;
  /** The environment that points Vetted at this server (and gives the SDK its test credentials). */
  env: Record<string, string>;
  client: S3Client;
  stop(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}

// s3rver's fixed development credentials: known to everyone, accepted by it alone.
const ACCESS_KEY = "S3RVER";
const SECRET_KEY = "S3RVER";

export async function startS3Emulator(bucket = "vetted-evidence"): Promise<S3Emulator> {
  const directory = await mkdtemp(path.join(tmpdir(), "vetted-s3-"));
  const Server = S3rver as new (options: Record<string, unknown>) => S3rverInstance;
  const server = new Server({ address: "127.0.0.1", port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const region = "eu-central-1";
  const client = new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    endpoint,
    bucket,
    region,
    client,
    env: {
      EVIDENCE_STORAGE: "s3",
      S3_ENDPOINT: endpoint,
      S3_REGION: region,
      S3_BUCKET: bucket,
      S3_FORCE_PATH_STYLE: "true",
      AWS_ACCESS_KEY_ID: ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: SECRET_KEY,
    },
    async stop() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
