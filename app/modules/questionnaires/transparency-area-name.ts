// Transparency domains and subdomains come from the template as the FMTI names them (English).
// The bundled ones have a translation; a custom template's own names are shown as written.

import { labelKey } from "../../utils/i18n";
import type { Translate } from "./format-answer";

/** "Model behavior policy" → "model_behavior_policy": the dictionary key of an area name. */
function areaSlug(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

/** A transparency domain or subdomain in the reader's language. */
export function transparencyAreaName(name: string, t: Translate): string {
  const key = labelKey("explain.area_", areaSlug(name));
  return key ? t(key) : name;
}
