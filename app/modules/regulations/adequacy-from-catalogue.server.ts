import { canonicalJson, sha256Hex, type AdequacyDecisionRef } from "../../../scoring";
import {
  ADEQUACY_INSTRUMENTS,
  ADEQUACY_SCOPE_NOTES,
} from "../../reference-data/regulations/adequacy";
import {
  adequacyDecisionRefs,
  type AdequacyVersionInput,
} from "../../reference-data/regulations/adequacy-windows";
import type { SnapshotInstrument } from "../../reference-data/regulations/snapshot-types";
import { db, type Tx } from "../../utils/db.server";
import { dateToDay, optionalDay, requireQueryDay } from "./catalogue-days";

// The residency rating's adequacy facts come from the catalogue (one source of truth): the global
// catalogue's decision windows are read from the database at start (and whenever the catalogue
// changes: refreshAdequacyCatalogue) and kept in memory, because scoring is synchronous and pure.
// Until the first read (a test or a CLI command that never started the server) the bundled
// snapshot answers: the very data the catalogue is loaded from.

type AdequacyInstrumentInput = { versions: AdequacyVersionInput[] };

/** Only the global catalogue: an organisation's imported framework never changes adequacy. */
async function readAdequacyInstruments(client: Tx): Promise<AdequacyInstrumentInput[]> {
  const instruments = await client.instrument.findMany({
    where: {
      organizationId: null,
      kind: "eu_decision",
      versions: { some: { windows: { some: { scope: { not: null } } } } },
    },
    orderBy: { key: "asc" },
    select: {
      versions: {
        orderBy: [{ entryIntoForceAt: "asc" }, { label: "asc" }],
        select: {
          legalStatus: true,
          entryIntoForceAt: true,
          windows: {
            where: { scope: { not: null } },
            orderBy: [{ scope: "asc" }, { appliesFrom: "asc" }],
            select: { scope: true, condition: true, appliesFrom: true, appliesUntil: true },
          },
        },
      },
    },
  });
  return instruments.map((instrument) => ({
    versions: instrument.versions.map((version) => ({
      legalStatus: version.legalStatus,
      entryIntoForceAt: optionalDay(version.entryIntoForceAt),
      windows: version.windows.map((window) => ({
        scope: window.scope,
        condition: window.condition,
        from: dateToDay(window.appliesFrom),
        until: optionalDay(window.appliesUntil),
      })),
    })),
  }));
}

function fromSnapshot(instruments: readonly SnapshotInstrument[]): AdequacyInstrumentInput[] {
  return instruments.map((instrument) => ({
    versions: instrument.versions.map((version) => ({
      legalStatus: version.legalStatus,
      entryIntoForceAt: version.entryIntoForceAt ?? null,
      windows: (version.windows ?? [])
        .filter((window) => window.scope !== undefined)
        .map((window) => ({
          scope: window.scope ?? null,
          condition: window.condition ?? null,
          from: window.from,
          until: window.until ?? null,
        })),
    })),
  }));
}

function withRevision(instruments: AdequacyInstrumentInput[]) {
  return { instruments, revision: sha256Hex(canonicalJson(instruments)).slice(0, 16) };
}

let current = withRevision(fromSnapshot(ADEQUACY_INSTRUMENTS));

/**
 * The adequacy decisions as the global catalogue states them on `knownOn` (YYYY-MM-DD: the
 * versions in force that day, so a rating as of 20.6.2025 sees the UK sunset of 27.6.2025 that
 * was the law then), read from the database, in the scoring library's `adequacyDecisions` shape.
 */
export async function adequacyDecisionsFromCatalogue(
  knownOn: string,
  client: Tx = db(),
): Promise<AdequacyDecisionRef[]> {
  requireQueryDay(knownOn);
  return adequacyDecisionRefs(await readAdequacyInstruments(client), knownOn, ADEQUACY_SCOPE_NOTES);
}

/** Reads the catalogue's adequacy windows into memory; call after the catalogue changed. */
export async function refreshAdequacyCatalogue(client: Tx = db()): Promise<string> {
  current = withRevision(await readAdequacyInstruments(client));
  return current.revision;
}

/** The revision of the catalogue's last read (a short hash of the adequacy windows). */
export function catalogueAdequacyRevision(): string {
  return current.revision;
}

/**
 * The adequacy decisions in force as known on `asOf`, from the catalogue's last read, with the
 * revision of that read (part of the prepared-template cache key: a catalogue change re-prepares).
 */
export function catalogueAdequacyAsOf(asOf: string): {
  decisions: AdequacyDecisionRef[];
  revision: string;
} {
  return {
    decisions: adequacyDecisionRefs(current.instruments, asOf, ADEQUACY_SCOPE_NOTES),
    revision: current.revision,
  };
}
