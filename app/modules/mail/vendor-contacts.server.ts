import type { Db, Tx } from "../../utils/db.server";
import type { Locale } from "../../utils/i18n";
import { parseSections } from "../clarifications/clarification-access.server";
import { recipientLocale } from "./recipient-locale";

export interface VendorContact {
  /** The invite link: mails offer a "send me a new link" address for it (new-link-ref.server.ts). */
  inviteId: string;
  email: string;
  locale: Locale;
  /** Sections a delegated colleague may see; null: every section. */
  sections: readonly string[] | null;
}

/**
 * The assessment (title, organisation name) and the contacts of its active invite links
 * (neither revoked nor expired), oldest link first, for mails to the vendor. Null when the
 * assessment is not the organisation's. Read with the transaction that queues the mails, so the
 * recipients are those of the committed state.
 */
export async function activeVendorContacts(
  client: Tx | Db,
  organizationId: string,
  assessmentId: string,
  now = new Date(),
) {
  const assessment = await client.assessment.findFirst({
    where: { id: assessmentId, organizationId },
    select: { title: true, organization: { select: { name: true } } },
  });
  if (!assessment) return null;
  const links = await client.inviteLink.findMany({
    where: { assessmentId, organizationId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "asc" },
    select: { id: true, contactEmail: true, locale: true, sections: true },
  });
  const contacts: VendorContact[] = links.map((link) => ({
    inviteId: link.id,
    email: link.contactEmail,
    locale: recipientLocale(link.locale),
    sections: parseSections(link.sections),
  }));
  return { title: assessment.title, organizationName: assessment.organization.name, contacts };
}

/** One contact per address (the first one), even when a person holds several links. */
export function oncePerAddress<T extends { email: string }>(contacts: T[]): T[] {
  const seen = new Set<string>();
  return contacts.filter((contact) => {
    const address = contact.email.toLowerCase();
    if (seen.has(address)) return false;
    seen.add(address);
    return true;
  });
}
