import { isMessageKey, type MessageKey } from "../../utils/i18n";
import { formatTags } from "./vendor-tags";

/**
 * Vendor and product field constants and form helpers, free of zod so pages can import them
 * without shipping the validation library to the browser. The schemas themselves live in
 * vendor-schemas.ts.
 */
export const CRITICALITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export const VENDOR_NAME_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const WEBSITE_MAX = 2000;
export const FOUNDATION_MODEL_MAX = 200;
export const SEARCH_MAX = 200;

export const VENDOR_FIELDS = [
  "name",
  "website",
  "country",
  "criticality",
  "description",
  "tags",
] as const;
export const PRODUCT_FIELDS = [
  "name",
  "description",
  "foundationModel",
  "hostingRegions",
  "dataCategories",
] as const;

export function isCriticality(value: unknown): value is Criticality {
  return typeof value === "string" && (CRITICALITIES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Forms: what the user typed, as strings (kept and shown again on a 400/409).

const ECHO_MAX = 20_000;
const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value.slice(0, ECHO_MAX) : "";
};
const list = (form: FormData, key: string) =>
  form
    .getAll(key)
    .filter((value): value is string => typeof value === "string" && value !== "")
    .slice(0, 500)
    .map((value) => value.slice(0, 100));

export interface VendorFormValues {
  name: string;
  website: string;
  country: string;
  criticality: string;
  description: string;
  /** Comma-separated, as typed ("strategic, llm"). */
  tags: string;
}

export function readVendorForm(form: FormData): VendorFormValues {
  return {
    name: text(form, "name"),
    website: text(form, "website"),
    country: text(form, "country"),
    criticality: text(form, "criticality"),
    description: text(form, "description"),
    tags: text(form, "tags"),
  };
}

export interface ProductFormValues {
  name: string;
  description: string;
  foundationModel: string;
  hostingRegions: string[];
  dataCategories: string[];
}

export function readProductForm(form: FormData): ProductFormValues {
  return {
    name: text(form, "name"),
    description: text(form, "description"),
    foundationModel: text(form, "foundationModel"),
    hostingRegions: list(form, "hostingRegions"),
    dataCategories: list(form, "dataCategories"),
  };
}

/** A form's version field (a positive integer); null when missing or malformed. */
export function readVersion(form: FormData): number | null {
  const raw = form.get("version");
  if (typeof raw !== "string" || !/^\d{1,9}$/.test(raw.trim())) return null;
  const value = Number(raw.trim());
  return value >= 1 ? value : null;
}

/** A zod issue message → an i18n key to show (unknown messages become a generic one). */
const VENDOR_ERROR_KEYS = new Set<string>([
  "vendors.errorInvalid",
  "vendors.errorNameRequired",
  "vendors.errorNameTooLong",
  "vendors.errorWebsite",
  "vendors.errorCountry",
  "vendors.errorCriticality",
  "vendors.errorDescriptionTooLong",
  "vendors.errorFoundationModelTooLong",
  "vendors.errorDataCategory",
  "vendors.errorNoneExclusive",
  "vendors.errorTagTooLong",
  "vendors.errorTooManyTags",
  "vendors.errorTagCharacters",
  "vendors.errorConfirm",
]);
export function errorMessageKey(message: string | undefined): MessageKey {
  return message && VENDOR_ERROR_KEYS.has(message) && isMessageKey(message)
    ? message
    : "vendors.errorInvalid";
}

/** zod issues → { field: i18n key } keyed by the top-level field ("hostingRegions.2" → "hostingRegions"). */
export function formFieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, MessageKey> {
  const errors: Record<string, MessageKey> = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "_form";
    errors[field] ??= errorMessageKey(issue.message);
  }
  return errors;
}

/** What an edit form starts with: the stored values as form strings. */
export function vendorFormValuesOf(vendor: {
  name: string;
  website: string | null;
  country: string | null;
  criticality: string;
  description: string | null;
  tags: readonly string[];
}): VendorFormValues {
  return {
    name: vendor.name,
    website: vendor.website ?? "",
    country: vendor.country ?? "",
    criticality: vendor.criticality,
    description: vendor.description ?? "",
    tags: formatTags(vendor.tags),
  };
}

export function productFormValuesOf(product: {
  name: string;
  description: string | null;
  foundationModel: string | null;
  hostingRegions: readonly string[];
  dataCategories: readonly string[];
}): ProductFormValues {
  return {
    name: product.name,
    description: product.description ?? "",
    foundationModel: product.foundationModel ?? "",
    hostingRegions: [...product.hostingRegions],
    dataCategories: [...product.dataCategories],
  };
}
