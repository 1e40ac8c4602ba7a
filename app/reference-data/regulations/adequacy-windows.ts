import type { AdequacyDecisionRef, AdequacyScope } from "../../../scoring";
import { versionInForce } from "./version-in-force";

// Adequacy facts in the scoring library's shape, derived from catalogue windows. Pure, so the
// bundled snapshot (reference data) and the database catalogue (app/modules/regulations) go
// through the same rule: one source of truth for the residency rating.

const ADEQUACY_SCOPES: readonly string[] = ["whole", "dpf_certified_only", "commercial_only"];
const COUNTRY = /^[A-Z]{2}$/;

/** The parts of a catalogue instrument this needs; days are YYYY-MM-DD. */
export interface AdequacyVersionInput {
  legalStatus: string;
  entryIntoForceAt: string | null;
  windows: { scope: string | null; condition: string | null; from: string; until: string | null }[];
}

/**
 * Per country, the adequacy decisions the catalogue states as of `knownOn` (the versions in force
 * that day; null = the newest versions), in the shape of the scoring library's
 * `adequacyDecisions`, each with its scope note from `scopeNotes` (by country code) where it has
 * one. Windows for international organisations ("io:…") have no place in a
 * country rating and are left out; the library itself applies each window to the assessment date.
 */
export function adequacyDecisionRefs(
  instruments: readonly { versions: readonly AdequacyVersionInput[] }[],
  knownOn: string | null,
  scopeNotes: ReadonlyMap<string, string> = new Map(),
): AdequacyDecisionRef[] {
  const refs: AdequacyDecisionRef[] = [];
  for (const instrument of instruments) {
    const version = versionInForce(instrument.versions, knownOn);
    if (!version) continue;
    for (const window of version.windows) {
      if (window.scope === null || !COUNTRY.test(window.scope)) continue;
      const scope = window.condition ?? "whole";
      if (!ADEQUACY_SCOPES.includes(scope))
        throw new Error(`adequacy window for ${window.scope}: unknown condition ${scope}`);
      const scopeNote = scopeNotes.get(window.scope);
      refs.push({
        code: window.scope,
        scope: scope as AdequacyScope,
        validFrom: window.from,
        ...(window.until !== null ? { validUntil: window.until } : {}),
        // Where a scope limits a decision, the rating's reason says how (issue 21 item 7).
        ...(scopeNote ? { scopeNote } : {}),
      });
    }
  }
  return refs.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
