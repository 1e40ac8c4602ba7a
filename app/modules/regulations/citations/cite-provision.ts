// A provision key rendered as a citation in the reader's language (issue 21 item 1): the German
// DPO convention ("Art. 28 Abs. 3 lit. a DSGVO", "§ 38 BDSG") and the English one ("GDPR
// Art. 28(3)(a)", "Section 38 BDSG"). Pure: the short names come from CITATION_STYLES, the facts
// a citation needs from the catalogue (the bundled snapshot unless the caller passes its own view,
// e.g. with an organisation's imported frameworks). The key scheme is described in
// app/reference-data/regulations/citation-styles.ts.

import {
  CITATION_STYLES,
  type CitationForm,
  type CitationStyle,
} from "../../../reference-data/regulations/citation-styles";
import { REGULATION_SNAPSHOT } from "../../../reference-data/regulations/index";
import type { SnapshotInstrument } from "../../../reference-data/regulations/snapshot-types";

export type CitationLocale = "en" | "de";

export interface CitationInstrument {
  key: string;
  kind?: SnapshotInstrument["kind"] | string;
  citation?: string | null;
  titleEn?: string | null;
  titleDe?: string | null;
  /** The first version's publication day (YYYY-MM-DD): a judgment's date. */
  publishedAt?: string | null;
}

export interface CitationProvisionFacts {
  key: string;
  label: string;
}

/** What a citation may look up in the catalogue. */
export interface CitationCatalogue {
  instrument(key: string): CitationInstrument | undefined;
  provision(key: string): CitationProvisionFacts | undefined;
  instrumentKeys(): Iterable<string>;
}

export interface Citation {
  text: string;
  /** False: the key's shape was not understood and the text is the catalogue's label. */
  exact: boolean;
}

function snapshotCatalogue(): CitationCatalogue {
  const instruments = new Map<string, CitationInstrument>();
  const provisions = new Map<string, CitationProvisionFacts>();
  for (const instrument of REGULATION_SNAPSHOT.instruments) {
    instruments.set(instrument.key, {
      key: instrument.key,
      kind: instrument.kind,
      citation: instrument.citation ?? null,
      titleEn: instrument.titleEn,
      titleDe: instrument.titleDe,
      publishedAt: instrument.versions[0]?.publishedAt ?? null,
    });
    for (const version of instrument.versions)
      for (const provision of version.provisions)
        provisions.set(provision.key, { key: provision.key, label: provision.label });
  }
  return {
    instrument: (key) => instruments.get(key),
    provision: (key) => provisions.get(key),
    instrumentKeys: () => instruments.keys(),
  };
}

let bundled: CitationCatalogue | null = null;
/** The bundled snapshot as a citation catalogue (built once: the snapshot is constant). */
export function bundledCitationCatalogue(): CitationCatalogue {
  bundled ??= snapshotCatalogue();
  return bundled;
}

/** Keys of the documents a key shape names even when no catalogue holds them. */
// Each alternative is anchored and has no nested repetition, so matching is linear.
const INSTRUMENT_SHAPE =
  // eslint-disable-next-line security/detect-unsafe-regex
  /^(?:eu:cjeu:[^:]+|edpb:[a-z]+:[^:]+|eu:\d{4}\/\d+(?:\/[A-Z]+)?|[a-z0-9]+:[^:]+)/;

/** The instrument part of a provision key: the longest known instrument key it starts with. */
export function instrumentKeyOf(
  key: string,
  catalogue = bundledCitationCatalogue(),
): string | null {
  let best: string | null = null;
  const consider = (candidate: string) => {
    if (
      (key === candidate || key.startsWith(`${candidate}:`)) &&
      candidate.length > (best?.length ?? 0)
    )
      best = candidate;
  };
  for (const candidate of Object.keys(CITATION_STYLES)) consider(candidate);
  for (const candidate of catalogue.instrumentKeys()) consider(candidate);
  return best ?? INSTRUMENT_SHAPE.exec(key)?.[0] ?? null;
}

function formOf(
  instrumentKey: string,
  style: CitationStyle | undefined,
  kind?: string,
): CitationForm {
  if (style?.form) return style.form;
  // The catalogue's kind first (a German guidance document is no act), then the key's shape.
  if (kind === "court_ruling") return "ruling";
  if (kind === "guidance") return "guidance";
  if (kind === "standard" || kind === "framework") return "standard";
  if (kind === "eu_decision") return "eu_decision";
  if (kind === "national_act") return "german_act";
  if (instrumentKey.startsWith("eu:cjeu:")) return "ruling";
  if (instrumentKey.startsWith("edpb:")) return "guidance";
  if (instrumentKey.startsWith("de:")) return "german_act";
  if (/^(?:iso|bsi):/.test(instrumentKey)) return "standard";
  return "eu_act";
}

/** "2020-07-16" → "16.7.2020" (the German short form of a judgment's date). */
function germanShortDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${d}.${m}.${y}`;
}

const RECOMMENDATIONS = { de: "EDSA-Empfehlungen", en: "EDPB Recommendations" };
const GUIDELINES = { de: "EDSA-Leitlinien", en: "EDPB Guidelines" };
const OPINION = { de: "EDSA-Stellungnahme", en: "EDPB Opinion" };
const STATEMENT = { de: "EDSA-Erklärung", en: "EDPB Statement" };
/** EDPB document types by the word in the key ("edpb:guidelines:05/2021", "edpb:rec:01/2020"). */
const EDPB_DOCUMENTS: Record<string, { de: string; en: string }> = {
  rec: RECOMMENDATIONS,
  recommendations: RECOMMENDATIONS,
  gl: GUIDELINES,
  guidelines: GUIDELINES,
  op: OPINION,
  opinion: OPINION,
  st: STATEMENT,
  statement: STATEMENT,
};

/** The instrument's short name in both languages; null when nothing names it. */
function shortNames(
  instrumentKey: string,
  form: CitationForm,
  style: CitationStyle | undefined,
  instrument: CitationInstrument | undefined,
): { de: string; en: string } | null {
  if (form === "ruling") {
    const caseNumber = instrumentKey.replace(/^eu:cjeu:/, "");
    const name = style?.name ? ` (${style.name})` : "";
    const day = instrument?.publishedAt
      ? `Urt. v. ${germanShortDay(instrument.publishedAt)} – `
      : "";
    return {
      de: style?.de ?? `EuGH, ${day}${caseNumber}${name}`,
      en: style?.en ?? `CJEU ${caseNumber}${name}`,
    };
  }
  if (style?.de && style.en) return { de: style.de, en: style.en };
  const edpb = /^edpb:([a-z]+):(.+)$/.exec(instrumentKey);
  if (edpb && EDPB_DOCUMENTS[edpb[1]!])
    return {
      de: `${EDPB_DOCUMENTS[edpb[1]!]!.de} ${edpb[2]}`,
      en: `${EDPB_DOCUMENTS[edpb[1]!]!.en} ${edpb[2]}`,
    };
  const eu = /^eu:(\d{4}\/\d+)$/.exec(instrumentKey);
  if (eu && instrument) {
    const number = eu[1];
    if (instrument.kind === "eu_directive")
      return { de: `RL (EU) ${number}`, en: `Directive (EU) ${number}` };
    if (instrument.kind === "eu_regulation")
      return { de: `VO (EU) ${number}`, en: `Regulation (EU) ${number}` };
    if (instrument.kind === "eu_decision") {
      const implementing = /Implementing Decision/.test(
        `${instrument.citation ?? ""} ${instrument.titleEn ?? ""}`,
      );
      return implementing
        ? {
            de: `Durchführungsbeschluss (EU) ${number}`,
            en: `Implementing Decision (EU) ${number}`,
          }
        : { de: `Beschluss (EU) ${number}`, en: `Decision (EU) ${number}` };
    }
  }
  if (instrument?.citation) {
    const de = instrument.citation
      .replace("Implementing Decision", "Durchführungsbeschluss")
      .replace(/\bDecision\b/, "Entscheidung");
    return { de, en: instrument.citation };
  }
  if (instrument?.titleEn)
    return { de: instrument.titleDe ?? instrument.titleEn, en: instrument.titleEn };
  return null;
}

type PairType =
  "art" | "par" | "pt" | "sent" | "annex" | "part" | "sec" | "ch" | "cl" | "rn" | "annex-a" | "ctl";

const ALIASES: Record<string, PairType> = {
  art: "art",
  par: "par",
  abs: "par",
  pt: "pt",
  lit: "pt",
  nr: "pt",
  sent: "sent",
  satz: "sent",
  annex: "annex",
  part: "part",
  sec: "sec",
  ch: "ch",
  cl: "cl",
  clause: "cl",
  rn: "rn",
  para: "rn",
  "annex-a": "annex-a",
  domain: "ctl",
  crit: "ctl",
  criterion: "ctl",
  control: "ctl",
};

/** Suffixes that stand for the document as a whole (a judgment's operative part, a roadmap). */
const WHOLE_DOCUMENT = new Set(["ruling", "roadmap", "criteria", "whole"]);

interface Pair {
  type: PairType;
  id: string | null;
}

/** The key's "<type>:<id>" pairs after the instrument; null when the shape is not understood. */
function parsePairs(suffix: string): Pair[] | null {
  if (suffix === "") return [];
  if (WHOLE_DOCUMENT.has(suffix)) return [];
  const segments = suffix.split(":");
  const pairs: Pair[] = [];
  for (let i = 0; i < segments.length;) {
    const type = ALIASES[segments[i]!];
    if (!type) return null;
    const next = segments[i + 1];
    // An annex without a number ("annex:cl:14": the decision's only annex).
    if (type === "annex" && (next === undefined || ALIASES[next] !== undefined)) {
      pairs.push({ type, id: null });
      i += 1;
      continue;
    }
    if (next === undefined || next === "") return null;
    pairs.push({ type, id: next });
    i += 2;
  }
  return pairs;
}

const ORDINALS = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
];
const ordinal = (id: string) => ORDINALS[Number(id) - 1] ?? `${id}.`;
const isNumeral = (id: string) => /^\d+[a-z]?$/.test(id);
const upper = (id: string) => id.toUpperCase();
const range = (id: string) => id.replace(/-/g, "–");

/** Tokens of an article-numbered act, German convention ("Art. 28 Abs. 3 lit. a"). */
function germanTokens(pairs: Pair[], germanAct: boolean): string[] | null {
  const tokens: string[] = [];
  let previous: Pair | null = null;
  for (const [index, pair] of pairs.entries()) {
    const id = pair.id ?? "";
    switch (pair.type) {
      case "art":
        tokens.push(`Art. ${id}`);
        break;
      case "par":
        tokens.push(germanAct && index === 0 ? `§ ${id}` : `Abs. ${id}`);
        break;
      case "sec":
        if (germanAct && index === 0) tokens.push(`§ ${id}`);
        else tokens.push(`Abschnitt ${id}`);
        break;
      case "pt":
        if (isNumeral(id)) tokens.push(`Nr. ${id}`);
        else if (previous?.type === "pt" && !isNumeral(previous.id ?? ""))
          tokens.push(`Ziff. ${id}`);
        else tokens.push(germanAct ? `Buchst. ${id}` : `lit. ${id}`);
        break;
      case "sent":
        tokens.push(`Satz ${id}`);
        break;
      case "annex":
        tokens.push(pair.id === null ? "Anhang" : `Anhang ${upper(id)}`);
        break;
      case "part":
        tokens.push(`Teil ${upper(id)}`);
        break;
      case "ch":
        tokens.push(`Kapitel ${upper(id)}`);
        break;
      case "cl":
        tokens.push(`Klausel ${id}`);
        break;
      case "rn":
        tokens.push(`Rn. ${id}`);
        break;
      default:
        return null;
    }
    previous = pair;
  }
  return tokens;
}

/** Pieces of an article-numbered act, English convention ("Art. 28(3)(a)", "Annex XII point 1(b)"). */
function englishPieces(pairs: Pair[], germanAct: boolean): string[] | null {
  // Each piece is one word group; a piece starting with "(" or "," attaches to the one before.
  const pieces: string[] = [];
  let previous: Pair | null = null;
  for (const [index, pair] of pairs.entries()) {
    const id = pair.id ?? "";
    switch (pair.type) {
      case "art":
        pieces.push(`Art. ${id}`);
        break;
      case "par":
        pieces.push(germanAct && index === 0 ? `Section ${id}` : `(${id})`);
        break;
      case "sec":
        pieces.push(`Section ${id}`);
        break;
      case "pt":
        if (!isNumeral(id)) pieces.push(`(${id})`);
        else if (germanAct) pieces.push(`no. ${id}`);
        else if (previous && ["annex", "part", "sec"].includes(previous.type))
          pieces.push(`point ${id}`);
        else pieces.push(`(${id})`);
        break;
      case "sent":
        pieces.push(`, ${ordinal(id)} sentence`);
        break;
      case "annex":
        pieces.push(pair.id === null ? "Annex" : `Annex ${upper(id)}`);
        break;
      case "part":
        pieces.push(`Part ${upper(id)}`);
        break;
      case "ch":
        pieces.push(`Chapter ${upper(id)}`);
        break;
      case "cl":
        pieces.push(`Clause ${id}`);
        break;
      case "rn":
        pieces.push(`, para. ${id}`);
        break;
      default:
        return null;
    }
    previous = pair;
  }
  return pieces;
}

function joinPieces(pieces: readonly string[]): string {
  return pieces.reduce(
    (out, piece) => (out === "" || /^[(,]/.test(piece) ? `${out}${piece}` : `${out} ${piece}`),
    "",
  );
}

/** Pairs that start a new comma group in a decision ("…, Anhang, Klausel 14"). */
const GROUP_STARTS: ReadonlySet<PairType> = new Set(["art", "annex", "part", "sec", "ch", "cl"]);

function groups(pairs: Pair[]): Pair[][] {
  const out: Pair[][] = [];
  for (const pair of pairs) {
    if (out.length === 0 || GROUP_STARTS.has(pair.type)) out.push([pair]);
    else out[out.length - 1]!.push(pair);
  }
  return out;
}

/** A standard's control or clause, the same in both languages except the word for clause. */
function standardToken(pairs: Pair[], locale: CitationLocale): string | null {
  if (pairs.length === 0) return "";
  const last = pairs[pairs.length - 1]!;
  const id = last.id ?? "";
  switch (last.type) {
    case "annex-a":
      return /^a\./i.test(id) ? upper(id) : `A.${upper(id)}`;
    case "ctl":
      return upper(id);
    case "cl": {
      const several = id.includes("-");
      if (locale === "de") return `${several ? "Abschnitte" : "Abschnitt"} ${range(id)}`;
      return `${several ? "clauses" : "clause"} ${range(id)}`;
    }
    default:
      return null;
  }
}

function render(
  form: CitationForm,
  short: string,
  pairs: Pair[],
  locale: CitationLocale,
): string | null {
  if (pairs.length === 0) return short;
  switch (form) {
    case "standard": {
      const token = standardToken(pairs, locale);
      return token === null ? null : `${short} ${token}`;
    }
    case "ruling":
    case "guidance": {
      if (pairs.length !== 1 || pairs[0]!.type !== "rn") return null;
      return locale === "de" ? `${short}, Rn. ${pairs[0]!.id}` : `${short}, para. ${pairs[0]!.id}`;
    }
    case "eu_decision": {
      const parts: string[] = [];
      for (const group of groups(pairs)) {
        const text =
          locale === "de"
            ? germanTokens(group, false)?.join(" ")
            : (() => {
                const pieces = englishPieces(group, false);
                return pieces ? joinPieces(pieces) : undefined;
              })();
        if (text === undefined) return null;
        parts.push(text);
      }
      return [short, ...parts].join(", ");
    }
    case "eu_act":
    case "german_act": {
      const germanAct = form === "german_act";
      if (locale === "de") {
        const tokens = germanTokens(pairs, germanAct);
        return tokens ? `${tokens.join(" ")} ${short}` : null;
      }
      const pieces = englishPieces(pairs, germanAct);
      if (!pieces) return null;
      return germanAct ? `${joinPieces(pieces)} ${short}` : joinPieces([short, ...pieces]);
    }
  }
}

const SECTION_LABEL = /^Sections? (\S+)$/;

/**
 * A guidance document's or judgment's part named by topic ("edpb:guidelines:2/2018:art-49"): a
 * DPO cites the document, with its section where the catalogue's label names one.
 */
function topicCitation(short: string, label: string | undefined, locale: CitationLocale): string {
  const section = label ? SECTION_LABEL.exec(label)?.[1] : undefined;
  if (!section) return short;
  return locale === "de"
    ? `${short}, Abschn. ${range(section)}`
    : `${short}, section ${range(section)}`;
}

/**
 * The citation of a provision (or of a whole instrument) in `locale`, and whether the key's shape
 * was understood. An unknown shape reads as the instrument's citation and the provision's label.
 */
export function citationOf(
  provisionKey: string,
  locale: CitationLocale,
  catalogue: CitationCatalogue = bundledCitationCatalogue(),
): Citation {
  const instrumentKey = instrumentKeyOf(provisionKey, catalogue);
  const provision = catalogue.provision(provisionKey);
  if (!instrumentKey) return { text: provision?.label ?? provisionKey, exact: false };
  const instrument = catalogue.instrument(instrumentKey);
  const style = CITATION_STYLES[instrumentKey];
  const form = formOf(instrumentKey, style, instrument?.kind);
  const names = shortNames(instrumentKey, form, style, instrument);
  const suffix = provisionKey.slice(instrumentKey.length + 1);
  const pairs = parsePairs(suffix);
  if (names && pairs) {
    const text = render(form, names[locale], pairs, locale);
    if (text !== null) return { text, exact: true };
  }
  if (names && (form === "guidance" || form === "ruling") && !suffix.includes(":"))
    return { text: topicCitation(names[locale], provision?.label, locale), exact: true };
  const short = names?.[locale] ?? instrumentKey;
  return { text: provision ? `${short} ${provision.label}` : short, exact: false };
}

/** The citation text of a provision key in `locale`. */
export function citeProvision(
  provisionKey: string,
  locale: CitationLocale,
  catalogue?: CitationCatalogue,
): string {
  return citationOf(provisionKey, locale, catalogue).text;
}
