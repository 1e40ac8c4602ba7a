// Which version of an instrument binds on a day: the rule every date query of the catalogue and
// the adequacy facts share. Pure; days are YYYY-MM-DD (they compare as strings).

/** Statuses that bind from entryIntoForceAt; a repealed or annulled state binds as an end. */
export const BINDING_STATUSES: readonly string[] = [
  "published",
  "in_force",
  "repealed",
  "annulled",
];
const ENDED_STATUSES: readonly string[] = ["repealed", "annulled"];

/**
 * The version legally in force on `onDate` (YYYY-MM-DD), not the newest: the binding version
 * with the latest entry into force on or before that day (a later one in the list wins a tie).
 * Null before the first, when the newest binding state is a repeal or annulment, or when no
 * version has a known date. `onDate` null: the newest binding version, whatever its date.
 */
export function versionInForce<V extends { legalStatus: string; entryIntoForceAt: string | null }>(
  versions: readonly V[],
  onDate: string | null,
): V | null {
  let best: V | null = null;
  for (const version of versions) {
    if (!BINDING_STATUSES.includes(version.legalStatus) || version.entryIntoForceAt === null)
      continue;
    if (onDate !== null && version.entryIntoForceAt > onDate) continue;
    if (best === null || version.entryIntoForceAt >= best.entryIntoForceAt!) best = version;
  }
  if (best && ENDED_STATUSES.includes(best.legalStatus)) return null;
  return best;
}
