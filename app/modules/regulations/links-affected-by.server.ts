import { db, type Tx } from "../../utils/db.server";
import { changedKeysTouching } from "./provision-keys";

export interface AffectedLink {
  templateId: string;
  questionKey: string;
  provisionKey: string;
  relationship: string;
  /** The changed provision keys that touch this link (see provisionKeysOverlap). */
  changedKeys: string[];
}

/**
 * The organisation's question ↔ provision links that a change to `changedKeys` touches. An
 * organisation holds a few hundred links (templates × questions × references), so they are read
 * once and matched here: "is a part of / contains" on path-like keys has no portable index.
 */
export async function linksAffectedBy(
  organizationId: string,
  changedKeys: readonly string[],
  client: Tx = db(),
): Promise<AffectedLink[]> {
  if (changedKeys.length === 0) return [];
  const links = await client.provisionLink.findMany({
    where: { organizationId },
    select: { templateId: true, questionKey: true, provisionKey: true, relationship: true },
    orderBy: [{ templateId: "asc" }, { questionKey: "asc" }, { provisionKey: "asc" }],
  });
  return links.flatMap((link) => {
    const touching = changedKeysTouching(changedKeys, link.provisionKey);
    return touching.length > 0 ? [{ ...link, changedKeys: touching }] : [];
  });
}
