import type { BackupCounts } from "./manifest";

/**
 * What a backup records about its database, read with plain SQL that both providers understand,
 * from the same consistent view the backup copies (the SQLite snapshot file; the exported
 * PostgreSQL snapshot pg_dump uses). Plain SQL, not the Prisma client: a backup taken by a newer
 * Vetted than the database (or the reverse) must still read it.
 */
export interface SqlReader {
  rows<T>(sql: string): Promise<T[]>;
}

export interface EvidenceRow {
  storageKey: string;
  sha256: string;
  size: number;
}

export interface DatabaseFacts {
  migrationHead: string | null;
  counts: BackupCounts;
  evidence: EvidenceRow[];
}

const COUNTED_TABLES: Record<keyof BackupCounts, string> = {
  organisations: "Organization",
  answers: "Answer",
  evidenceFiles: "EvidenceFile",
  auditEvents: "AuditEvent",
};

export async function readDatabaseFacts(reader: SqlReader): Promise<DatabaseFacts> {
  // Migration names start with a 14-digit timestamp: the greatest name is the newest one applied.
  const [head] = await reader.rows<{ name: string }>(
    `SELECT name FROM "_vetted_migrations" ORDER BY name DESC LIMIT 1`,
  );
  const counts = {} as BackupCounts;
  for (const [key, table] of Object.entries(COUNTED_TABLES) as [keyof BackupCounts, string][]) {
    const [row] = await reader.rows<{ n: number | string | bigint }>(
      `SELECT COUNT(*) AS n FROM "${table}"`,
    );
    counts[key] = Number(row?.n ?? 0);
  }
  // Soft-deleted rows too: their bytes stay on disk and the audit trail names them.
  const evidence = await reader.rows<EvidenceRow>(
    `SELECT "storageKey", "sha256", "size" FROM "EvidenceFile" ORDER BY "storageKey"`,
  );
  return {
    migrationHead: head?.name ?? null,
    counts,
    evidence: evidence.map((row) => ({ ...row, size: Number(row.size) })),
  };
}
