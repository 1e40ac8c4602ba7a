import type { ImportedFramework, ImportedProvision } from "./imported-framework";

/**
 * Two versions of one framework compared by provision key (URN / OSCAL id), issue 14 item 3:
 *   - added: a key only the next version has;
 *   - removed: a key only the previous version has; the catalogue RETIRES it (never deletes it):
 *     decided assessments that reference it stay readable;
 *   - changed: its name, its text (description, the DE/EN translations, its ref_id label), its
 *     parent or whether it is assessable differ. Depth follows the parent. A new position in the
 *     document alone (`order`) is NOT a change: it is counted as `moved`, for information.
 * Each change lists its fields with before and after, which the change event stores as its
 * structured diff. Pure and linear in the number of provisions.
 */
export const COMPARED_FIELDS = [
  "name",
  "description",
  "parentKey",
  "refId",
  "assessable",
  "translations.de.name",
  "translations.de.description",
  "translations.en.name",
  "translations.en.description",
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface FieldChange {
  field: ComparedField;
  before: string | boolean | null;
  after: string | boolean | null;
}

export interface ProvisionChange {
  key: string;
  previous: ImportedProvision;
  next: ImportedProvision;
  fields: FieldChange[];
}

export interface FrameworkDiff {
  added: ImportedProvision[];
  removed: ImportedProvision[];
  changed: ProvisionChange[];
  /** Same content, another position: not a change. */
  moved: string[];
  unchanged: number;
  summary: { added: number; changed: number; removed: number };
}

function fieldValue(provision: ImportedProvision, field: ComparedField): string | boolean | null {
  switch (field) {
    case "name":
    case "description":
    case "parentKey":
    case "refId":
    case "assessable":
      return provision[field];
    default: {
      const [, language, part] = field.split(".") as [string, "de" | "en", "name" | "description"];
      return provision.translations[language]?.[part] ?? null;
    }
  }
}

export function diffProvision(previous: ImportedProvision, next: ImportedProvision): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of COMPARED_FIELDS) {
    const before = fieldValue(previous, field);
    const after = fieldValue(next, field);
    if (before === after) continue;
    // The file's own language is also its translation: that change is listed once, as the field.
    const own = field.endsWith(".name")
      ? "name"
      : field.endsWith(".description")
        ? "description"
        : null;
    const duplicate = changes.find((change) => change.field === own);
    if (
      field.startsWith("translations.") &&
      duplicate?.before === before &&
      duplicate.after === after
    )
      continue;
    changes.push({ field, before, after });
  }
  return changes;
}

export function diffFrameworks(
  previous: Pick<ImportedFramework, "provisions">,
  next: Pick<ImportedFramework, "provisions">,
): FrameworkDiff {
  const before = new Map(previous.provisions.map((provision) => [provision.key, provision]));
  const after = new Map(next.provisions.map((provision) => [provision.key, provision]));
  const added: ImportedProvision[] = [];
  const changed: ProvisionChange[] = [];
  const moved: string[] = [];
  let unchanged = 0;
  // Document order of the positions among the common keys: a provision "moved" when its rank
  // among them changed, so inserting or removing others does not make everything after it move.
  const commonBefore = previous.provisions.filter((p) => after.has(p.key)).map((p) => p.key);
  const commonAfter = next.provisions.filter((p) => before.has(p.key)).map((p) => p.key);
  const rankBefore = new Map(commonBefore.map((key, index) => [key, index]));
  const rankAfter = new Map(commonAfter.map((key, index) => [key, index]));

  for (const provision of next.provisions) {
    const old = before.get(provision.key);
    if (!old) {
      added.push(provision);
      continue;
    }
    const fields = diffProvision(old, provision);
    if (fields.length > 0)
      changed.push({ key: provision.key, previous: old, next: provision, fields });
    else if (rankBefore.get(provision.key) !== rankAfter.get(provision.key))
      moved.push(provision.key);
    else unchanged += 1;
  }
  const removed = previous.provisions.filter((provision) => !after.has(provision.key));
  return {
    added,
    removed,
    changed,
    moved,
    unchanged,
    summary: { added: added.length, changed: changed.length, removed: removed.length },
  };
}

/** What the CLI prints after a later version: `changes added=<a> changed=<c> removed=<r>`. */
export function formatDiffSummary(diff: FrameworkDiff): string {
  const { added, changed, removed } = diff.summary;
  return `changes added=${added} changed=${changed} removed=${removed}`;
}
