import type { AdequacyDecisionRef, AdequacyScope } from "../../scoring";
import {
  ADEQUACY_INSTRUMENTS,
  ADEQUACY_LABELS,
  ADEQUACY_SCOPE_NOTES,
} from "./regulations/adequacy";
import { adequacyDecisionRefs } from "./regulations/adequacy-windows";

/**
 * Countries and territories with an EU adequacy decision (GDPR Art. 45), as the regulation
 * catalogue states them (the facts are in app/reference-data/regulations/adequacy.ts, written from
 * the research doc and shared/data/gdpr/gdpr_adequacy_decisions.csv). A change of law is a data
 * change there, not a code change: add a decision or a version whose window ends.
 *
 * `scope` says whom a decision covers, in the shape the scoring library's residency rating needs:
 *   - "whole": every recipient in the country;
 *   - "dpf_certified_only": United States, only organisations certified under the EU-US Data
 *     Privacy Framework;
 *   - "commercial_only": Canada, only commercial organisations subject to PIPEDA; Japan, only
 *     private-sector business operators under the APPI (the rating's recipient flag "commercial"
 *     means a private-sector business, which every vendor and sub-processor is; a Japanese public
 *     body would not be).
 * Where a scope limits a decision (also Korea's exclusions and Israel's automated transfers, which
 * the rating cannot tell apart), `scopeNote` says how and the rating shows it in its reasons.
 * `validFrom` is the date of the decision; `validUntil` (inclusive) is set when a decision ends or
 * is limited in time (United Kingdom: renewed on 2025-12-19 until 2031-12-27). The European Patent
 * Organisation's decision (2025-07-15) concerns an international organisation, not a country, and
 * is not listed here.
 */
export interface AdequacyDecision extends AdequacyDecisionRef {
  name: string;
  scope: AdequacyScope;
  scopeNote: string;
  reference: string;
}

/**
 * Derived from the regulation catalogue snapshot (app/reference-data/regulations/adequacy.ts), the
 * same data the catalogue tables are loaded from: one source of truth. Its newest versions; the
 * catalogue answers "as known on a date" (app/modules/regulations/adequacy-from-catalogue.server.ts).
 */
export const ADEQUACY_DECISIONS: readonly AdequacyDecision[] = adequacyDecisionRefs(
  ADEQUACY_INSTRUMENTS.map((instrument) => ({
    versions: instrument.versions.map((version) => ({
      legalStatus: version.legalStatus,
      entryIntoForceAt: version.entryIntoForceAt ?? null,
      windows: (version.windows ?? []).map((window) => ({
        scope: window.scope ?? null,
        condition: window.condition ?? null,
        from: window.from,
        until: window.until ?? null,
      })),
    })),
  })),
  null,
  ADEQUACY_SCOPE_NOTES,
).map((ref) => {
  const label = ADEQUACY_LABELS.get(ref.code);
  if (!label) throw new Error(`adequacy: no label for ${ref.code}`);
  return { ...ref, ...label };
});

function inForce(decision: AdequacyDecisionRef, onDate: string): boolean {
  return (
    decision.validFrom <= onDate &&
    (decision.validUntil === undefined || onDate <= decision.validUntil)
  );
}

/** Codes whose adequacy decision covers every recipient and is in force on `onDate` (YYYY-MM-DD). */
export function wholeCountryAdequacyCodes(onDate: string): string[] {
  return ADEQUACY_DECISIONS.filter((d) => d.scope === "whole" && inForce(d, onDate)).map(
    (d) => d.code,
  );
}

/**
 * Every decision in the shape the scoring library takes as `options.adequacyDecisions` (the
 * library itself picks the ones in force on the assessment's `asOf` and applies the scopes).
 */
export function adequacyDecisionsForScoring(): AdequacyDecisionRef[] {
  return ADEQUACY_DECISIONS.map(({ code, scope, validFrom, validUntil }) => ({
    code,
    scope,
    validFrom,
    ...(validUntil !== undefined ? { validUntil } : {}),
    ...(ADEQUACY_SCOPE_NOTES.has(code) ? { scopeNote: ADEQUACY_SCOPE_NOTES.get(code)! } : {}),
  }));
}
