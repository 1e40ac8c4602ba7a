import { cleanDisplayText } from "../../utils/display-text";
import { extensionOf } from "./detect-file-type";

const MAX_NAME_CHARS = 180;

/**
 * The name an upload is stored and offered under: cleaned like every other name (no bidi
 * controls, invisible or control characters: cleanDisplayText), the last path segment only,
 * without quotes, path or shell-special characters, at most 180 characters (keeping the
 * extension), never empty, and with the detected type's extension when it had none.
 */
export function cleanFileName(raw: string, extension: string): string {
  // Cleaned before the path is cut: an invisible character must not hide a separator's effect.
  const visible = cleanDisplayText(raw);
  const base = cleanDisplayText(
    (visible.split(/[/\\]/).pop() ?? "").replace(/["*:<>?|;`$]/g, "_"),
  ).replace(/^\.+/, "");
  let name = base === "" ? "evidence" : base;
  if (extensionOf(name) === "") name = `${name}.${extension}`;
  if ([...name].length > MAX_NAME_CHARS) {
    const ext = extensionOf(name);
    const stem = [...name.slice(0, name.length - ext.length - 1)]
      .slice(0, MAX_NAME_CHARS - ext.length - 1)
      .join("");
    name = `${stem}.${ext}`;
  }
  return name;
}

/**
 * A Content-Disposition value that offers the file as a download under its name: an ASCII
 * fallback for old clients plus the exact name as RFC 5987 `filename*`.
 */
export function attachmentDisposition(storedName: string): string {
  // Names stored before they were cleaned at upload are cleaned here too (no RLO in a download).
  const fileName = cleanDisplayText(storedName) || "evidence";
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
