import type { AdequacyDecisionRef } from "../../../scoring";
import { adequacyDecisionRefs } from "../../reference-data/regulations/adequacy-windows";
import { db, type Tx } from "../../utils/db.server";
import { dateToDay, optionalDay } from "./catalogue-days";

/**
 * The adequacy decisions as the global catalogue states them on `knownOn` (YYYY-MM-DD: the
 * versions in force that day, so a rating as of 20.6.2025 sees the UK sunset of 27.6.2025), in
 * the shape the scoring library takes as `adequacyDecisions`. Only the global catalogue: an
 * organisation's imported framework never changes which countries are adequate.
 */
export async function adequacyDecisionsFromCatalogue(
  knownOn: string,
  client: Tx = db(),
): Promise<AdequacyDecisionRef[]> {
  const instruments = await client.instrument.findMany({
    where: {
      organizationId: null,
      kind: "eu_decision",
      versions: { some: { windows: { some: { scope: { not: null } } } } },
    },
    select: {
      versions: {
        select: {
          legalStatus: true,
          entryIntoForceAt: true,
          windows: {
            where: { scope: { not: null } },
            select: { scope: true, condition: true, appliesFrom: true, appliesUntil: true },
          },
        },
      },
    },
  });
  return adequacyDecisionRefs(
    instruments.map((instrument) => ({
      versions: instrument.versions.map((version) => ({
        legalStatus: version.legalStatus,
        entryIntoForceAt: optionalDay(version.entryIntoForceAt),
        windows: version.windows.map((window) => ({
          scope: window.scope,
          condition: window.condition,
          from: dateToDay(window.appliesFrom),
          until: optionalDay(window.appliesUntil),
        })),
      })),
    })),
    knownOn,
  );
}
