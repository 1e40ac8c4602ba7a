import { fetchFeed } from "./fetch-feed.server";
import { parseFeed } from "./parse-feed";
import { recordSyncCandidates, type SyncOutcome } from "./record-sync-candidates.server";
import { SYNC_LIMITS, type SyncLimits } from "./sync-limits";

/**
 * Online sync (optional; offline is the default): fetch an Atom or RSS 2.0 feed within bounds,
 * parse it strictly, record its new entries as candidate change events of the scope. Throws
 * SyncError with a sentence for the operator; nothing is written unless the whole feed was read
 * and parsed.
 */
export async function syncRegulationFeed({
  source,
  organizationId,
  limits = { ...SYNC_LIMITS },
  now = new Date(),
}: {
  source: string;
  organizationId: string | null;
  limits?: SyncLimits;
  now?: Date;
}): Promise<SyncOutcome & { skipped: number }> {
  const { bytes, url } = await fetchFeed(source, limits);
  const feed = parseFeed(bytes, limits);
  // Candidates are keyed by the address asked for, not where redirects ended: a moved feed keeps
  // its entries' identity.
  const outcome = await recordSyncCandidates(organizationId, new URL(source), feed, now);
  return { ...outcome, host: url.host, skipped: feed.skipped };
}
