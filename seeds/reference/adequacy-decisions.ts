/**
 * Countries and territories with an EU adequacy decision (GDPR Art. 45), written from the public
 * facts summarised in shared/data/gdpr/gdpr_adequacy_decisions.csv. A change of law is a data
 * change here, not a code change. `scope: "partial"` decisions cover only some recipients
 * (United States: organisations certified under the EU-US Data Privacy Framework; Canada:
 * commercial organisations under PIPEDA) and must not be treated as whole-country adequacy.
 */
export interface AdequacyDecision {
  code: string;
  name: string;
  scope: "whole" | "partial";
  scopeNote: string;
  reference: string;
  decidedOn: string; // YYYY-MM-DD
}

export const ADEQUACY_DECISIONS: readonly AdequacyDecision[] = [
  { code: "AD", name: "Andorra", scope: "whole", scopeNote: "whole country", reference: "Decision 2010/625/EU", decidedOn: "2010-10-19" },
  { code: "AR", name: "Argentina", scope: "whole", scopeNote: "whole country", reference: "Decision 2003/490/EC", decidedOn: "2003-06-30" },
  { code: "BR", name: "Brazil", scope: "whole", scopeNote: "whole country (LGPD)", reference: "Implementing Decision (EU) 2026/179", decidedOn: "2026-01-26" },
  { code: "CA", name: "Canada", scope: "partial", scopeNote: "commercial organisations subject to PIPEDA only", reference: "Decision 2002/2/EC", decidedOn: "2001-12-20" },
  { code: "CH", name: "Switzerland", scope: "whole", scopeNote: "whole country", reference: "Decision 2000/518/EC", decidedOn: "2000-07-26" },
  { code: "FO", name: "Faroe Islands", scope: "whole", scopeNote: "whole territory", reference: "Decision 2010/146/EU", decidedOn: "2010-03-05" },
  { code: "GB", name: "United Kingdom", scope: "whole", scopeNote: "whole country (renewed until 2031-12-27)", reference: "Implementing Decision (EU) 2021/1772", decidedOn: "2021-06-28" },
  { code: "GG", name: "Guernsey", scope: "whole", scopeNote: "whole territory", reference: "Decision 2003/821/EC", decidedOn: "2003-11-21" },
  { code: "IL", name: "Israel", scope: "whole", scopeNote: "whole country", reference: "Decision 2011/61/EU", decidedOn: "2011-01-31" },
  { code: "IM", name: "Isle of Man", scope: "whole", scopeNote: "whole territory", reference: "Decision 2004/411/EC", decidedOn: "2004-04-28" },
  { code: "JE", name: "Jersey", scope: "whole", scopeNote: "whole territory", reference: "Decision 2008/393/EC", decidedOn: "2008-05-08" },
  { code: "JP", name: "Japan", scope: "whole", scopeNote: "private-sector operators under APPI and the Supplementary Rules", reference: "Implementing Decision (EU) 2019/419", decidedOn: "2019-01-23" },
  { code: "KR", name: "Republic of Korea", scope: "whole", scopeNote: "whole country (PIPA)", reference: "Implementing Decision (EU) 2022/254", decidedOn: "2021-12-17" },
  { code: "NZ", name: "New Zealand", scope: "whole", scopeNote: "whole country", reference: "Implementing Decision 2013/65/EU", decidedOn: "2012-12-19" },
  { code: "US", name: "United States", scope: "partial", scopeNote: "only organisations certified under the EU-US Data Privacy Framework", reference: "Implementing Decision (EU) 2023/1795", decidedOn: "2023-07-10" },
  { code: "UY", name: "Uruguay", scope: "whole", scopeNote: "whole country", reference: "Implementing Decision 2012/484/EU", decidedOn: "2012-08-21" },
];

/** Codes whose adequacy decision covers every recipient and is in force on `onDate` (YYYY-MM-DD). */
export function wholeCountryAdequacyCodes(onDate: string): string[] {
  return ADEQUACY_DECISIONS.filter((d) => d.scope === "whole" && d.decidedOn <= onDate).map((d) => d.code);
}
