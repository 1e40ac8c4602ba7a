import { z } from "zod";
import { isCountryCode } from "../../reference-data/countries";
import { isDataCategoryKey, type DataCategoryKey } from "../../reference-data/data-categories";

/**
 * Product.hostingRegions and Product.dataCategories are JSON string arrays. They are parsed
 * again on every read (ARCHITECTURE rule 5): malformed JSON or unknown entries are dropped
 * instead of reaching a page.
 */
const stringArray = z.array(z.string());

function parseStringArray(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const parsed = stringArray.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function parseHostingRegions(json: string | null | undefined): string[] {
  return parseStringArray(json).filter(isCountryCode);
}

export function parseDataCategories(json: string | null | undefined): DataCategoryKey[] {
  return parseStringArray(json).filter(isDataCategoryKey);
}

/** Stored form of a list: JSON of the (already sorted, de-duplicated) values. */
export function serializeList(values: readonly string[]): string {
  return JSON.stringify(values);
}
