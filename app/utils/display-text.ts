/**
 * User-supplied names (vendors, products, people, organisations, titles, tags, file names, …)
 * are shown to other people: on pages, in mails, exports and signed PDFs. A name must look like
 * what it is. Bidirectional controls can make `\u202Egnp.exe.txt` display as `txt.exe.png`;
 * zero-width and other invisible characters make two different names look identical. So every
 * name is cleaned once, at the edge, before it is validated and stored: the same function for all
 * of them. Plain module (no zod, no server code): forms and pages may import it too.
 */

/**
 * Characters that change how the text around them is displayed without being visible themselves:
 * - every Unicode format character (\p{Cf}): the bidi marks, embeddings, overrides and isolates
 *   (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069), zero-width space/joiners (U+200B–U+200D),
 *   word joiner and invisible operators (U+2060–U+2064), U+FEFF, U+180E, the soft hyphen U+00AD,
 *   the interlinear annotation and tag characters (U+FFF9–U+FFFB, U+E0001–U+E007F);
 * - the combining grapheme joiner U+034F and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0),
 *   which render as nothing yet are letters or marks to Unicode.
 */
const INVISIBLE_FORMATTING = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0]/gu;

/** C0 and C1 control characters and DEL, except tab and line breaks (handled as whitespace). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Any run of whitespace, Unicode spaces and line/paragraph separators included. */
const WHITESPACE_RUN = /\s+/gu;

/** Unpaired UTF-16 surrogates (not text; PostgreSQL refuses them). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes what can disguise text but keeps its lines: invisible formatting characters, controls
 * other than tab and line breaks, lone surrogates; NFC-normalised. For multi-line text that is
 * shown or exported as it is (descriptions, cells of an export, lines of a PDF).
 */
export function stripDeceptiveCharacters(text: string): string {
  return text
    .normalize("NFC")
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(INVISIBLE_FORMATTING, "")
    .replace(CONTROLS_EXCEPT_WHITESPACE, "");
}

/**
 * A single-line name as it is stored and shown: NFC, without bidi controls, invisible formatting
 * characters or controls, every run of whitespace (line breaks included) one space, trimmed.
 * Idempotent. May return "" (a name of only invisible characters): callers refuse that with a
 * message, like an empty field.
 */
export function cleanDisplayText(raw: string): string {
  // NFC again at the end: removing a joiner between two characters can leave a composable pair.
  return stripDeceptiveCharacters(raw).replace(WHITESPACE_RUN, " ").trim().normalize("NFC");
}
