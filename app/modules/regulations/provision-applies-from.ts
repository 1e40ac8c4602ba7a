// The day a catalogue provision applies from, for scoring method 1.2.0's dated knock-outs
// (`knockOut.from` = a provision key). Read from the bundled regulation snapshot — the data the
// catalogue is loaded from — so scoring stays synchronous; the resolved day goes into the
// prepared-template cache key (compute-score.ts), so a new snapshot never serves a stale result.
// Pure.

import { REGULATION_SNAPSHOT } from "../../reference-data/regulations";
import type {
  RegulationSnapshot,
  SnapshotProvision,
  SnapshotVersion,
  SnapshotWindow,
} from "../../reference-data/regulations/snapshot-types";
import { versionInForce } from "../../reference-data/regulations/version-in-force";

/** A provision key, optionally with the condition of the window meant: "<key>|<condition>". */
export interface ProvisionDayReference {
  provisionKey: string;
  condition: string | null;
}

export function parseProvisionDayReference(reference: string): ProvisionDayReference {
  const bar = reference.indexOf("|");
  return bar === -1
    ? { provisionKey: reference, condition: null }
    : { provisionKey: reference.slice(0, bar), condition: reference.slice(bar + 1) };
}

export type AppliesFromResult =
  | { ok: true; day: string }
  /** unknown: no such provision; noWindow: it has no application day; ambiguous: several windows and no condition chose one. */
  | { ok: false; reason: "unknown" | "noWindow" | "ambiguous" };

interface VersionEntry {
  legalStatus: string;
  entryIntoForceAt: string | null;
  /** Provision key → its windows (its own, else its parents', else the version's). */
  windows: Map<string, readonly SnapshotWindow[]>;
}

function windowsOf(version: SnapshotVersion): Map<string, readonly SnapshotWindow[]> {
  const byKey = new Map<string, SnapshotProvision>(
    version.provisions.map((provision) => [provision.key, provision]),
  );
  const resolved = new Map<string, readonly SnapshotWindow[]>();
  for (const provision of version.provisions) {
    let current: SnapshotProvision | undefined = provision;
    let windows: readonly SnapshotWindow[] | undefined;
    // A paragraph without its own dates applies when its article does, and that when the act does.
    for (let depth = 0; current && depth < 10; depth++) {
      if (current.windows?.length) {
        windows = current.windows;
        break;
      }
      current = current.parentKey ? byKey.get(current.parentKey) : undefined;
    }
    resolved.set(provision.key, windows ?? version.windows ?? []);
  }
  return resolved;
}

function indexSnapshot(snapshot: RegulationSnapshot): Map<string, VersionEntry[]> {
  const index = new Map<string, VersionEntry[]>();
  for (const instrument of snapshot.instruments) {
    const versions = instrument.versions.map((version) => ({
      legalStatus: version.legalStatus,
      entryIntoForceAt: version.entryIntoForceAt ?? null,
      windows: windowsOf(version),
    }));
    for (const version of versions) {
      for (const key of version.windows.keys()) {
        if (!index.has(key)) index.set(key, versions);
      }
    }
  }
  return index;
}

let bundledIndex: Map<string, VersionEntry[]> | null = null;

function pickWindow(
  windows: readonly SnapshotWindow[],
  condition: string | null,
): AppliesFromResult {
  // Country-scoped windows (adequacy decisions) are no application day of a provision.
  const general = windows.filter((window) => window.scope === undefined);
  const matching =
    condition === null
      ? general.filter((window) => window.condition === undefined)
      : general.filter((window) => window.condition === condition);
  // Without a condition, windows that all carry one are candidates: one is the answer, several
  // (different days) need the condition that picks one.
  const candidates = matching.length === 0 && condition === null ? general : matching;
  if (candidates.length === 0) return { ok: false, reason: "noWindow" };
  const days = [...new Set(candidates.map((window) => window.from))];
  if (days.length > 1) return { ok: false, reason: "ambiguous" };
  return { ok: true, day: days[0]! };
}

/**
 * The day `reference` ("<provision key>" or "<provision key>|<window condition>") applies from
 * according to the version of its instrument in force on `onDay` (YYYY-MM-DD): the AI Act's
 * eu:2024/1689:art:6:par:2 gives 2026-08-02 before the AI omnibus and 2027-12-02 after it. When
 * that version does not have the provision (or no version is in force yet), the earliest version
 * that has it answers. `onDay` null: the newest version in force.
 */
export function provisionAppliesFrom(
  reference: string,
  onDay: string | null,
  snapshot: RegulationSnapshot = REGULATION_SNAPSHOT,
): AppliesFromResult {
  const index =
    snapshot === REGULATION_SNAPSHOT
      ? (bundledIndex ??= indexSnapshot(REGULATION_SNAPSHOT))
      : indexSnapshot(snapshot);
  const { provisionKey, condition } = parseProvisionDayReference(reference);
  const versions = index.get(provisionKey);
  if (!versions) return { ok: false, reason: "unknown" };
  const inForce = versionInForce(versions, onDay);
  if (inForce?.windows.has(provisionKey)) {
    return pickWindow(inForce.windows.get(provisionKey)!, condition);
  }
  const earliest = [...versions]
    .filter((version) => version.windows.has(provisionKey))
    .sort((a, b) => (a.entryIntoForceAt ?? "").localeCompare(b.entryIntoForceAt ?? ""))[0]!;
  return pickWindow(earliest.windows.get(provisionKey)!, condition);
}
