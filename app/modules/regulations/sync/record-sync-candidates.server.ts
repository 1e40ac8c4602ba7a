import { sha256Hex } from "../../../utils/crypto.server";
import { inTransaction } from "../../../utils/transaction.server";
import { recordAuditEvent } from "../../audit/record-audit-event.server";
import type { SystemActor } from "../../auth/actor";
import { scopeKeyOf } from "../catalogue-values";
import type { ParsedFeed } from "./parse-feed";

export interface SyncOutcome {
  host: string;
  entries: number;
  added: number;
}

/** An entry's link, if it is an http(s) URL (a feed may say anything, e.g. javascript:). */
function safeLink(link: string | null, base: URL): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Records each entry of a fetched feed that is not yet known as a candidate change event of the
 * scope (the organisation's, or the global catalogue without one): source "sync", unconfirmed, no
 * effective date, keyed by the SHA-256 of the feed's address and the entry's id, so a second sync
 * adds nothing, and a dismissed candidate (kept, dismissedAt set) is not proposed again. The
 * entries hang on one instrument per feed source ("sync:<host>"), created on first use. Candidates
 * are never facts: the feed, the digest and the impact triage show them marked until a person
 * confirms them. One transaction, with the organisation's audit event.
 */
export async function recordSyncCandidates(
  organizationId: string | null,
  source: URL,
  feed: ParsedFeed,
  now = new Date(),
): Promise<SyncOutcome> {
  const scopeKey = scopeKeyOf(organizationId);
  const sourceKey = sha256Hex(`${source.origin}${source.pathname}${source.search}`).slice(0, 16);
  const keyOf = (id: string) => `sync:${sourceKey}:${sha256Hex(id).slice(0, 32)}`;
  const added = await inTransaction(async (tx) => {
    const instrument = await tx.instrument.upsert({
      where: { scopeKey_key: { scopeKey, key: `sync:${source.host}` } },
      create: {
        organizationId,
        scopeKey,
        key: `sync:${source.host}`,
        kind: "guidance",
        titleDe: feed.title || source.host,
        titleEn: feed.title || source.host,
        authority: source.host,
        jurisdiction: "unknown",
        sourceUrl: source.href,
        confirmed: false,
        note: "Feed source of an online sync; its entries are candidates until confirmed.",
      },
      update: {},
      select: { id: true },
    });
    const keys = feed.items.map((item) => keyOf(item.id));
    const known = new Set(
      (
        await tx.changeEvent.findMany({
          where: { scopeKey, key: { in: keys } },
          select: { key: true },
        })
      ).map((row) => row.key),
    );
    let created = 0;
    for (const item of feed.items) {
      const key = keyOf(item.id);
      if (known.has(key)) continue;
      known.add(key);
      const text = [item.title, item.summary].filter(Boolean).join(" — ");
      await tx.changeEvent.create({
        data: {
          organizationId,
          scopeKey,
          key,
          instrumentId: instrument.id,
          // Unknown until a person reads it; "guidance" claims the least.
          type: "guidance",
          detectedAt: now,
          effectiveAt: null,
          legalStatus: "published",
          affectedProvisionKeys: "[]",
          diffJson: JSON.stringify({
            changes: [],
            sync: { entryId: item.id, published: item.published },
          }),
          // The feed's own words, in the feed's language: a person translates when confirming.
          summaryDe: text,
          summaryEn: text,
          sourceUrl: safeLink(item.link, source),
          source: "sync",
          confirmed: false,
        },
      });
      created++;
    }
    if (organizationId && created > 0) {
      const actor: SystemActor = { kind: "system", organizationId, label: "cli regulations sync" };
      await recordAuditEvent(tx, actor, {
        action: "regulations.sync_candidates_recorded",
        payload: { source: source.host, entries: feed.items.length, added: created },
      });
    }
    return created;
  });
  return { host: source.host, entries: feed.items.length, added };
}
