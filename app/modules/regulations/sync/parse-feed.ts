import { SaxesParser } from "saxes";
import { SYNC_LIMITS, SyncError, type SyncLimits } from "./sync-limits";

/** One entry of an Atom or RSS 2.0 feed, as far as a candidate change needs it. */
export interface FeedItem {
  /** Atom <id>, RSS <guid>, else the link: what makes a second sync find the same entry. */
  id: string;
  title: string;
  link: string | null;
  summary: string;
  published: string | null;
}

export interface ParsedFeed {
  format: "atom" | "rss";
  title: string;
  items: FeedItem[];
  /** Entries beyond maxEntries, left out. */
  skipped: number;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1).toLowerCase();
const clean = (text: string, max: number) => text.replace(/\s+/g, " ").trim().slice(0, max);

/**
 * Reads an Atom or RSS 2.0 document with a strict XML parser (saxes: well-formedness errors are
 * errors). A DOCTYPE is refused outright — feeds have none, and entity declarations are how XML
 * bombs and external-entity reads start — and saxes never expands entities beyond the five
 * predefined ones and character references, so nothing is fetched or multiplied.
 */
export function parseFeed(bytes: Uint8Array, limits: SyncLimits = { ...SYNC_LIMITS }): ParsedFeed {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SyncError("the feed is not UTF-8 text");
  }
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: string[] = [];
  let format: ParsedFeed["format"] | null = null;
  let feedTitle = "";
  const items: FeedItem[] = [];
  let skipped = 0;
  let item: {
    id: string;
    guid: string;
    title: string;
    link: string | null;
    summary: string;
    published: string;
  } | null = null;
  let buffer = "";
  parser.on("doctype", () => {
    throw new SyncError("the feed has a DOCTYPE (entity declarations are refused)");
  });
  parser.on("opentag", (tag) => {
    const name = localName(tag.name);
    if (stack.length === 0) {
      if (name === "feed") format = "atom";
      else if (name === "rss") format = "rss";
      else throw new SyncError(`not an Atom or RSS 2.0 feed (root element <${tag.name}>)`);
    }
    stack.push(name);
    buffer = "";
    if ((format === "atom" && name === "entry") || (format === "rss" && name === "item")) {
      item = { id: "", guid: "", title: "", link: null, summary: "", published: "" };
    }
    if (item && name === "link" && format === "atom") {
      const attributes = tag.attributes as Record<string, string>;
      const rel = attributes.rel ?? "alternate";
      if (rel === "alternate" && attributes.href && !item.link) item.link = attributes.href;
    }
  });
  parser.on("text", (chunk) => void (buffer += chunk));
  parser.on("cdata", (chunk) => void (buffer += chunk));
  parser.on("closetag", () => {
    const name = stack.pop()!;
    const parent = stack.at(-1);
    const value = buffer;
    buffer = "";
    if (!item) {
      if (name === "title" && (parent === "feed" || parent === "channel") && !feedTitle)
        feedTitle = clean(value, limits.maxTitleChars);
      return;
    }
    if ((format === "atom" && name === "entry") || (format === "rss" && name === "item")) {
      const id = clean(item.id || item.guid || item.link || "", 1000);
      if (id) {
        if (items.length < limits.maxEntries)
          items.push({
            id,
            title: clean(item.title, limits.maxTitleChars),
            link: item.link ? item.link.trim() : null,
            // RSS descriptions often carry escaped HTML: kept as plain text, tags dropped.
            summary: clean(item.summary.replace(/<[^>]*>/g, " "), limits.maxSummaryChars),
            published: item.published ? clean(item.published, 100) : null,
          });
        else skipped++;
      }
      item = null;
      return;
    }
    if (name === "id") item.id = value;
    else if (name === "guid") item.guid = value;
    else if (name === "title") item.title = value;
    else if (name === "link" && format === "rss") item.link = value.trim() || item.link;
    else if (name === "summary" || name === "description" || (name === "content" && !item.summary))
      item.summary = value;
    else if (name === "published" || name === "updated" || name === "pubdate")
      item.published ||= value;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof SyncError) throw error;
    throw new SyncError(`the feed is not well-formed XML: ${(error as Error).message}`);
  }
  if (!format) throw new SyncError("the feed is empty");
  return { format, title: feedTitle, items, skipped };
}
