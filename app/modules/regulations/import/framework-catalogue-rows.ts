import { canonicalJson, sha256Hex } from "../../../../scoring";
import { assertOneOf, PROVISION_KINDS } from "../catalogue-values";
import type { ImportedFramework, ImportedProvision } from "./imported-framework";

/**
 * How an imported framework becomes catalogue rows (ADR 0031), and back. The catalogue keeps
 * titles and texts in German and English only; a file in another language keeps its own text in
 * the English columns rather than losing it (the parser reports the dropped translations).
 *
 * The version diff of an import compares the STORED form on both sides (the previous version's
 * rows, and the new file mapped to rows), so what counts as a change is exactly what the
 * catalogue can show, whatever the previous file's format details were. Pure: no database.
 */
export interface ProvisionRow {
  key: string;
  parentKey: string | null;
  kind: (typeof PROVISION_KINDS)[number];
  label: string;
  position: number;
  titleDe: string | null;
  titleEn: string | null;
  textDe: string | null;
  textEn: string | null;
  textSha256: string;
  assessable: boolean;
}

export function provisionTextHash(row: {
  titleDe: string | null;
  titleEn: string | null;
  textDe: string | null;
  textEn: string | null;
}): string {
  // The same canonical form as the bundled snapshot's provisionTextSha256 (version-content.ts).
  return sha256Hex(
    canonicalJson({
      titleDe: row.titleDe,
      titleEn: row.titleEn,
      textDe: row.textDe,
      textEn: row.textEn,
    }),
  );
}

const LABEL_EXCERPT = 60;

/**
 * What lists show for a provision: its reference (e.g. "R12"), else its name, else the start of its
 * text; the key (a whole URN) only when the file gives nothing else: real libraries have nodes
 * with a description only.
 */
function provisionLabel(provision: ImportedProvision): string {
  if (provision.refId ?? provision.name) return (provision.refId ?? provision.name)!;
  const text = provision.description?.replace(/\s+/g, " ").trim();
  if (!text) return provision.key;
  return text.length <= LABEL_EXCERPT ? text : `${text.slice(0, LABEL_EXCERPT - 1).trimEnd()}…`;
}

function provisionRow(provision: ImportedProvision, position: number): ProvisionRow {
  const { de, en } = provision.translations;
  const hasCatalogueLanguage = Boolean(de?.name ?? de?.description ?? en?.name ?? en?.description);
  const texts = {
    titleDe: de?.name ?? null,
    titleEn: en?.name ?? (hasCatalogueLanguage ? null : provision.name),
    textDe: de?.description ?? null,
    textEn: en?.description ?? (hasCatalogueLanguage ? null : provision.description),
  };
  return {
    key: provision.key,
    parentKey: provision.parentKey,
    kind: assertOneOf(PROVISION_KINDS, provision.kind, `provision ${provision.key} kind`),
    label: provisionLabel(provision),
    position,
    ...texts,
    textSha256: provisionTextHash(texts),
    assessable: provision.assessable,
  };
}

export function provisionRowsOf(framework: ImportedFramework): ProvisionRow[] {
  return framework.provisions.map((provision, position) => provisionRow(provision, position));
}

/** SHA-256 of what an imported version holds: the same file imported twice has the same hash. */
export function importedVersionSha256(framework: ImportedFramework, rows: ProvisionRow[]): string {
  return sha256Hex(
    canonicalJson({
      format: framework.format,
      id: framework.id,
      version: framework.version,
      provisions: rows,
    }),
  );
}

/** A stored provision in the parser's normalised form, so diffFrameworks can compare it. */
export function comparableProvision(
  row: Pick<
    ProvisionRow,
    | "key"
    | "parentKey"
    | "kind"
    | "label"
    | "position"
    | "titleDe"
    | "titleEn"
    | "textDe"
    | "textEn"
    | "assessable"
  >,
): ImportedProvision {
  return {
    key: row.key,
    parentKey: row.parentKey,
    depth: 1,
    kind: row.kind === "group" || row.kind === "control" ? row.kind : "requirement",
    refId: row.label,
    name: null,
    description: null,
    assessable: row.assessable,
    translations: {
      de: { name: row.titleDe, description: row.textDe },
      en: { name: row.titleEn, description: row.textEn },
    },
    order: row.position,
  };
}
