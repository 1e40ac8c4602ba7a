import type { Db } from "../../utils/db.server";
import { readEmbeddedAuditHead } from "../reports/embedded-audit-head";
import { trustedReportSigners } from "../signing/trusted-report-signers.server";
import { verifyPdfSignature } from "../signing/verify-pdf-signature";
import { anchorMacMatches } from "./anchor-key.server";
import {
  AUDIT_CHECKPOINT_EVERY_EVENTS,
  checkpointRecord,
  type SignedCheckpoint,
} from "./audit-checkpoint";
import type { AnchorSource, AuditTrailProblem, AuditTrailVerdict } from "./audit-trail-verdict";
import { verifyAuditChain } from "./verify-audit-chain.server";
import { CHECKPOINT_MAC_PURPOSE } from "./write-audit-checkpoint.server";

/**
 * Verifies an organisation's audit trail (ADR 0015): the hash chain as before, and then every
 * anchor against it — the checkpoints (their HMAC, and that the chain still holds the head they
 * name; one is due every AUDIT_CHECKPOINT_EVERY_EVENTS events), the chain head in every signed
 * report (the one in the signed PDF, which only the signing key can produce, and the database
 * record), and optionally checkpoints from an exported log. A chain that was cut short or
 * rewritten and re-hashed is consistent in itself; only these anchors can tell.
 */
export interface VerifyAuditTrailOptions {
  /** Checkpoints read from an exported log (any organisation: the others are ignored). */
  exportedCheckpoints?: SignedCheckpoint[];
}

interface Anchor {
  source: AnchorSource;
  seq: number;
  hash: string;
  at: Date | null;
  reportId: string | null;
}

const REPORT_PAGE = 10;
const SEQ_BATCH = 500;

export async function verifyAuditTrail(
  database: Db,
  organizationId: string,
  options: VerifyAuditTrailOptions = {},
): Promise<AuditTrailVerdict> {
  const chain = await verifyAuditChain(database, organizationId);
  const last = await database.auditEvent.findFirst({
    where: { organizationId },
    orderBy: { seq: "desc" },
    select: { seq: true },
  });
  const headSeq = last?.seq ?? 0;
  const problems: AuditTrailProblem[] = [];
  const anchors: Anchor[] = [];

  // Checkpoints in the database: forged rows are reported, genuine ones become anchors.
  const rows = await database.auditCheckpoint.findMany({
    where: { organizationId },
    orderBy: { seq: "asc" },
  });
  const genuine = rows.filter((row) => {
    const ok = anchorMacMatches(CHECKPOINT_MAC_PURPOSE, checkpointRecord(row), row.mac);
    if (!ok) problems.push({ kind: "checkpoint_forged", source: "checkpoint", seq: row.seq });
    return ok;
  });
  for (const row of genuine)
    anchors.push({
      source: "checkpoint",
      seq: row.seq,
      hash: row.hash,
      at: row.createdAt,
      reportId: null,
    });
  problems.push(...cadenceProblems(new Set(rows.map((row) => row.seq)), genuine, headSeq));

  // Checkpoints from the operator's log store.
  const exported = options.exportedCheckpoints?.filter((c) => c.organizationId === organizationId);
  for (const checkpoint of exported ?? []) {
    if (!anchorMacMatches(CHECKPOINT_MAC_PURPOSE, checkpointRecord(checkpoint), checkpoint.mac)) {
      problems.push({ kind: "checkpoint_forged", source: "export", seq: checkpoint.seq });
      continue;
    }
    anchors.push({
      source: "export",
      seq: checkpoint.seq,
      hash: checkpoint.hash,
      at: checkpoint.createdAt,
      reportId: null,
    });
    if (!genuine.some((row) => row.seq === checkpoint.seq && row.hash === checkpoint.hash)) {
      problems.push({
        kind: "export_not_in_database",
        seq: checkpoint.seq,
        anchoredAt: checkpoint.createdAt.toISOString(),
      });
    }
  }

  const reports = await reportAnchors(database, organizationId, problems);
  anchors.push(...reports.anchors);

  // Every anchor against the chain as it is now.
  const chainHashes = await hashesAt(
    database,
    organizationId,
    anchors.map((a) => a.seq).filter((seq) => seq <= headSeq),
  );
  const broken = new Set<Anchor>();
  for (const anchor of anchors) {
    const base = {
      source: anchor.source,
      seq: anchor.seq,
      anchoredHash: anchor.hash,
      anchoredAt: anchor.at?.toISOString() ?? null,
      reportId: anchor.reportId,
    };
    if (anchor.seq > headSeq) {
      problems.push({ kind: "chain_truncated", ...base, headSeq });
      broken.add(anchor);
    } else if (chainHashes.get(anchor.seq) !== anchor.hash) {
      problems.push({
        kind: "chain_rewritten",
        ...base,
        chainHash: chainHashes.get(anchor.seq) ?? null,
      });
      broken.add(anchor);
    }
  }

  const verifiedCheckpoints = anchors.filter((a) => a.source === "checkpoint" && !broken.has(a));
  const lastCheckpoint = verifiedCheckpoints.at(-1) ?? null;
  const lastAnchoredSeq = Math.max(
    0,
    ...anchors
      .filter((a) => (a.source === "checkpoint" || a.source === "export") && !broken.has(a))
      .map((a) => a.seq),
  );
  const verifiedReports = new Set(
    anchors
      .filter((a) => (a.source === "report" || a.source === "report_record") && !broken.has(a))
      .map((a) => a.reportId),
  );
  for (const problem of problems)
    if ("reportId" in problem && problem.reportId) verifiedReports.delete(problem.reportId);

  return {
    ok: chain.ok && problems.length === 0,
    chain,
    headSeq,
    checkpoints: {
      total: rows.length,
      verified: verifiedCheckpoints.length,
      last: lastCheckpoint
        ? { seq: lastCheckpoint.seq, at: lastCheckpoint.at!.toISOString() }
        : null,
    },
    reports: { total: reports.total, verified: verifiedReports.size },
    exported: exported ? { compared: exported.length } : null,
    unanchoredEvents: Math.max(0, headSeq - lastAnchoredSeq),
    problems,
  };
}

/**
 * A checkpoint is written at every multiple of the cadence, so from the first genuine one up to
 * the head none may be missing (earlier positions may predate anchoring). A chain long enough to
 * have one but without any was stripped of them, or predates anchoring.
 */
function cadenceProblems(
  present: Set<number>,
  genuine: Array<{ seq: number }>,
  headSeq: number,
): AuditTrailProblem[] {
  const every = AUDIT_CHECKPOINT_EVERY_EVENTS;
  const first = genuine[0]?.seq;
  if (first === undefined)
    return headSeq >= every ? [{ kind: "no_checkpoint", headSeq, every }] : [];
  const problems: AuditTrailProblem[] = [];
  for (let seq = (Math.floor(first / every) + 1) * every; seq <= headSeq; seq += every) {
    if (!present.has(seq)) problems.push({ kind: "checkpoint_missing", seq, every });
  }
  return problems;
}

/**
 * The chain heads the organisation's signed reports carry. The head inside the signed PDF counts
 * only when the signature is intact and made by a certificate this organisation signs with (a
 * database writer could otherwise sign a forged PDF with a key of their own); the database
 * record must name the same head. Reports signed before heads were embedded offer their record.
 */
async function reportAnchors(
  database: Db,
  organizationId: string,
  problems: AuditTrailProblem[],
): Promise<{ anchors: Anchor[]; total: number }> {
  const { trusted, forged } = await trustedReportSigners(database, organizationId);
  for (const fingerprint of forged)
    problems.push({ kind: "signing_certificate_forged", fingerprint });
  const anchors: Anchor[] = [];
  let total = 0;
  let cursor: string | undefined;
  for (;;) {
    const page = await database.signedReport.findMany({
      where: { organizationId },
      orderBy: { id: "asc" },
      take: REPORT_PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        signedPdf: true,
        signedAt: true,
        auditHeadSeq: true,
        auditHeadHash: true,
      },
    });
    for (const report of page) {
      total++;
      const record: Anchor = {
        source: "report_record",
        seq: report.auditHeadSeq,
        hash: report.auditHeadHash,
        at: report.signedAt,
        reportId: report.id,
      };
      const pdf = new Uint8Array(report.signedPdf);
      const signature = await verifyPdfSignature(pdf);
      if (signature.kind !== "valid") {
        problems.push({
          kind: "report_invalid",
          reportId: report.id,
          detail: signature.reasons[0] ?? signature.kind,
        });
        anchors.push(record);
        continue;
      }
      if (!signature.certificateFingerprint || !trusted.has(signature.certificateFingerprint)) {
        problems.push({
          kind: "report_signer_unknown",
          reportId: report.id,
          fingerprint: signature.certificateFingerprint,
        });
        anchors.push(record);
        continue;
      }
      const embedded = await readEmbeddedAuditHead(pdf).catch(() => null);
      if (!embedded) {
        anchors.push(record);
        continue;
      }
      anchors.push({
        source: "report",
        seq: embedded.seq,
        hash: embedded.hash,
        at: report.signedAt,
        reportId: report.id,
      });
      if (embedded.seq !== report.auditHeadSeq || embedded.hash !== report.auditHeadHash) {
        problems.push({
          kind: "report_record_mismatch",
          reportId: report.id,
          recordedSeq: report.auditHeadSeq,
          recordedHash: report.auditHeadHash,
          embeddedSeq: embedded.seq,
          embeddedHash: embedded.hash,
        });
      }
    }
    if (page.length < REPORT_PAGE) break;
    cursor = page.at(-1)!.id;
  }
  return { anchors, total };
}

/** The chain's hash at each of `seqs` (absent where the chain has no event). */
async function hashesAt(
  database: Db,
  organizationId: string,
  seqs: number[],
): Promise<Map<number, string>> {
  const unique = [...new Set(seqs)];
  const hashes = new Map<number, string>();
  for (let i = 0; i < unique.length; i += SEQ_BATCH) {
    const rows = await database.auditEvent.findMany({
      where: { organizationId, seq: { in: unique.slice(i, i + SEQ_BATCH) } },
      select: { seq: true, hash: true },
    });
    for (const row of rows) hashes.set(row.seq, row.hash);
  }
  return hashes;
}
