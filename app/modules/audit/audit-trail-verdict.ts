import type { ChainVerdict } from "./verify-audit-chain.server";

/**
 * What `audit verify` and the audit page report about an organisation's trail beyond the chain
 * itself: every anchor checked (checkpoints, signed reports' heads, an exported copy of the
 * checkpoint log) and each problem found, in a closed set of kinds. Pure types and wording.
 */
/** Where an anchored head comes from. */
export type AnchorSource = "checkpoint" | "export" | "report" | "report_record";

export type AuditTrailProblem =
  /** A checkpoint whose HMAC does not verify: forged, or altered after it was written. */
  | { kind: "checkpoint_forged"; source: "checkpoint" | "export"; seq: number }
  /** An anchor names a seq beyond the chain's end: the newest events were deleted. */
  | {
      kind: "chain_truncated";
      source: AnchorSource;
      seq: number;
      anchoredHash: string;
      anchoredAt: string | null;
      reportId: string | null;
      headSeq: number;
    }
  /** An anchor's hash is not the chain's hash at its seq: the chain was rewritten (and re-hashed). */
  | {
      kind: "chain_rewritten";
      source: AnchorSource;
      seq: number;
      anchoredHash: string;
      anchoredAt: string | null;
      reportId: string | null;
      chainHash: string | null;
    }
  /** A cadence position after the first checkpoint has none: checkpoints were deleted. */
  | { kind: "checkpoint_missing"; seq: number; every: number }
  /** A chain long enough to have a checkpoint has none at all. */
  | { kind: "no_checkpoint"; headSeq: number; every: number }
  /** A checkpoint in the exported log is not in the database. */
  | { kind: "export_not_in_database"; seq: number; anchoredAt: string }
  /** A signed report's stored PDF no longer carries a valid signature. */
  | { kind: "report_invalid"; reportId: string; detail: string }
  /** A signed report signed by a certificate this organisation never signed with. */
  | { kind: "report_signer_unknown"; reportId: string; fingerprint: string | null }
  /** A signing-certificate record whose HMAC does not verify: someone wrote it into the database. */
  | { kind: "signing_certificate_forged"; fingerprint: string }
  /** A signed report's database record names another head than its signed PDF. */
  | {
      kind: "report_record_mismatch";
      reportId: string;
      recordedSeq: number;
      recordedHash: string;
      embeddedSeq: number;
      embeddedHash: string;
    };

export interface AuditTrailVerdict {
  ok: boolean;
  chain: ChainVerdict;
  /** The highest seq in the table (the chain's end, even when the chain is broken). */
  headSeq: number;
  checkpoints: { total: number; verified: number; last: { seq: number; at: string } | null };
  reports: { total: number; verified: number };
  /** Exported checkpoints compared (null: no export was given). */
  exported: { compared: number } | null;
  /** Events after the last verified checkpoint (all of them when there is none). */
  unanchoredEvents: number;
  problems: AuditTrailProblem[];
}

const short = (hash: string | null) => (hash ? `${hash.slice(0, 12)}…` : "(none)");

function anchorName(problem: {
  source: AnchorSource;
  seq: number;
  anchoredAt: string | null;
  reportId: string | null;
}): string {
  switch (problem.source) {
    case "checkpoint":
      return `checkpoint seq ${problem.seq} of ${problem.anchoredAt}`;
    case "export":
      return `exported checkpoint seq ${problem.seq} of ${problem.anchoredAt}`;
    case "report":
      return `signed report ${problem.reportId}: the chain head in its signed PDF`;
    case "report_record":
      return `signed report ${problem.reportId}: its recorded chain head`;
  }
}

/** One English sentence per problem (CLI, logs); the audit page words the same facts in DE/EN. */
export function describeAuditProblem(problem: AuditTrailProblem): string {
  switch (problem.kind) {
    case "checkpoint_forged":
      return problem.source === "checkpoint"
        ? `checkpoint seq ${problem.seq}: its HMAC does not verify: the checkpoint row was forged or altered`
        : `exported checkpoint seq ${problem.seq}: its HMAC does not verify: the line was altered or comes from another installation`;
    case "chain_truncated":
      return problem.source === "report" || problem.source === "report_record"
        ? `${anchorName(problem)} (seq ${problem.seq}, hash ${short(problem.anchoredHash)}) lies beyond the chain's end at seq ${problem.headSeq}: its newest events were deleted (truncated)`
        : `the chain ends at seq ${problem.headSeq}, but ${anchorName(problem)} anchors a longer chain: its newest events were deleted (truncated)`;
    case "chain_rewritten":
      return problem.source === "report" || problem.source === "report_record"
        ? `${anchorName(problem)} (seq ${problem.seq}, hash ${short(problem.anchoredHash)}) is not in the chain (it has ${short(problem.chainHash)} there): the chain was rewritten and re-hashed`
        : `${anchorName(problem)} anchors hash ${short(problem.anchoredHash)}, but the chain has ${short(problem.chainHash)} there: the chain was rewritten and re-hashed`;
    case "checkpoint_missing":
      return `no checkpoint at seq ${problem.seq}, though one is written every ${problem.every} events: checkpoints were deleted`;
    case "no_checkpoint":
      return `no checkpoint at all, though the chain has ${problem.headSeq} events and one is written every ${problem.every}: checkpoints were deleted, or the chain predates anchoring (then run \`vetted audit anchor\` once, see ADR 0015)`;
    case "export_not_in_database":
      return `exported checkpoint seq ${problem.seq} is missing from the database: checkpoint rows were deleted`;
    case "report_invalid":
      return `signed report ${problem.reportId}: its stored PDF no longer carries a valid signature (${problem.detail})`;
    case "report_signer_unknown":
      return `signed report ${problem.reportId}: signed by a certificate this organisation never signed with (SHA-256 ${problem.fingerprint ?? "unknown"}): the report was replaced`;
    case "signing_certificate_forged":
      return `signing certificate ${problem.fingerprint}: its record's HMAC does not verify: it was inserted or altered in the database`;
    case "report_record_mismatch":
      return `signed report ${problem.reportId}: its database record names seq ${problem.recordedSeq} (${short(problem.recordedHash)}), but its signed PDF seq ${problem.embeddedSeq} (${short(problem.embeddedHash)}): the record was altered`;
  }
}
