import { db, type Tx } from "../../utils/db.server";
import { linksAffectedBy } from "./links-affected-by.server";
import { changedKeysTouching } from "./provision-keys";

export interface ImpactCount {
  /** Distinct (template, question) pairs whose provision links the event touches. */
  questions: number;
  /** Distinct vendors with an assessment on a template that has one of those questions. */
  vendors: number;
}

/**
 * The organisation's impact count per change event: how many mapped questions the event's
 * affected provisions touch (linksAffectedBy: same key, a part of it or the whole it lies in),
 * and how many vendors are assessed on a template with such a question. Events the organisation
 * cannot see, or that touch nothing, are absent from the map. The counts are the organisation's
 * own facts: a caller shows them only to that organisation's members (and its feed).
 *
 * The "impact" helper may replace the internals (e.g. per template version); keep the signature.
 */
export async function impactCountsFor(
  organizationId: string,
  changeEventIds: readonly string[],
  client: Tx = db(),
): Promise<Map<string, ImpactCount>> {
  const counts = new Map<string, ImpactCount>();
  if (changeEventIds.length === 0) return counts;
  const events = await client.changeEvent.findMany({
    where: {
      id: { in: [...changeEventIds] },
      OR: [{ organizationId: null }, { organizationId }],
    },
    select: { id: true, affectedProvisionKeys: true },
  });
  // The organisation's links are read once for all events (linksAffectedBy with every key of
  // every event), then matched per event with the same overlap rule: a page of 500 events costs
  // two queries, not 500.
  const keysByEvent = new Map(events.map((e) => [e.id, provisionKeysOf(e.affectedProvisionKeys)]));
  const allKeys = [...new Set([...keysByEvent.values()].flat())];
  const candidates = await linksAffectedBy(organizationId, allKeys, client);
  if (candidates.length === 0) return counts;
  const vendorsByTemplate = await assessedVendorsByTemplate(organizationId, client);
  for (const [eventId, keys] of keysByEvent) {
    const links = candidates.filter(
      (link) => changedKeysTouching(keys, link.provisionKey).length > 0,
    );
    if (links.length === 0) continue;
    const questions = new Set(links.map((link) => `${link.templateId}\u0000${link.questionKey}`));
    const vendors = new Set<string>();
    for (const templateId of new Set(links.map((link) => link.templateId)))
      for (const vendorId of vendorsByTemplate.get(templateId) ?? []) vendors.add(vendorId);
    counts.set(eventId, { questions: questions.size, vendors: vendors.size });
  }
  return counts;
}

async function assessedVendorsByTemplate(
  organizationId: string,
  client: Tx,
): Promise<Map<string, Set<string>>> {
  const rows = await client.assessment.findMany({
    where: { organizationId },
    select: { vendorId: true, templateVersion: { select: { templateId: true } } },
    distinct: ["vendorId", "templateVersionId"],
  });
  const byTemplate = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = byTemplate.get(row.templateVersion.templateId) ?? new Set<string>();
    set.add(row.vendorId);
    byTemplate.set(row.templateVersion.templateId, set);
  }
  return byTemplate;
}

/** The stored JSON array of provision keys; anything else reads as "no keys". */
export function provisionKeysOf(stored: string): string[] {
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed)
      ? parsed.filter((key): key is string => typeof key === "string")
      : [];
  } catch {
    return [];
  }
}
