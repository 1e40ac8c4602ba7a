import { detectFrameworkFormat, isOscalXml, syntaxOf } from "./detect-framework-format";
import { FRAMEWORK_FILE_MAX_BYTES } from "./framework-import-limits";
import { importMessage, type FrameworkParseResult } from "./imported-framework";
import { parseCisoAssistantLibrary } from "./parse-ciso-assistant-library";
import { parseOscalCatalog } from "./parse-oscal-catalog";

/**
 * An uploaded file's bytes → a framework or messages. The size is checked on the bytes, before
 * they are decoded; the text must be UTF-8 (a decoding error is a message, not a replacement
 * character in a requirement's text). Runs in a parser worker (parse-framework-file.server.ts).
 */
export function parseFrameworkBytes(bytes: Uint8Array, fileName: string): FrameworkParseResult {
  if (bytes.byteLength > FRAMEWORK_FILE_MAX_BYTES)
    return {
      ok: false,
      errors: [
        importMessage("(file)", "frameworkImport.fileTooLarge", {
          size: bytes.byteLength,
          max: FRAMEWORK_FILE_MAX_BYTES,
        }),
      ],
    };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, errors: [importMessage("(file)", "frameworkImport.notUtf8")] };
  }
  return parseFrameworkText(text, fileName);
}

/** The same for text (tests, and callers that already hold a string). */
export function parseFrameworkText(text: string, fileName: string): FrameworkParseResult {
  if (text.trim() === "")
    return { ok: false, errors: [importMessage("(file)", "frameworkImport.fileEmpty")] };
  if (isOscalXml(text))
    return { ok: false, errors: [importMessage("(file)", "frameworkImport.oscalXmlUnsupported")] };
  const format = detectFrameworkFormat(fileName, text);
  if (format === "oscal") return parseOscalCatalog(text, syntaxOf(text));
  if (format === "ciso_assistant") return parseCisoAssistantLibrary(text);
  return { ok: false, errors: [importMessage("(file)", "frameworkImport.formatUnknown")] };
}
