/**
 * EU-27 and the EEA-EFTA states (Iceland, Liechtenstein, Norway), ISO 3166-1 alpha-2, written from
 * shared/data/gdpr/eu_eea_members.csv (checked against it by eu-eea.test.ts). Greece is "GR" in
 * ISO (Eurostat uses "EL").
 */
export const EU_EEA_COUNTRY_CODES: readonly string[] = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
  "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];
