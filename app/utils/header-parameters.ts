/**
 * Parameters of a structured header value such as `form-data; name="file"; filename="a;b=c.pdf"`
 * or `multipart/form-data; boundary=xyz` (RFC 9110 §5.6.6, RFC 6266, RFC 7578). A quoted string
 * may contain `;`, `=` and escaped quotes; splitting on `;` or `=` (what the multipart parser
 * bundled with Remix does) turns such a file name into a 400. Lenient on purpose: a parameter it
 * cannot read is skipped, a missing closing quote ends the value at the end of the header.
 */
export interface HeaderValue {
  /** The part before the first `;`, lower-cased ("form-data", "multipart/form-data"). */
  type: string;
  /** Parameter names lower-cased; the first occurrence of a name wins. */
  params: Map<string, string>;
}

export function parseHeaderValue(header: string): HeaderValue {
  const params = new Map<string, string>();
  let i = header.indexOf(";");
  const type = (i === -1 ? header : header.slice(0, i)).trim().toLowerCase();
  if (i === -1) return { type, params };
  while (i < header.length) {
    i += 1; // past ";"
    const equals = nextOf(header, "=", i);
    const semicolon = nextOf(header, ";", i);
    if (equals >= semicolon) {
      // A parameter without a value ("; foo;" or a trailing "; foo"): skip it.
      i = semicolon;
      continue;
    }
    const name = header.slice(i, equals).trim().toLowerCase();
    let j = equals + 1;
    while (header[j] === " " || header[j] === "\t") j += 1;
    let value: string;
    if (header[j] === '"') {
      const quoted = readQuotedString(header, j);
      value = quoted.value;
      i = nextOf(header, ";", quoted.end);
    } else {
      i = nextOf(header, ";", j);
      value = header.slice(j, i).trim();
    }
    if (name !== "" && !params.has(name)) params.set(name, value);
  }
  return { type, params };
}

function nextOf(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at === -1 ? text.length : at;
}

/**
 * A quoted string starting at `start` (the opening quote). `\"` and `\\` are escapes (RFC 9110
 * quoted-pair, what curl and most libraries send); any other backslash is kept as it is, because
 * browsers send a backslash of a file name unescaped (they escape only `"`, as %22).
 */
function readQuotedString(text: string, start: number): { value: string; end: number } {
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const char = text[i]!;
    if (char === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (char === '"') return { value, end: i + 1 };
    value += char;
    i += 1;
  }
  return { value, end: text.length };
}

/**
 * The file name of a Content-Disposition's parameters: `filename*` (RFC 5987/8187, UTF-8 or
 * ISO-8859-1) when it is readable, otherwise `filename` with the HTML form encoding undone
 * (browsers send `"`, CR and LF as %22, %0D and %0A). Undefined when neither is present.
 */
export function fileNameOf(params: Map<string, string>): string | undefined {
  const extended = params.get("filename*");
  if (extended !== undefined) {
    const decoded = decodeExtendedValue(extended);
    if (decoded !== undefined) return decoded;
  }
  const plain = params.get("filename");
  if (plain === undefined) return undefined;
  return plain.replace(/%(22|0d|0a)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** `charset'language'percent-encoded` → text; undefined for an unknown charset or bad encoding. */
function decodeExtendedValue(value: string): string | undefined {
  const match = /^([A-Za-z0-9!#$&+^_`{}~-]+)'[^']*'(.*)$/s.exec(value.trim());
  if (!match) return undefined;
  const charset = match[1]!.toLowerCase();
  const encoded = match[2]!;
  try {
    if (charset === "utf-8") return decodeURIComponent(encoded);
    if (charset === "iso-8859-1") return unescapeLatin1(encoded);
  } catch {
    return undefined;
  }
  return undefined;
}

function unescapeLatin1(encoded: string): string {
  return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
