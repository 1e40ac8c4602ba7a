/**
 * Kinds of data an AI product processes for us. The keys are stored (Product.dataCategories, a
 * JSON array) and referenced by questionnaires and scoring rules: never rename a key, add new
 * ones. Labels are shown in the UI in English and German.
 */
export const DATA_CATEGORY_KEYS = [
  "customer_contact",
  "employee",
  "special_categories",
  "financial",
  "health",
  "children",
  "usage_telemetry",
  "content_documents",
  "source_code",
  // Issue 21 item 7: categories a German DPO expects for AI services.
  "biometric_genetic",
  "criminal_offences",
  "professional_secrecy",
  "social_data",
  "communications_content",
  "none",
] as const;

export type DataCategoryKey = (typeof DATA_CATEGORY_KEYS)[number];

export interface DataCategory {
  key: DataCategoryKey;
  en: string;
  de: string;
  /**
   * Data the law treats with extra care: children (Art. 8 GDPR), special categories (Art. 9),
   * criminal offences (Art. 10), and secrets protected by German law (§ 203 StGB, social data,
   * secrecy of telecommunications).
   */
  sensitive: boolean;
}

export const DATA_CATEGORIES: readonly DataCategory[] = [
  {
    key: "customer_contact",
    en: "Customer contact data",
    de: "Kundenkontaktdaten",
    sensitive: false,
  },
  { key: "employee", en: "Employee data", de: "Beschäftigtendaten", sensitive: false },
  {
    // Health, biometric and genetic data are special categories too but have keys of their own:
    // this one holds the rest, so that no special category is counted twice.
    key: "special_categories",
    en: "Other special categories of personal data (Art. 9 GDPR: e.g. racial or ethnic origin, political opinions, religious beliefs, trade-union membership, sex life)",
    de: "Sonstige besondere Kategorien personenbezogener Daten (Art. 9 DSGVO: z. B. ethnische Herkunft, politische Meinungen, religiöse Überzeugungen, Gewerkschaftszugehörigkeit, Sexualleben)",
    sensitive: true,
  },
  { key: "financial", en: "Financial data", de: "Finanzdaten", sensitive: false },
  {
    key: "health",
    en: "Health data (a special category, Art. 9 GDPR)",
    de: "Gesundheitsdaten (besondere Kategorie, Art. 9 DSGVO)",
    sensitive: true,
  },
  { key: "children", en: "Children's data", de: "Daten von Kindern", sensitive: true },
  {
    key: "usage_telemetry",
    en: "Usage and telemetry data",
    de: "Nutzungs- und Telemetriedaten",
    sensitive: false,
  },
  {
    key: "content_documents",
    en: "Content and documents",
    de: "Inhalte und Dokumente",
    sensitive: false,
  },
  { key: "source_code", en: "Source code", de: "Quellcode", sensitive: false },
  {
    key: "biometric_genetic",
    en: "Biometric and genetic data (special categories, Art. 9 GDPR)",
    de: "Biometrische und genetische Daten (besondere Kategorien, Art. 9 DSGVO)",
    sensitive: true,
  },
  {
    key: "criminal_offences",
    en: "Data on criminal convictions and offences (Art. 10 GDPR)",
    de: "Daten über strafrechtliche Verurteilungen und Straftaten (Art. 10 DSGVO)",
    sensitive: true,
  },
  {
    key: "professional_secrecy",
    en: "Data subject to professional secrecy (§ 203 German Criminal Code)",
    de: "Daten, die einem Berufsgeheimnis unterliegen (§ 203 StGB)",
    sensitive: true,
  },
  {
    key: "social_data",
    en: "Social data (§ 35 SGB I, § 67 SGB X)",
    de: "Sozialdaten (§ 35 SGB I, § 67 SGB X)",
    sensitive: true,
  },
  {
    key: "communications_content",
    en: "Content of communications (secrecy of telecommunications, § 3 TDDDG)",
    de: "Inhalte von Kommunikation (Fernmeldegeheimnis, § 3 TDDDG)",
    sensitive: true,
  },
  {
    key: "none",
    en: "No personal or confidential data",
    de: "Keine personenbezogenen oder vertraulichen Daten",
    sensitive: false,
  },
];

/** "none" cannot be combined with any other category. */
export const NO_DATA_CATEGORY: DataCategoryKey = "none";

const KEYS: ReadonlySet<string> = new Set(DATA_CATEGORY_KEYS);

export function isDataCategoryKey(key: string): key is DataCategoryKey {
  return KEYS.has(key);
}

/** Display label in the given language; an unknown key is shown as-is. */
export function dataCategoryLabel(key: string, locale: "en" | "de"): string {
  const category = DATA_CATEGORIES.find((c) => c.key === key);
  return category ? category[locale] : key;
}
