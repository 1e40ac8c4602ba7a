import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Env } from "../../app/utils/env.server";
import type { Provider } from "../../app/utils/migrate.server";

/**
 * manifest.json of a backup folder: what is in it (every other file with its SHA-256 and size),
 * where it came from (Vetted version, database kind, last applied migration) and what a restore
 * needs besides the folder: the secrets, BY NAME. Their values never enter a backup: whoever
 * holds the folder holds the data, but cannot sign in as a user with a second factor, forge an
 * audit checkpoint or use a stored signing key.
 */
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = "manifest.json";
/** The database inside the folder: a SQLite snapshot, or a pg_dump archive (custom format). */
export const DATABASE_FILE: Record<Provider, string> = {
  sqlite: "database.sqlite",
  postgresql: "database.pgdump",
};
/** Evidence files keep their storage path below this folder: evidence/<2 hex>/<64 hex>. */
export const EVIDENCE_FOLDER = "evidence";

/** Relative, forward slashes, plain names only (no "." or ".."): a manifest cannot point outside its folder. */
function isPlainRelativePath(value: string): boolean {
  return value
    .split("/")
    .every((part) => /^[A-Za-z0-9._-]+$/.test(part) && part !== "." && part !== "..");
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0);

const manifestSchema = z.object({
  formatVersion: z.number().int(),
  createdAt: z.iso.datetime(),
  vettedVersion: z.string(),
  databaseKind: z.enum(["sqlite", "postgresql"]),
  migrationHead: z.string().nullable(),
  files: z.array(
    z.object({
      path: z.string().refine(isPlainRelativePath, "must be a relative path inside the folder"),
      sha256: sha256Hex,
      size: count,
    }),
  ),
  counts: z.object({
    organisations: count,
    answers: count,
    evidenceFiles: count,
    auditEvents: count,
  }),
  secrets: z.array(z.object({ name: z.string(), why: z.string(), configured: z.boolean() })),
  warnings: z.array(z.string()),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupFileEntry = BackupManifest["files"][number];
export type BackupCounts = BackupManifest["counts"];

/** The secrets a restore needs, why, and whether this installation has them set (never their values). */
export function secretsARestoreNeeds(env: Env): BackupManifest["secrets"] {
  const mailCredentials = /^smtps?:\/\/[^/@]*@/.test(env.MAIL_URL);
  return [
    {
      name: "ENCRYPTION_KEY",
      why: "Required, the very same value: decrypts the users' TOTP secrets and the private keys of the organisations' uploaded and issued signing certificates, and the HMAC key of the audit checkpoints and certificate records is derived from it. With another key, users with a second factor cannot sign in, those certificates cannot sign, and `audit verify` reports every checkpoint as forged.",
      configured: true,
    },
    {
      name: "SESSION_SECRET",
      why: "Keep the same value: it signs session and trusted-browser cookies and keys the stored hashes of known sign-in networks and vendor device codes. Another value loses no data, but signs everybody out and forgets known networks and devices.",
      configured: true,
    },
    {
      name: "SIGNING_P12_PATH or SIGNING_P12_BASE64",
      why: "The operator's signing certificate (PKCS#12), required in production: it signs reports or issues each organisation its certificate. Reports signed before keep verifying with the certificate embedded in them; with another certificate new reports are signed by that one.",
      configured: Boolean(env.SIGNING_P12_PATH ?? env.SIGNING_P12_BASE64),
    },
    {
      name: "SIGNING_P12_PASSPHRASE",
      why: "The passphrase of that PKCS#12 file (a wrong one stops the start).",
      configured: env.SIGNING_P12_PASSPHRASE !== "",
    },
    {
      name: "DATABASE_URL",
      why: "The connection to the database to restore into, with its password: the backup holds neither, and restore refuses a database that is not empty.",
      configured: true,
    },
    {
      name: "MAIL_URL",
      why: "Where mail goes; keep it with the secrets when it carries SMTP credentials (smtps://user:password@host).",
      configured: mailCredentials,
    },
  ];
}

export function manifestJson(manifest: BackupManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Reads and checks a backup folder's manifest; throws a message that says what is wrong. */
export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === "ENOENT"
        ? `${file} is missing: not a Vetted backup folder, or the backup did not finish`
        : `cannot read ${file} (${code ?? "error"})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON`);
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (version !== BACKUP_FORMAT_VERSION)
    throw new Error(
      `${file}: backup format version ${String(version)} is not known to this version of Vetted (it reads version ${BACKUP_FORMAT_VERSION})`,
    );
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}
