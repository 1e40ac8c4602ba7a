/**
 * What a browser without JavaScript sends when a server-rendered form is submitted (the HTML
 * "successful controls"): enabled inputs, checked radios and checkboxes, the selected option of
 * each select, textarea contents; no file inputs, no buttons (the caller adds the pressed one),
 * no controls that belong to another form through a `form="…"` attribute.
 *
 * Good enough for the markup React renders on the server (attribute values never contain a raw
 * `>`, forms are never nested); not a general HTML parser.
 */

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#x27": "'",
  "#39": "'",
  nbsp: "\u00a0",
};

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower in ENTITIES) return ENTITIES[lower]!;
    if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return whole;
  });
}

/** Attributes of one start tag: name → decoded value ("" for a bare attribute). */
function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  // React writes every attribute value in double quotes. Linear: the name stops at "=", and the
  // optional value is delimited by quotes it cannot contain.
  // eslint-disable-next-line security/detect-unsafe-regex
  const pattern = /([^\s=/>"']+)(?:="([^"]*)")?/g;
  // Skip the tag name itself.
  const body = tag.replace(/^<\s*[a-z0-9]+/i, "");
  for (const match of body.matchAll(pattern)) {
    attributes.set(match[1]!.toLowerCase(), decode(match[2] ?? ""));
  }
  return attributes;
}

/** The HTML of every <form> on the page, with its start tag's attributes. */
export function formsIn(html: string): { attributes: Map<string, string>; html: string }[] {
  const forms: { attributes: Map<string, string>; html: string }[] = [];
  for (const match of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/gi)) {
    const start = /^<form\b[^>]*>/i.exec(match[0])![0];
    forms.push({ attributes: attributesOf(start), html: match[0] });
  }
  return forms;
}

/** The fields a browser would submit for `formHtml` (one <form>…</form>), in document order. */
export function successfulControls(formHtml: string): [string, string][] {
  const fields: [string, string][] = [];
  const tags = /<(input|textarea|select)\b([^>]*)>|<\/select>|<option\b([^>]*)>([^<]*)/gi;
  let select: { name: string; options: { value: string; selected: boolean }[] } | null = null;
  let match: RegExpExecArray | null;
  while ((match = tags.exec(formHtml))) {
    const [whole, element] = match;
    if (whole.startsWith("</select")) {
      if (select) {
        const chosen = select.options.find((o) => o.selected) ?? select.options[0];
        if (chosen) fields.push([select.name, chosen.value]);
      }
      select = null;
      continue;
    }
    if (whole.toLowerCase().startsWith("<option")) {
      if (!select) continue;
      const attributes = attributesOf(`<option ${match[3] ?? ""}>`);
      select.options.push({
        value: attributes.get("value") ?? decode(match[4] ?? "").trim(),
        selected: attributes.has("selected"),
      });
      continue;
    }
    const attributes = attributesOf(whole);
    const name = attributes.get("name");
    const usable =
      name !== undefined && name !== "" && !attributes.has("disabled") && !attributes.has("form");
    switch (element!.toLowerCase()) {
      case "select":
        // Options are collected even for an unusable select, then dropped at </select>.
        select = usable ? { name: name!, options: [] } : null;
        break;
      case "textarea": {
        const end = formHtml.indexOf("</textarea>", tags.lastIndex);
        const content = decode(formHtml.slice(tags.lastIndex, end)).replace(/^\n/, "");
        tags.lastIndex = end;
        if (usable) fields.push([name!, content]);
        break;
      }
      default: {
        if (!usable) break;
        const type = (attributes.get("type") ?? "text").toLowerCase();
        if (["submit", "button", "reset", "image", "file"].includes(type)) break;
        if ((type === "checkbox" || type === "radio") && !attributes.has("checked")) break;
        fields.push([
          name!,
          attributes.get("value") ?? (type === "checkbox" || type === "radio" ? "on" : ""),
        ]);
      }
    }
  }
  return fields;
}

/** Replaces every field called `name` by `values` (at the place of the first one, else at the end). */
export function withField(
  fields: [string, string][],
  name: string,
  values: string[],
): [string, string][] {
  const at = fields.findIndex(([n]) => n === name);
  const rest = fields.filter(([n]) => n !== name);
  const inserted = values.map((v) => [name, v] as [string, string]);
  if (at === -1) return [...rest, ...inserted];
  const before = fields.slice(0, at).filter(([n]) => n !== name);
  return [...before, ...inserted, ...rest.slice(before.length)];
}
