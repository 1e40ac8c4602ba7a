/**
 * Which database errors `inTransaction` retries (issue 12, item 2: "retries only for the
 * conflicts they are meant for"). A retry runs the whole work again, re-reading what it depends
 * on, so it only helps where a concurrent writer got in between the read and the write:
 *
 * - PostgreSQL serialisation failures (40001) and deadlocks (40P01), Prisma's P2034;
 * - SQLite's busy/locked database (another process holds the write lock);
 * - unique violations of the keys below, each taken by a racing writer of the same thing. The
 *   retry re-reads and then succeeds or answers a proper conflict.
 *
 * Any other unique violation is a genuine duplicate (a second organisation with the same slug, a
 * second weight profile of the same name): trying again cannot help, so it fails at once and
 * `inTransaction` answers it as a CONFLICT the user can read.
 */
const RETRYABLE_UNIQUE_KEYS: ReadonlyArray<{
  table: string;
  columns: readonly string[];
  why: string;
}> = [
  {
    table: "AuditEvent",
    columns: ["organizationId", "seq"],
    why: "two writers of one chain read the same head (SQLite across processes)",
  },
  {
    table: "AuditCheckpoint",
    columns: ["organizationId", "seq"],
    why: "written with the audit event that took the seq",
  },
  {
    table: "Answer",
    columns: ["assessmentId", "questionKey"],
    why: "two first saves of the same question: the retry updates the answer the other one created",
  },
  {
    table: "ReminderDispatch",
    columns: ["assessmentId", "inviteLinkId", "kind"],
    why: "two job runs claim one reminder: the retry sees it sent",
  },
  {
    table: "KnownLoginNetwork",
    columns: ["userId", "networkHash"],
    why: "two sign-ins from one new network upsert the same row",
  },
];

export type WriteErrorKind = "retry" | "duplicate" | "other";

interface AdapterCause {
  originalCode?: string;
  originalMessage?: string;
  kind?: string;
  constraint?: { fields?: string[]; index?: string };
}

interface PrismaLikeError {
  code?: string;
  message?: string;
  meta?: { modelName?: string; target?: unknown; driverAdapterError?: { cause?: AdapterCause } };
}

const unquote = (name: string) => name.replaceAll('"', "");

/** The table of a unique violation: Prisma's model name, SQLite's "UNIQUE constraint failed: T.c", or PostgreSQL's "T_c_key"/"T_pkey". */
function violatedKey(
  error: PrismaLikeError,
  cause: AdapterCause,
): { table?: string; columns: string[]; constraintName?: string } {
  const columns = (cause.constraint?.fields ?? []).map(unquote);
  const text = cause.originalMessage ?? error.message ?? "";
  const sqlite = /UNIQUE constraint failed: "?(\w+)"?\./.exec(text);
  const postgres = /unique constraint "([^"]+)"/.exec(text);
  return { table: error.meta?.modelName ?? sqlite?.[1], columns, constraintName: postgres?.[1] };
}

function isRetryableUniqueKey(violated: ReturnType<typeof violatedKey>): boolean {
  return RETRYABLE_UNIQUE_KEYS.some((key) => {
    // PostgreSQL names Prisma's unique indexes <Table>_<columns>_key and primary keys <Table>_pkey.
    if (
      violated.constraintName === `${key.table}_${key.columns.join("_")}_key` ||
      violated.constraintName === `${key.table}_pkey`
    )
      return true;
    return (
      violated.table === key.table &&
      violated.columns.length === key.columns.length &&
      key.columns.every((c) => violated.columns.includes(c))
    );
  });
}

export function classifyWriteError(error: unknown): WriteErrorKind {
  if (typeof error !== "object" || error === null) return "other";
  const e = error as PrismaLikeError;
  const cause = e.meta?.driverAdapterError?.cause ?? {};
  if (e.code === "P2034") return "retry";
  if (
    cause.originalCode === "40001" ||
    cause.originalCode === "40P01" ||
    cause.kind === "TransactionWriteConflict"
  )
    return "retry";
  const message = `${cause.originalMessage ?? ""} ${e.message ?? ""}`;
  if (
    /SQLITE_BUSY|database is locked|could not serialize|deadlock detected/i.test(message) ||
    cause.originalCode?.startsWith("SQLITE_BUSY")
  )
    return "retry";
  const unique =
    e.code === "P2002" ||
    cause.kind === "UniqueConstraintViolation" ||
    cause.originalCode === "23505" ||
    cause.originalCode === "SQLITE_CONSTRAINT_UNIQUE" ||
    cause.originalCode === "SQLITE_CONSTRAINT_PRIMARYKEY";
  if (!unique) return "other";
  return isRetryableUniqueKey(violatedKey(e, cause)) ? "retry" : "duplicate";
}
