// The references of a template question as the reader sees them (issue 21 item 1): catalogue
// provision keys (`references`) cited in the reader's language, then the free-text reference
// strings (`regulationRefs`). Bundled versions published before issue 21 carry strings such as
// "GDPR Art. 28(3)(a)": a string that stands for exactly one provision (TEMPLATE_REFERENCE_LINKS)
// is cited like a key, so an old assessment's German report shows "Art. 28 Abs. 3 lit. a DSGVO";
// any other string (a custom template's own text) is shown as written.

import { TEMPLATE_REFERENCE_LINKS } from "../../../reference-data/template-provision-links";
import {
  bundledCitationCatalogue,
  citeProvision,
  type CitationCatalogue,
  type CitationLocale,
} from "./cite-provision";

export interface QuestionReferenceSource {
  references?: readonly string[];
  regulationRefs?: readonly string[];
}

export type LocalizedCitation = Record<CitationLocale, string>;

/** A legacy reference string in `locale`: its one provision's citation, else the string itself. */
export function citeLegacyReference(
  reference: string,
  locale: CitationLocale,
  catalogue: CitationCatalogue = bundledCitationCatalogue(),
): string {
  // Own-property lookup: a custom reference such as "constructor" is no key of the table.
  const links = Object.hasOwn(TEMPLATE_REFERENCE_LINKS, reference)
    ? TEMPLATE_REFERENCE_LINKS[reference]
    : undefined;
  return links?.length === 1 ? citeProvision(links[0]!.provisionKey, locale, catalogue) : reference;
}

/** A question's references in one language, keys first, without repeats. */
export function questionCitations(
  question: QuestionReferenceSource,
  locale: CitationLocale,
  catalogue: CitationCatalogue = bundledCitationCatalogue(),
): string[] {
  const cited = [
    ...(question.references ?? []).map((key) => citeProvision(key, locale, catalogue)),
    ...(question.regulationRefs ?? []).map((ref) => citeLegacyReference(ref, locale, catalogue)),
  ];
  return [...new Set(cited)];
}

/** A question's references in both languages, for a page that picks the reader's language. */
export function localizedQuestionCitations(
  question: QuestionReferenceSource,
  catalogue: CitationCatalogue = bundledCitationCatalogue(),
): LocalizedCitation[] {
  const keys = [
    ...(question.references ?? []).map((key) => ({
      en: citeProvision(key, "en", catalogue),
      de: citeProvision(key, "de", catalogue),
    })),
    ...(question.regulationRefs ?? []).map((ref) => ({
      en: citeLegacyReference(ref, "en", catalogue),
      de: citeLegacyReference(ref, "de", catalogue),
    })),
  ];
  const seen = new Set<string>();
  return keys.filter((c) => {
    const id = `${c.en}\u0000${c.de}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
