import type { SnapshotProvision } from "./snapshot-types";

/** [key suffix after the instrument key, label, English title, German title]. */
export type Heading = [suffix: string, label: string, titleEn: string, titleDe: string];

const KIND_OF_LAST_SEGMENT: Record<string, SnapshotProvision["kind"]> = {
  art: "article",
  par: "paragraph",
  pt: "point",
  annex: "annex",
  "annex-a": "control",
  ch: "group",
  cl: "group",
  domain: "group",
};

/**
 * Provisions from headings, keyed by the catalogue's scheme ("art:28:par:3:pt:a"): the kind is
 * read from the last "<type>:<id>" pair and the parent is the key without it, so GDPR Art.
 * 28(3)(a) hangs under Art. 28(3), which hangs under Art. 28. Titles only: no provision text.
 */
export function provisionsFromHeadings(
  instrumentKey: string,
  headings: readonly Heading[],
  extra: Partial<SnapshotProvision> = {},
): SnapshotProvision[] {
  return headings.map(([suffix, label, titleEn, titleDe]) => {
    const segments = suffix.split(":");
    const kind = KIND_OF_LAST_SEGMENT[segments[segments.length - 2] ?? ""] ?? "requirement";
    const parent = segments.length > 2 ? segments.slice(0, -2).join(":") : null;
    return {
      key: `${instrumentKey}:${suffix}`,
      ...(parent ? { parentKey: `${instrumentKey}:${parent}` } : {}),
      kind,
      label,
      titleEn,
      titleDe,
      assessable: true,
      ...extra,
    };
  });
}
