import { labelKey, translate, type Locale } from "../../utils/i18n";
import type { ChangeEventRow } from "./list-change-events.server";

/**
 * The Atom (RFC 4287) and JSON Feed 1.1 documents of the change feed: one builder, two callers
 * (the secret feed URL and `vetted regulations changes --format atom|json`). Pure: the rows, the
 * addresses and the instant come in. The documents hold catalogue facts and the organisation's
 * impact counts, nothing else (no vendor names, no question texts).
 */
export interface ChangeFeedInput {
  rows: readonly ChangeEventRow[];
  locale: Locale;
  organizationName: string | null;
  /** The public base URL (APP_URL) for links to the change pages. */
  appUrl: string;
  /** The address the document is served from (Atom rel="self", JSON Feed feed_url). */
  selfUrl: string;
  /** A stable id of the feed (an organisation's feed keeps it across token rotations). */
  feedId: string;
  /** "updated" of an empty feed. */
  now: Date;
}

interface FeedEntry {
  id: string;
  title: string;
  summary: string;
  url: string;
  sourceUrl: string | null;
  published: string;
  updated: string;
  tags: string[];
  facts: {
    instrument: string;
    type: string;
    legalStatus: string;
    effectiveAt: string | null;
    confirmed: boolean;
    candidate: boolean;
    impact: { questions: number; vendors: number } | null;
  };
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function changeTypeLabel(locale: Locale, type: string): string {
  const key = labelKey("regulationChanges.type", type);
  return key ? translate(locale, key) : type;
}

export function legalStatusLabel(locale: Locale, status: string): string {
  const key = labelKey("regulationChanges.status", status);
  return key ? translate(locale, key) : status;
}

export function instrumentTitle(locale: Locale, row: Pick<ChangeEventRow, "instrument">): string {
  return locale === "de" ? row.instrument.titleDe : row.instrument.titleEn;
}

function entryOf(row: ChangeEventRow, input: ChangeFeedInput): FeedEntry {
  const { locale } = input;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const type = changeTypeLabel(locale, row.type);
  const status = legalStatusLabel(locale, row.legalStatus);
  const parts = [
    locale === "de" ? row.summaryDe : row.summaryEn,
    t("regulationChanges.feedEntryStatus", { status }),
    row.effectiveAt
      ? t("regulationChanges.feedEntryEffective", { date: day(row.effectiveAt) })
      : t("regulationChanges.feedEntryPending"),
  ];
  if (row.impact) parts.push(t("regulationChanges.feedEntryImpact", { ...row.impact }));
  if (!row.confirmed) parts.push(t("regulationChanges.feedEntryUnconfirmed"));
  const updated = row.updatedAt > row.detectedAt ? row.updatedAt : row.detectedAt;
  return {
    id: `urn:vetted:change-event:${row.id}`,
    title: `${instrumentTitle(locale, row)}: ${type}`,
    summary: parts.join(" "),
    url: new URL(`/regulations/changes/${encodeURIComponent(row.id)}`, input.appUrl).href,
    sourceUrl: row.sourceUrl,
    published: row.detectedAt.toISOString(),
    updated: updated.toISOString(),
    tags: [row.type, row.legalStatus],
    facts: {
      instrument: row.instrument.key,
      type: row.type,
      legalStatus: row.legalStatus,
      effectiveAt: row.effectiveAt ? day(row.effectiveAt) : null,
      confirmed: row.confirmed,
      candidate: row.candidate,
      impact: row.impact,
    },
  };
}

function feedTitle(input: ChangeFeedInput): string {
  return translate(input.locale, "regulationChanges.feedTitle", {
    organization: input.organizationName ?? "Vetted",
  });
}

function newestUpdate(entries: FeedEntry[], now: Date): string {
  return (
    entries.reduce((newest, entry) => (entry.updated > newest ? entry.updated : newest), "") ||
    now.toISOString()
  );
}

// Characters XML 1.0 does not allow at all (C0 controls other than tab, LF, CR; lone surrogates;
// U+FFFE/U+FFFF): dropped, since no escape can represent them.
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or attribute content for XML: every markup character escaped, forbidden characters removed. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function buildChangeAtom(input: ChangeFeedInput): string {
  const entries = input.rows.map((row) => entryOf(row, input));
  const x = escapeXml;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(input.locale)}">`,
    `  <id>${x(input.feedId)}</id>`,
    `  <title>${x(feedTitle(input))}</title>`,
    `  <subtitle>${x(translate(input.locale, "regulationChanges.feedSubtitle"))}</subtitle>`,
    `  <updated>${x(newestUpdate(entries, input.now))}</updated>`,
    `  <author><name>Vetted</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${x(input.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(new URL("/regulations/changes", input.appUrl).href)}"/>`,
    `  <generator>Vetted</generator>`,
  ];
  for (const entry of entries) {
    lines.push(
      "  <entry>",
      `    <id>${x(entry.id)}</id>`,
      `    <title>${x(entry.title)}</title>`,
      `    <published>${x(entry.published)}</published>`,
      `    <updated>${x(entry.updated)}</updated>`,
      `    <summary type="text">${x(entry.summary)}</summary>`,
      `    <link rel="alternate" type="text/html" href="${x(entry.url)}"/>`,
    );
    if (entry.sourceUrl) lines.push(`    <link rel="related" href="${x(entry.sourceUrl)}"/>`);
    for (const tag of entry.tags) lines.push(`    <category term="${x(tag)}"/>`);
    lines.push("  </entry>");
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}

export function buildChangeJsonFeed(input: ChangeFeedInput): string {
  const entries = input.rows.map((row) => entryOf(row, input));
  const document = {
    version: "https://jsonfeed.org/version/1.1",
    title: feedTitle(input),
    description: translate(input.locale, "regulationChanges.feedSubtitle"),
    home_page_url: new URL("/regulations/changes", input.appUrl).href,
    feed_url: input.selfUrl,
    language: input.locale,
    authors: [{ name: "Vetted" }],
    items: entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      ...(entry.sourceUrl ? { external_url: entry.sourceUrl } : {}),
      title: entry.title,
      summary: entry.summary,
      content_text: entry.summary,
      date_published: entry.published,
      date_modified: entry.updated,
      tags: entry.tags,
      // JSON Feed extensions start with an underscore; readers that do not know it ignore it.
      _vetted: entry.facts,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
