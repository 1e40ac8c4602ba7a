import { availableParallelism } from "node:os";
import { z } from "zod";

/**
 * Environment, parsed once at first use. Missing or wrong configuration fails fast with a
 * message that names every offending variable. Secrets in here never leave the server.
 */
const base64Key32 = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded");

/** An empty value (S3_ENDPOINT= in a compose file) means unset. */
function emptyAsUnset<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema);
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .min(1)
      .refine(
        (v) =>
          v.startsWith("file:") || v.startsWith("postgres://") || v.startsWith("postgresql://"),
        "must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)",
      ),
    // PostgreSQL only: connections per instance, and how long making one may take.
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
    APP_URL: z.url().default("http://localhost:3000"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("127.0.0.1"),
    // Set when a reverse proxy terminates TLS and sends X-Forwarded-For / X-Forwarded-Host.
    TRUST_PROXY: z.stringbool().default(false),
    // /readyz: how long the database may take to answer SELECT 1 before the instance is not ready.
    READINESS_TIMEOUT_SECONDS: z.coerce.number().positive().max(60).default(2),
    // SIGTERM/SIGINT: how long in-flight requests may take to finish before they are cut (exit 1).
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(10),
    ENCRYPTION_KEY: base64Key32,
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters"),
    SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
    MFA_STEP_UP_MINUTES: z.coerce.number().int().positive().default(5),
    INVITE_TTL_DAYS: z.coerce.number().int().positive().default(30),
    USER_INVITATION_TTL_DAYS: z.coerce.number().int().positive().default(7),
    MAIL_FROM: z.string().default("Vetted <no-reply@vetted.localhost>"),
    // outbox (stored in the database, listed on /dev/outbox), smtp://host:port,
    // smtps://user:pass@host:port, or file:<dir> (writes .eml files; e2e tests)
    MAIL_URL: z
      .string()
      .default("outbox")
      .refine(
        (v) => v === "outbox" || /^file:.+/.test(v) || /^smtps?:\/\/[^\s/]+/.test(v),
        "must be outbox, file:<dir>, smtp://… or smtps://…",
      ),
    // How often each instance runs the vendor reminder job (0: never; a lease keeps it to one instance).
    REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
    // How often each instance checks whether this ISO week's digest of regulatory changes is due
    // (0: never; then use `regulations digest`). Once per organisation and week, whoever runs it.
    REGULATION_DIGEST_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
    // How often an instance checks that the day's regulation job (issue 14 item 7) is queued; 0: off.
    REGULATION_DAILY_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    // Bearer token of GET /metrics (Prometheus); unset: no metrics endpoint (docs/operations/metrics.md).
    // An empty value (METRICS_TOKEN= in a compose file) means unset.
    METRICS_TOKEN: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .string()
        .min(32, "must be at least 32 characters (e.g. openssl rand -hex 32)")
        .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces")
        .optional(),
    ),
    // Uploaded evidence lives outside the web root under random names (app/modules/evidence).
    EVIDENCE_DIR: z.string().min(1).default(".data/evidence"),
    // Where evidence bytes live (ADR 0036): "local" (EVIDENCE_DIR, one instance) or "s3" (an
    // S3-compatible bucket every instance shares; credentials from AWS_* or the SDK's chain).
    EVIDENCE_STORAGE: z.enum(["local", "s3"]).default("local"),
    S3_ENDPOINT: emptyAsUnset(
      z
        .url()
        .refine((v) => /^https?:\/\//.test(v), "must be http:// or https://")
        .refine(
          (v) => !new URL(v).username && !new URL(v).password,
          "must not contain credentials (use AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)",
        )
        .optional(),
    ),
    S3_REGION: emptyAsUnset(
      z
        .string()
        .regex(/^[a-z0-9-]{2,40}$/, "must be a region name such as eu-central-1")
        .optional(),
    ),
    S3_BUCKET: emptyAsUnset(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name (3–63 of a-z 0-9 . -)")
        .optional(),
    ),
    // Objects go under this prefix (e.g. "evidence/") so a bucket can be shared with other uses.
    S3_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9!_.*'()/-]*$/, "may hold only A-Z a-z 0-9 ! _ . * ' ( ) - /")
      .refine(
        (v) => v === "" || (v.endsWith("/") && !v.startsWith("/") && !v.includes("//")),
        "must be empty or a path ending in / (e.g. evidence/)",
      )
      .default(""),
    S3_FORCE_PATH_STYLE: z.stringbool().default(false),
    S3_SERVER_SIDE_ENCRYPTION: emptyAsUnset(z.enum(["AES256", "aws:kms"]).optional()),
    S3_KMS_KEY_ID: emptyAsUnset(z.string().min(1).optional()),
    // Stored bytes no evidence row points to (a crash between storing and the database write) are
    // removed once older than this, by one instance at a time every EVIDENCE_SWEEP_INTERVAL_MINUTES.
    EVIDENCE_ORPHAN_GRACE_MINUTES: z.coerce.number().int().min(5).max(525_600).default(1440),
    EVIDENCE_SWEEP_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
    EVIDENCE_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .max(1024 * 1024 * 1024)
      .default(20 * 1024 * 1024),
    // The organisation's signing certificate for reports (PKCS#12): a file, or its base64 value.
    SIGNING_P12_PATH: z.string().min(1).optional(),
    SIGNING_P12_BASE64: z.string().min(1).optional(),
    SIGNING_P12_PASSPHRASE: z.string().default(""),
    // RFC 3161 timestamp authority; set: signed reports carry a timestamp (PAdES B-T).
    TSA_URL: z.url().optional(),
    // Signed reports are made after the decision's transaction (ADR 0020): how long one attempt to
    // render, sign and timestamp a report may take (then the timestamp request is cut off and any
    // instance may try again), and how often each instance finishes decisions whose report is missing.
    REPORT_SIGNING_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    REPORT_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    // The durable job queue (ADR 0028): how often a runner looks for due jobs, and how long a
    // claimed job stays locked to its runner (a crashed runner's jobs are taken over after it).
    // Mail deliveries time out well within the lock, so a slow send is never taken over mid-way.
    JOB_POLL_SECONDS: z.coerce.number().min(0.1).max(3600).default(2),
    JOB_LOCK_SECONDS: z.coerce.number().int().min(2).max(3600).default(300),
    // Worker threads that parse untrusted input (/verify, template imports; ADR 0014): how many,
    // how many jobs may wait for one (more: "busy, try again"), how long a job may take before
    // its worker is terminated, and each worker's heap.
    PARSER_WORKERS: z.coerce
      .number()
      .int()
      .min(1)
      .max(32)
      .default(Math.max(1, Math.min(4, availableParallelism() - 1))),
    PARSER_QUEUE_LIMIT: z.coerce.number().int().min(0).max(1000).default(8),
    PARSER_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(10),
    PARSER_WORKER_MEMORY_MB: z.coerce.number().int().min(32).max(8192).default(256),
  })
  .superRefine((env, ctx) => {
    if (env.EVIDENCE_STORAGE === "s3") {
      for (const name of ["S3_BUCKET", "S3_REGION"] as const)
        if (!env[name])
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: "must be set when EVIDENCE_STORAGE=s3",
          });
    }
    if (env.S3_KMS_KEY_ID && env.S3_SERVER_SIDE_ENCRYPTION !== "aws:kms")
      ctx.addIssue({
        code: "custom",
        path: ["S3_KMS_KEY_ID"],
        message: "needs S3_SERVER_SIDE_ENCRYPTION=aws:kms",
      });
    if (env.NODE_ENV === "production" && !env.APP_URL.startsWith("https://")) {
      const local = ["localhost", "127.0.0.1"].includes(new URL(env.APP_URL).hostname);
      if (!local)
        ctx.addIssue({
          code: "custom",
          path: ["APP_URL"],
          message: "must be https:// in production",
        });
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  // The database outbox is the embedded default; a production server must say where mail goes.
  const mailUnset = source.NODE_ENV === "production" && !source.MAIL_URL;
  if (!result.success || mailUnset) {
    const issues = result.success ? [] : result.error.issues;
    const lines = issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    if (mailUnset)
      lines.push("  MAIL_URL: must be set in production (smtp://…, smtps://… or outbox)");
    throw new Error(`Invalid configuration:\n${lines.join("\n")}\nSee README.md, "Configuration".`);
  }
  return result.data;
}

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases; they call this to re-read it. */
export function resetEnvForTests(): void {
  cached = undefined;
}

/** Whether cookies must be Secure / __Host- prefixed: whenever the app is served over https. */
export function isSecureDeployment(env: Env = getEnv()): boolean {
  return env.APP_URL.startsWith("https://");
}
