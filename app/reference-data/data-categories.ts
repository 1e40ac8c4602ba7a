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
  "none",
] as const;

export type DataCategoryKey = (typeof DATA_CATEGORY_KEYS)[number];

export interface DataCategory {
  key: DataCategoryKey;
  en: string;
  de: string;
  /** Personal data that the GDPR treats with extra care (Art. 8, Art. 9). */
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
    key: "special_categories",
    en: "Special categories of personal data (Art. 9 GDPR)",
    de: "Besondere Kategorien personenbezogener Daten (Art. 9 DSGVO)",
    sensitive: true,
  },
  { key: "financial", en: "Financial data", de: "Finanzdaten", sensitive: false },
  { key: "health", en: "Health data", de: "Gesundheitsdaten", sensitive: true },
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
