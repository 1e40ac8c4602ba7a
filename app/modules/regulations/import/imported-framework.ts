import { z } from "zod";
import { FRAMEWORK_IMPORT_LIMITS } from "./framework-import-limits";
import { translate, type MessageKey, type MessageParams } from "../../../utils/i18n";

/**
 * The normalised result of a framework import, whatever the file's format: one framework with
 * its provisions as a flat, ordered list (the tree comes from `parentKey`). Pure data, so it
 * crosses the parser worker's boundary by structured clone and the catalogue can store it.
 */
export const FRAMEWORK_SOURCE_FORMATS = ["ciso_assistant", "oscal"] as const;
export type FrameworkSourceFormat = (typeof FRAMEWORK_SOURCE_FORMATS)[number];

export const PROVISION_KINDS = ["group", "control", "requirement", "part"] as const;
export type ProvisionKind = (typeof PROVISION_KINDS)[number];

/** The two languages Vetted shows; a file's other translations are reported and left out. */
export const PROVISION_LANGUAGES = ["de", "en"] as const;
export type ProvisionLanguage = (typeof PROVISION_LANGUAGES)[number];

const localizedText = z.object({ name: z.string().nullable(), description: z.string().nullable() });

export const importedProvisionSchema = z.object({
  /** Stable identity across versions: the node's URN (CISO Assistant) or the OSCAL id. */
  key: z.string().min(1),
  parentKey: z.string().nullable(),
  /** 1 = top level. */
  depth: z.number().int().min(1),
  kind: z.enum(PROVISION_KINDS),
  /** What the document prints in front of it: `4.1`, `Art. 28`, `AC-2(1)`. */
  refId: z.string().nullable(),
  name: z.string().nullable(),
  /** The main text (CISO Assistant `description`; the OSCAL statement with its items). */
  description: z.string().nullable(),
  assessable: z.boolean(),
  translations: z.object({ de: localizedText.optional(), en: localizedText.optional() }),
  /** Position in the document (0-based); moving a provision changes only this. */
  order: z.number().int().min(0),
});
export type ImportedProvision = z.infer<typeof importedProvisionSchema>;

/** A problem or a notice, located in the file: `{path}: {message}`. */
export const importMessageSchema = z.object({
  /** e.g. `objects.framework.requirement_nodes[12].parent_urn`; "(file)" for the file as a whole. */
  path: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** English, what the command line prints and logs record. */
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});
export type FrameworkImportMessage = z.infer<typeof importMessageSchema> & { key: MessageKey };

export const importedFrameworkSchema = z.object({
  format: z.enum(FRAMEWORK_SOURCE_FORMATS),
  /** Identity of the framework across versions: the library URN, or the OSCAL document id. */
  id: z.string().min(1),
  /** CISO Assistant's integer version as text, or OSCAL's metadata.version. */
  version: z.string().min(1),
  locale: z.string(),
  name: z.string(),
  provider: z.string().nullable(),
  description: z.string().nullable(),
  copyright: z.string().nullable(),
  provisions: z.array(importedProvisionSchema),
  /** What the import left out or assumed (unknown fields, questions, other languages). */
  notices: z.array(importMessageSchema),
});
export type ImportedFramework = z.infer<typeof importedFrameworkSchema> & {
  notices: FrameworkImportMessage[];
};

export type FrameworkParseResult =
  { ok: true; framework: ImportedFramework } | { ok: false; errors: FrameworkImportMessage[] };

/** A message with its key and parameters, and the English text for the CLI and logs. */
export function importMessage(
  path: string,
  key: MessageKey,
  params?: MessageParams,
): FrameworkImportMessage {
  return params
    ? { path, key, params, message: translate("en", key, params) }
    : { path, key, message: translate("en", key) };
}

/** The first problems, and one line that counts the rest: a broken file of 20,000 nodes is not 20,000 lines. */
export function capProblems(errors: FrameworkImportMessage[]): FrameworkImportMessage[] {
  const max = FRAMEWORK_IMPORT_LIMITS.maxProblems;
  if (errors.length <= max) return errors;
  return [
    ...errors.slice(0, max),
    importMessage("(file)", "frameworkImport.tooManyProblems", { count: errors.length - max }),
  ];
}

/** One message as a line of English text: `objects.framework.requirement_nodes[3].depth: is 3, …`. */
export function formatImportMessage(message: FrameworkImportMessage): string {
  return message.path === "(file)" ? message.message : `${message.path}: ${message.message}`;
}

/** Counts the CLI prints: `provisions=<n> assessable=<m>`. */
export function provisionCounts(framework: ImportedFramework): {
  provisions: number;
  assessable: number;
} {
  return {
    provisions: framework.provisions.length,
    assessable: framework.provisions.filter((provision) => provision.assessable).length,
  };
}

/** What the CLI prints after an import: `imported <urn> version=<v> provisions=<n> assessable=<m>`. */
export function formatImportSummary(framework: ImportedFramework): string {
  const { provisions, assessable } = provisionCounts(framework);
  return `imported ${framework.id} version=${framework.version} provisions=${provisions} assessable=${assessable}`;
}

/** Text as it is compared and stored: line ends unified, outer blank space removed; empty → null. */
export function normaliseText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\r\n?/g, "\n").trim();
  return text === "" ? null : text;
}
