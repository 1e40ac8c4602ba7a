import { z } from "zod";

// A change event's stored structured diff ({ changes: [{ provisionKey?, field, from, to }] },
// ChangeEvent.diffJson), parsed again on read (stored JSON is never trusted blindly).

const changeSchema = z.object({
  provisionKey: z.string().optional(),
  field: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
const diffSchema = z.object({ changes: z.array(changeSchema) });

export type DiffChange = z.infer<typeof changeSchema>;

/** The changes of a stored diff; an unreadable diff reads as none (it is shown as such). */
export function parseChangeDiff(json: string): DiffChange[] {
  try {
    const parsed = diffSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data.changes : [];
  } catch {
    return [];
  }
}

/** Change types whose subject is an adequacy decision: they affect data flows, not questions. */
export function isAdequacyChangeType(type: string): boolean {
  return type.startsWith("adequacy_");
}

// The bundle names the country inside the field: "appliesUntil[GB]", "adequacy[BR]" (a scope is
// an ISO code or "io:<code>" for an international organisation, which no country flow reaches).
const SCOPED_FIELD = /\[([A-Z]{2})\]$/;

/**
 * The countries an adequacy change concerns: those its diff names; when the diff names none (an
 * event recorded without details), the countries of the decision's windows (`windowScopes`).
 */
export function adequacyCountriesOf(
  changes: readonly DiffChange[],
  windowScopes: readonly string[],
): string[] {
  const fromDiff = changes.flatMap((change) => {
    const match = SCOPED_FIELD.exec(change.field);
    return match ? [match[1]!] : [];
  });
  const countries =
    fromDiff.length > 0 ? fromDiff : windowScopes.filter((s) => /^[A-Z]{2}$/.test(s));
  return [...new Set(countries)].sort();
}
