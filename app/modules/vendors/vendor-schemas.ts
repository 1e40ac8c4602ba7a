import { z } from "zod";
import { COUNTRY_CODES, isCountryCode } from "../../../seeds/reference/countries";
import { DATA_CATEGORY_KEYS, NO_DATA_CATEGORY } from "../../../seeds/reference/data-categories";
import type { MessageKey } from "../../utils/i18n";

/**
 * Vendor and product input, shared by the routes (validation at the edge, 400 with field errors)
 * and the use cases (which parse again, so a caller cannot skip validation). Error messages are
 * i18n keys in the `vendors` namespace. Parsing is idempotent: parsing parsed output again gives
 * the same value. No writes, no I/O (isomorphic: also usable in the browser).
 */
export const CRITICALITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export const VENDOR_NAME_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const WEBSITE_MAX = 2000;
export const FOUNDATION_MODEL_MAX = 200;
export const SEARCH_MAX = 200;

export function isCriticality(value: unknown): value is Criticality {
  return typeof value === "string" && (CRITICALITIES as readonly string[]).includes(value);
}

/** Optional free text: trimmed, "" → null, at most `max` characters. */
function optionalText(max: number, tooLong: MessageKey) {
  return z
    .string({ error: "vendors.errorInvalid" })
    .trim()
    .max(max, { error: tooLong })
    .nullish()
    .transform((value) => (value ? value : null));
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const name = z
  .string({ error: "vendors.errorNameRequired" })
  .trim()
  .min(1, { error: "vendors.errorNameRequired" })
  .max(VENDOR_NAME_MAX, { error: "vendors.errorNameTooLong" });

const version = z.coerce
  .number({ error: "vendors.errorInvalid" })
  .int({ error: "vendors.errorInvalid" })
  .min(1, { error: "vendors.errorInvalid" });

const countryCode = z
  .string({ error: "vendors.errorCountry" })
  .trim()
  .toUpperCase()
  .refine((code) => isCountryCode(code), { error: "vendors.errorCountry" });

export const vendorFieldsSchema = z.object({
  name,
  website: optionalText(WEBSITE_MAX, "vendors.errorWebsite").refine((value) => value === null || isHttpUrl(value), {
    error: "vendors.errorWebsite",
  }),
  country: z
    .string({ error: "vendors.errorCountry" })
    .trim()
    .toUpperCase()
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || isCountryCode(value), { error: "vendors.errorCountry" }),
  criticality: z.enum(CRITICALITIES, { error: "vendors.errorCriticality" }),
  description: optionalText(DESCRIPTION_MAX, "vendors.errorDescriptionTooLong"),
});
export type VendorFieldsInput = z.input<typeof vendorFieldsSchema>;
export type VendorFields = z.output<typeof vendorFieldsSchema>;
export const VENDOR_FIELDS = ["name", "website", "country", "criticality", "description"] as const satisfies readonly (keyof VendorFields)[];

export const vendorUpdateSchema = vendorFieldsSchema.extend({ version });

const uniqueSorted = (values: string[]) => [...new Set(values)].sort();

export const productFieldsSchema = z.object({
  name,
  description: optionalText(DESCRIPTION_MAX, "vendors.errorDescriptionTooLong"),
  foundationModel: optionalText(FOUNDATION_MODEL_MAX, "vendors.errorFoundationModelTooLong"),
  hostingRegions: z
    .array(countryCode, { error: "vendors.errorCountry" })
    .max(COUNTRY_CODES.length * 2, { error: "vendors.errorCountry" })
    .default([])
    .transform(uniqueSorted),
  dataCategories: z
    .array(z.enum(DATA_CATEGORY_KEYS, { error: "vendors.errorDataCategory" }), { error: "vendors.errorDataCategory" })
    .max(DATA_CATEGORY_KEYS.length * 2, { error: "vendors.errorDataCategory" })
    .default([])
    .transform((keys) => uniqueSorted(keys) as (typeof DATA_CATEGORY_KEYS)[number][])
    .refine((keys) => !keys.includes(NO_DATA_CATEGORY) || keys.length === 1, { error: "vendors.errorNoneExclusive" }),
});
export type ProductFieldsInput = z.input<typeof productFieldsSchema>;
export type ProductFields = z.output<typeof productFieldsSchema>;
export const PRODUCT_FIELDS = [
  "name",
  "description",
  "foundationModel",
  "hostingRegions",
  "dataCategories",
] as const satisfies readonly (keyof ProductFields)[];

export const productUpdateSchema = productFieldsSchema.extend({ version });

/** The vendor list's URL query. Unknown or malformed values fall back to defaults (no 400 for a URL). */
export const vendorListQuerySchema = z.object({
  q: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => value?.trim().slice(0, SEARCH_MAX) || undefined),
  criticality: z.enum(CRITICALITIES).optional().catch(undefined),
  includeArchived: z.boolean().default(false).catch(false),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
/** Loose on purpose: values come straight from a URL and the schema falls back to defaults. */
export type VendorListQuery = {
  q?: string | null;
  criticality?: string | null;
  includeArchived?: boolean;
  page?: number | string | null;
};

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
}

export function readVendorForm(form: FormData): VendorFormValues {
  return {
    name: text(form, "name"),
    website: text(form, "website"),
    country: text(form, "country"),
    criticality: text(form, "criticality"),
    description: text(form, "description"),
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

/** A form's version field; null when missing or malformed. */
export function readVersion(form: FormData): number | null {
  const parsed = version.safeParse(form.get("version"));
  return parsed.success ? parsed.data : null;
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
  "vendors.errorConfirm",
]);
export function errorMessageKey(message: string | undefined): MessageKey {
  return (message && VENDOR_ERROR_KEYS.has(message) ? message : "vendors.errorInvalid") as MessageKey;
}

/** zod issues → { field: i18n key } keyed by the top-level field ("hostingRegions.2" → "hostingRegions"). */
export function formFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, MessageKey> {
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
}): VendorFormValues {
  return {
    name: vendor.name,
    website: vendor.website ?? "",
    country: vendor.country ?? "",
    criticality: vendor.criticality,
    description: vendor.description ?? "",
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
