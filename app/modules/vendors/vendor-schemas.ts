import { z } from "zod";
import { COUNTRY_CODES, isCountryCode } from "../../reference-data/countries";
import { DATA_CATEGORY_KEYS, NO_DATA_CATEGORY } from "../../reference-data/data-categories";
import {
  CRITICALITIES,
  DESCRIPTION_MAX,
  FOUNDATION_MODEL_MAX,
  PRODUCT_FIELDS,
  SEARCH_MAX,
  VENDOR_FIELDS,
  VENDOR_NAME_MAX,
  WEBSITE_MAX,
} from "./vendor-fields";
import { displayNameSchema, optionalDisplayNameSchema } from "../../utils/display-name-schema";
import { splitTags, TAG_MAX, TAGS_MAX_COUNT } from "./vendor-tags";

/**
 * Vendor and product input, shared by the routes (validation at the edge, 400 with field errors)
 * and the use cases (which parse again, so a caller cannot skip validation). Error messages are
 * i18n keys in the `vendors` namespace. Parsing is idempotent: parsing parsed output again gives
 * the same value. No writes, no I/O. Constants and form helpers that pages need live in
 * vendor-fields.ts, which does not pull zod into the browser bundle.
 */
export { CRITICALITIES, type Criticality } from "./vendor-fields";

/** Optional free text: trimmed, "" → null, at most `max` characters. */
function optionalText(max: number, tooLong: `vendors.${string}`) {
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

// Cleaned like every user-supplied name (cleanDisplayText): no bidi controls or invisible characters.
const name = displayNameSchema({
  max: VENDOR_NAME_MAX,
  required: "vendors.errorNameRequired",
  tooLong: "vendors.errorNameTooLong",
});

const version = z.coerce
  .number({ error: "vendors.errorInvalid" })
  .int({ error: "vendors.errorInvalid" })
  .min(1, { error: "vendors.errorInvalid" });

const countryCode = z
  .string({ error: "vendors.errorCountry" })
  .trim()
  .toUpperCase()
  .refine((code) => isCountryCode(code), { error: "vendors.errorCountry" });

/**
 * Tags: the form's comma-separated text ("strategic, llm") or a list (parsed output parses to
 * itself). Normalised by splitTags() (cleaned like every name: no controls, bidi or invisible
 * characters); each tag at most TAG_MAX characters, at most TAGS_MAX_COUNT tags. Missing or
 * empty: no tags.
 */
const tags = z
  .union([z.string(), z.array(z.string())], { error: "vendors.errorInvalid" })
  .nullish()
  .transform((value) => splitTags(value ?? ""))
  .refine((list) => list.every((tag) => tag.length <= TAG_MAX), {
    error: "vendors.errorTagTooLong",
  })
  .refine((list) => list.length <= TAGS_MAX_COUNT, { error: "vendors.errorTooManyTags" });

// `satisfies`: the schemas have exactly the fields that vendor-fields.ts lists.
export const vendorFieldsSchema = z.object({
  name,
  website: optionalText(WEBSITE_MAX, "vendors.errorWebsite").refine(
    (value) => value === null || isHttpUrl(value),
    {
      error: "vendors.errorWebsite",
    },
  ),
  country: z
    .string({ error: "vendors.errorCountry" })
    .trim()
    .toUpperCase()
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || isCountryCode(value), { error: "vendors.errorCountry" }),
  criticality: z.enum(CRITICALITIES, { error: "vendors.errorCriticality" }),
  description: optionalText(DESCRIPTION_MAX, "vendors.errorDescriptionTooLong"),
  tags,
} satisfies Record<(typeof VENDOR_FIELDS)[number], z.ZodType>);
export type VendorFieldsInput = z.input<typeof vendorFieldsSchema>;
export type VendorFields = z.output<typeof vendorFieldsSchema>;

export const vendorUpdateSchema = vendorFieldsSchema.extend({ version });

const uniqueSorted = (values: string[]) => [...new Set(values)].sort();

export const productFieldsSchema = z.object({
  name,
  description: optionalText(DESCRIPTION_MAX, "vendors.errorDescriptionTooLong"),
  foundationModel: optionalDisplayNameSchema({
    max: FOUNDATION_MODEL_MAX,
    tooLong: "vendors.errorFoundationModelTooLong",
    invalid: "vendors.errorInvalid",
  }),
  hostingRegions: z
    .array(countryCode, { error: "vendors.errorCountry" })
    .max(COUNTRY_CODES.length * 2, { error: "vendors.errorCountry" })
    .default([])
    .transform(uniqueSorted),
  dataCategories: z
    .array(z.enum(DATA_CATEGORY_KEYS, { error: "vendors.errorDataCategory" }), {
      error: "vendors.errorDataCategory",
    })
    .max(DATA_CATEGORY_KEYS.length * 2, { error: "vendors.errorDataCategory" })
    .default([])
    .transform((keys) => uniqueSorted(keys) as (typeof DATA_CATEGORY_KEYS)[number][])
    .refine((keys) => !keys.includes(NO_DATA_CATEGORY) || keys.length === 1, {
      error: "vendors.errorNoneExclusive",
    }),
} satisfies Record<(typeof PRODUCT_FIELDS)[number], z.ZodType>);
export type ProductFieldsInput = z.input<typeof productFieldsSchema>;
export type ProductFields = z.output<typeof productFieldsSchema>;

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
