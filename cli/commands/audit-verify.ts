import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import {
  parseCheckpointLogLine,
  type SignedCheckpoint,
} from "../../app/modules/audit/audit-checkpoint";
import {
  describeAuditProblem,
  type AuditTrailVerdict,
} from "../../app/modules/audit/audit-trail-verdict";
import { verifyAuditTrail } from "../../app/modules/audit/verify-audit-trail.server";
import { db } from "../../app/utils/db.server";

/** At most this many problems are printed per organisation (the count of the rest follows). */
const MAX_PROBLEMS_PRINTED = 20;

/**
 * `audit verify [--org <slug>] [--checkpoints <file>]`: verifies each organisation's chain and its
 * anchors (checkpoints, signed reports' heads, and the checkpoint lines of an exported log, when
 * given). Prints one verdict per organisation; exit 1 when anything does not hold.
 */
export async function auditVerifyCommand(
  slug: string | undefined,
  checkpointsFile?: string,
): Promise<number> {
  const orgs = await db().organization.findMany({
    where: slug ? { slug } : {},
    orderBy: { slug: "asc" },
    select: { id: true, slug: true },
  });
  if (slug && orgs.length === 0) {
    process.stderr.write(`audit verify: no organisation with slug "${slug}"\n`);
    return 1;
  }
  let exported: SignedCheckpoint[] | undefined;
  let failed = 0;
  if (checkpointsFile) {
    const read = await readExportedCheckpoints(checkpointsFile);
    if (!read) return 1;
    exported = read.checkpoints;
    process.stdout.write(
      `${checkpointsFile}: ${read.checkpoints.length} checkpoint lines read${read.malformed.length ? `, ${read.malformed.length} unreadable (lines ${read.malformed.slice(0, 10).join(", ")})` : ""}\n`,
    );
    if (read.malformed.length > 0) failed++;
    // A copy naming organisations the database no longer has: their whole trail is gone.
    if (!slug) {
      const known = new Set(orgs.map((org) => org.id));
      for (const id of new Set(exported.map((c) => c.organizationId))) {
        if (!known.has(id)) {
          failed++;
          process.stdout.write(
            `TAMPERED — the exported checkpoints name organisation ${id}, which is not in the database\n`,
          );
        }
      }
    }
  }
  for (const org of orgs) {
    const verdict = await verifyAuditTrail(db(), org.id, { exportedCheckpoints: exported });
    printVerdict(org.slug, verdict);
    if (!verdict.ok) failed++;
  }
  return failed > 0 ? 1 : 0;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function printVerdict(slug: string, verdict: AuditTrailVerdict): void {
  const out = (line: string) => process.stdout.write(`${slug}: ${line}\n`);
  const { chain } = verdict;
  if (chain.ok)
    out(`intact — ${chain.events} events, head seq ${chain.headSeq}, hash ${chain.headHash}`);
  else out(`BROKEN at event seq ${chain.brokenSeq} (id ${chain.brokenId}): ${chain.reason}`);

  const parts: string[] = [];
  const last = verdict.checkpoints.last;
  parts.push(
    last
      ? `${plural(verdict.checkpoints.verified, "checkpoint", "checkpoints")} verified (last at seq ${last.seq}, ${last.at})`
      : "no checkpoint yet",
  );
  if (verdict.reports.total > 0)
    parts.push(
      `${plural(verdict.reports.verified, "signed report head", "signed report heads")} verified`,
    );
  if (verdict.exported)
    parts.push(
      `${plural(verdict.exported.compared, "exported checkpoint", "exported checkpoints")} compared`,
    );
  if (verdict.unanchoredEvents === 0) parts.push("every event is anchored");
  else if (last)
    parts.push(
      `${plural(verdict.unanchoredEvents, "event", "events")} after it ${verdict.unanchoredEvents === 1 ? "is" : "are"} not yet anchored`,
    );
  else parts.push(`${plural(verdict.unanchoredEvents, "event", "events")} not yet anchored`);
  out(`anchors — ${parts.join("; ")}`);

  for (const problem of verdict.problems.slice(0, MAX_PROBLEMS_PRINTED))
    out(`TAMPERED — ${describeAuditProblem(problem)}`);
  if (verdict.problems.length > MAX_PROBLEMS_PRINTED)
    out(`TAMPERED — … and ${verdict.problems.length - MAX_PROBLEMS_PRINTED} more problems`);
}

/** Streams the file (log exports can be large): keeps the checkpoint lines only. */
async function readExportedCheckpoints(
  file: string,
): Promise<{ checkpoints: SignedCheckpoint[]; malformed: number[] } | null> {
  const stream = createReadStream(file, { encoding: "utf8" });
  const opened = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    stream.once("ready", () => resolve(null));
    stream.once("error", (error) => resolve(error));
  });
  if (opened) {
    process.stderr.write(`audit verify: cannot read ${file} (${opened.code ?? opened.message})\n`);
    return null;
  }
  const checkpoints: SignedCheckpoint[] = [];
  const malformed: number[] = [];
  let lineNumber = 0;
  for await (const line of createInterface({
    input: stream,
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    lineNumber++;
    const parsed = parseCheckpointLogLine(line);
    if (parsed === "malformed") malformed.push(lineNumber);
    else if (parsed) checkpoints.push(parsed);
  }
  return { checkpoints, malformed };
}
