/**
 * How the countries input groups countries (client-safe shape; computed on the server by
 * assessments/country-groups.server.ts with the residency rating's own data and rules).
 */
export interface CountryGroups {
  /** The day the groups were judged on (YYYY-MM-DD): the assessment's reference day. */
  asOf: string;
  /** EU/EEA member states. */
  euEea: string[];
  /** Countries with an EU adequacy decision in force on `asOf`. */
  adequacy: string[];
  /** Of those, the ones whose decision covers only some recipients (US: DPF-certified; CA: commercial). */
  partial: string[];
}
