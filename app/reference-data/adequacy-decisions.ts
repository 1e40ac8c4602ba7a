import type { AdequacyDecisionRef, AdequacyScope } from "../../scoring";

/**
 * Countries and territories with an EU adequacy decision (GDPR Art. 45), written from the public
 * facts summarised in shared/data/gdpr/gdpr_adequacy_decisions.csv. A change of law is a data
 * change here, not a code change: add a decision, or end one with `validUntil`.
 *
 * `scope` says whom a decision covers, in the shape the scoring library's residency rating needs:
 *   - "whole": every recipient in the country;
 *   - "dpf_certified_only": United States, only organisations certified under the EU-US Data
 *     Privacy Framework;
 *   - "commercial_only": Canada, only commercial organisations subject to PIPEDA.
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

export const ADEQUACY_DECISIONS: readonly AdequacyDecision[] = [
  {
    code: "AD",
    name: "Andorra",
    scope: "whole",
    scopeNote: "whole country",
    reference: "Decision 2010/625/EU",
    validFrom: "2010-10-19",
  },
  {
    code: "AR",
    name: "Argentina",
    scope: "whole",
    scopeNote: "whole country",
    reference: "Decision 2003/490/EC",
    validFrom: "2003-06-30",
  },
  {
    code: "BR",
    name: "Brazil",
    scope: "whole",
    scopeNote: "whole country (LGPD)",
    reference: "Implementing Decision (EU) 2026/179",
    validFrom: "2026-01-26",
  },
  {
    code: "CA",
    name: "Canada",
    scope: "commercial_only",
    scopeNote: "commercial organisations subject to PIPEDA only",
    reference: "Decision 2002/2/EC",
    validFrom: "2001-12-20",
  },
  {
    code: "CH",
    name: "Switzerland",
    scope: "whole",
    scopeNote: "whole country",
    reference: "Decision 2000/518/EC",
    validFrom: "2000-07-26",
  },
  {
    code: "FO",
    name: "Faroe Islands",
    scope: "whole",
    scopeNote: "whole territory",
    reference: "Decision 2010/146/EU",
    validFrom: "2010-03-05",
  },
  {
    code: "GB",
    name: "United Kingdom",
    scope: "whole",
    scopeNote: "whole country (renewed on 2025-12-19 until 2031-12-27)",
    reference: "Implementing Decision (EU) 2021/1772",
    validFrom: "2021-06-28",
    validUntil: "2031-12-27",
  },
  {
    code: "GG",
    name: "Guernsey",
    scope: "whole",
    scopeNote: "whole territory",
    reference: "Decision 2003/821/EC",
    validFrom: "2003-11-21",
  },
  {
    code: "IL",
    name: "Israel",
    scope: "whole",
    scopeNote: "whole country",
    reference: "Decision 2011/61/EU",
    validFrom: "2011-01-31",
  },
  {
    code: "IM",
    name: "Isle of Man",
    scope: "whole",
    scopeNote: "whole territory",
    reference: "Decision 2004/411/EC",
    validFrom: "2004-04-28",
  },
  {
    code: "JE",
    name: "Jersey",
    scope: "whole",
    scopeNote: "whole territory",
    reference: "Decision 2008/393/EC",
    validFrom: "2008-05-08",
  },
  {
    code: "JP",
    name: "Japan",
    scope: "whole",
    scopeNote: "private-sector operators under APPI and the Supplementary Rules",
    reference: "Implementing Decision (EU) 2019/419",
    validFrom: "2019-01-23",
  },
  {
    code: "KR",
    name: "Republic of Korea",
    scope: "whole",
    scopeNote: "whole country (PIPA)",
    reference: "Implementing Decision (EU) 2022/254",
    validFrom: "2021-12-17",
  },
  {
    code: "NZ",
    name: "New Zealand",
    scope: "whole",
    scopeNote: "whole country",
    reference: "Implementing Decision 2013/65/EU",
    validFrom: "2012-12-19",
  },
  {
    code: "US",
    name: "United States",
    scope: "dpf_certified_only",
    scopeNote: "only organisations certified under the EU-US Data Privacy Framework",
    reference: "Implementing Decision (EU) 2023/1795",
    validFrom: "2023-07-10",
  },
  {
    code: "UY",
    name: "Uruguay",
    scope: "whole",
    scopeNote: "whole country",
    reference: "Implementing Decision 2012/484/EU",
    validFrom: "2012-08-21",
  },
];

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
  return ADEQUACY_DECISIONS.map(({ code, scope, validFrom, validUntil }) =>
    validUntil === undefined ? { code, scope, validFrom } : { code, scope, validFrom, validUntil },
  );
}
