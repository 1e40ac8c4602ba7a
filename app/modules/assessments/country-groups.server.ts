import { classifyCountry, prepareResidencyReference } from "../../../scoring";
import { COUNTRIES } from "../../reference-data/countries";
import type { CountryGroups } from "../questionnaires/country-groups";
import { residencyReferenceData } from "./compute-score";

/**
 * The day an assessment's residency is judged on: the day it was submitted (the stored rating's
 * `asOf`), before that the day it was started. Never "today" for an assessment of another day.
 */
export function residencyReferenceDay(assessment: {
  submittedAt: Date | null;
  createdAt: Date;
}): string {
  return (assessment.submittedAt ?? assessment.createdAt).toISOString().slice(0, 10);
}

// A recipient every scope covers: "has a decision at all"; without one, "covers everyone".
const ANY_RECIPIENT = { dpfCertified: true, commercial: true };

/**
 * Groups every country the way the residency rating classifies it on `asOf` (the scoring
 * library's own classifyCountry over the same reference data): EU/EEA, adequacy decision in
 * force (noting the ones limited to some recipients), everything else.
 */
export function countryGroups(asOf: string): CountryGroups {
  const reference = prepareResidencyReference(residencyReferenceData(asOf), asOf);
  const groups: CountryGroups = { asOf, euEea: [], adequacy: [], partial: [] };
  for (const { code } of COUNTRIES) {
    const best = classifyCountry(code, undefined, ANY_RECIPIENT, reference).class;
    if (best === "eu_eea") groups.euEea.push(code);
    if (best !== "adequacy") continue;
    groups.adequacy.push(code);
    if (classifyCountry(code, undefined, undefined, reference).class !== "adequacy")
      groups.partial.push(code);
  }
  return groups;
}
