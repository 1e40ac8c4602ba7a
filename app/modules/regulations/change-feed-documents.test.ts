import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import {
  buildChangeAtom,
  buildChangeJsonFeed,
  type ChangeFeedInput,
} from "./change-feed-documents";
import type { ChangeEventRow } from "./list-change-events.server";

/**
 * The Atom and JSON Feed documents (issue 14 item 5), read back with a real XML parser (saxes,
 * strict well-formedness) and JSON.parse: every required element is there, and hostile catalogue
 * text (markup, entities, CDATA ends, control characters) arrives as text, never as markup.
 */
const HOSTILE = `<script>alert("x")</script> & &amp; ]]> 'quoted' \u0001\u0008 ü €`;
const HOSTILE_AS_TEXT = `<script>alert("x")</script> & &amp; ]]> 'quoted'  ü €`;

function row(overrides: Partial<ChangeEventRow> = {}): ChangeEventRow {
  return {
    id: "cev1",
    key: "k1",
    instrument: { key: "eu:2024/1689", titleDe: "KI-Verordnung", titleEn: `AI Act ${HOSTILE}` },
    type: "amendment",
    legalStatus: "in_force",
    detectedAt: new Date("2026-11-01T00:00:00Z"),
    effectiveAt: new Date("2026-12-02T00:00:00Z"),
    updatedAt: new Date("2026-11-03T00:00:00Z"),
    summaryDe: "Änderung",
    summaryEn: `Summary ${HOSTILE}`,
    sourceUrl: `https://eur-lex.europa.eu/eli/reg/2024/1689/oj?a=1&b="2"`,
    source: "bundle",
    confirmed: true,
    candidate: false,
    own: false,
    impact: { questions: 3, vendors: 2 },
    ...overrides,
  };
}

const input = (rows: ChangeEventRow[], locale: "en" | "de" = "en"): ChangeFeedInput => ({
  rows,
  locale,
  organizationName: `Org <&> "Acme"`,
  appUrl: "https://vetted.example",
  selfUrl: "https://vetted.example/feeds/SECRET/changes.atom",
  feedId: "urn:vetted:change-feed:org1:en",
  now: new Date("2026-12-07T10:00:00Z"),
});

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

/** A small DOM from saxes events; saxes throws on anything not well-formed. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      text: "",
      children: [],
    };
    stack.at(-1)?.children.push(element);
    stack.push(element);
    root ??= element;
  });
  parser.on("text", (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("doctype", () => {
    throw new Error("a feed has no DOCTYPE");
  });
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return root;
}

const child = (element: XmlElement, name: string) =>
  element.children.filter((c) => c.name === name);
const one = (element: XmlElement, name: string) => {
  const found = child(element, name);
  expect(found, `<${element.name}> has exactly one <${name}>`).toHaveLength(1);
  return found[0]!;
};

describe("Atom", () => {
  it("is well-formed and has every required feed and entry element, with text escaped", () => {
    const xml = buildChangeAtom(
      input([row(), row({ id: "cev2", effectiveAt: null, impact: null, sourceUrl: null })]),
    );
    const feed = parseXml(xml);
    expect(feed.name).toBe("feed");
    expect(feed.attributes.xmlns).toBe("http://www.w3.org/2005/Atom");
    expect(one(feed, "id").text).toBe("urn:vetted:change-feed:org1:en");
    expect(one(feed, "title").text).toBe(`Regulatory changes · Org <&> "Acme"`);
    expect(one(feed, "updated").text).toBe("2026-11-03T00:00:00.000Z");
    expect(one(one(feed, "author"), "name").text).toBe("Vetted");
    const self = child(feed, "link").filter((link) => link.attributes.rel === "self");
    expect(self.map((link) => link.attributes.href)).toEqual([
      "https://vetted.example/feeds/SECRET/changes.atom",
    ]);
    const entries = child(feed, "entry");
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(one(entry, "id").text).toMatch(/^urn:vetted:change-event:cev\d$/);
      expect(one(entry, "title").text).toBe(`AI Act ${HOSTILE_AS_TEXT}: Amendment`);
      expect(Date.parse(one(entry, "updated").text)).not.toBeNaN();
      expect(one(entry, "summary").text).toContain(`Summary ${HOSTILE_AS_TEXT}`);
      const alternate = child(entry, "link").find((link) => link.attributes.rel === "alternate");
      expect(alternate?.attributes.href).toMatch(
        /^https:\/\/vetted\.example\/regulations\/changes\/cev\d$/,
      );
    }
    const [first, second] = entries as [XmlElement, XmlElement];
    expect(one(first, "summary").text).toContain(
      "Effective: 2026-12-02. Impact in your organisation: 3 questions, 2 vendors.",
    );
    expect(child(first, "link").find((l) => l.attributes.rel === "related")?.attributes.href).toBe(
      `https://eur-lex.europa.eu/eli/reg/2024/1689/oj?a=1&b="2"`,
    );
    expect(one(second, "summary").text).toContain("No effective date yet.");
    expect(one(second, "summary").text).not.toContain("Impact");
  });

  it("speaks the reader's language and marks what is not confirmed", () => {
    const feed = parseXml(
      buildChangeAtom(input([row({ confirmed: false, candidate: true })], "de")),
    );
    expect(feed.attributes["xml:lang"]).toBe("de");
    const entry = one(feed, "entry");
    expect(one(entry, "title").text).toBe("KI-Verordnung: Änderung");
    expect(one(entry, "summary").text).toBe(
      "Änderung Rechtsstatus: In Kraft. Wirksam: 2026-12-02. Auswirkung in Ihrer Organisation: 3 Fragen, 2 Anbieter. Noch nicht bestätigt.",
    );
  });

  it("has an updated date and a self link when empty", () => {
    const feed = parseXml(buildChangeAtom(input([])));
    expect(one(feed, "updated").text).toBe("2026-12-07T10:00:00.000Z");
    expect(child(feed, "entry")).toEqual([]);
  });
});

describe("JSON Feed 1.1", () => {
  it("has the version, the feed URL and per item id, url, title, summary, dates and the facts only", () => {
    const feed = JSON.parse(
      buildChangeJsonFeed({
        ...input([row()]),
        selfUrl: "https://vetted.example/feeds/S/changes.json",
      }),
    ) as Record<string, unknown>;
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe("https://vetted.example/feeds/S/changes.json");
    expect(feed.language).toBe("en");
    const [item] = feed.items as Record<string, unknown>[];
    expect(item).toMatchObject({
      id: "urn:vetted:change-event:cev1",
      url: "https://vetted.example/regulations/changes/cev1",
      title: `AI Act ${HOSTILE}: Amendment`,
      date_published: "2026-11-01T00:00:00.000Z",
      date_modified: "2026-11-03T00:00:00.000Z",
    });
    expect(Object.keys(item!._vetted as object).sort()).toEqual(
      [
        "candidate",
        "confirmed",
        "effectiveAt",
        "impact",
        "instrument",
        "legalStatus",
        "type",
      ].sort(),
    );
  });
});
