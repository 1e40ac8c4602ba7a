import { createHash } from "node:crypto";

// The OSCAL 1.2 mapping model (mapping-collection) for a template's question ↔ provision links
// (issue 14 item 4). Pure: the use case hands over the links, this builds the document and reads
// one back. The question is the source, the provision the target, as in ProvisionLink.

export const OSCAL_VERSION = "1.2.0";
/** Our namespace for props OSCAL has no field for (the exact keys behind the id-refs). */
export const VETTED_OSCAL_NS = "https://vetted.dev/ns/oscal";

export const RELATIONSHIP_TO_OSCAL = {
  equal: "equal-to",
  subset: "subset-of",
  superset: "superset-of",
  intersects: "intersects-with",
} as const;
type Relationship = keyof typeof RELATIONSHIP_TO_OSCAL;
const OSCAL_TO_RELATIONSHIP = Object.fromEntries(
  Object.entries(RELATIONSHIP_TO_OSCAL).map(([ours, oscal]) => [oscal, ours]),
) as Record<string, Relationship>;

export interface MappedLink {
  questionKey: string;
  provisionKey: string;
  relationship: string;
  rationale: string;
  instrumentKey: string;
  instrumentSourceUrl: string | null;
}

/** A deterministic UUID (version 5 layout) from text: the same links give the same document. */
function stableUuid(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** OSCAL id-refs are tokens (no ":" or "/"); the exact key travels in a prop. */
export function oscalToken(key: string): string {
  const token = key.replace(/[^A-Za-z0-9._-]/g, "_");
  return /^[A-Za-z_]/.test(token) ? token : `_${token}`;
}

export function buildMappingCollection(input: {
  template: { id: string; key: string; name: string };
  version: string;
  lastModified: Date;
  links: readonly MappedLink[];
}) {
  const { template, links } = input;
  const byInstrument = new Map<string, MappedLink[]>();
  for (const link of links)
    byInstrument.set(link.instrumentKey, [...(byInstrument.get(link.instrumentKey) ?? []), link]);
  const seed = `${template.id}|${JSON.stringify(links)}`;
  return {
    "mapping-collection": {
      uuid: stableUuid(`collection|${seed}`),
      metadata: {
        title: `${template.name}: questions mapped to regulation provisions`,
        "last-modified": input.lastModified.toISOString(),
        version: input.version,
        "oscal-version": OSCAL_VERSION,
      },
      provenance: {
        method: "human",
        "matching-rationale": "semantic",
        status: "complete",
        "mapping-description":
          "Each question of the Vetted questionnaire template (source) is mapped to the regulation provisions it checks (target). Relationship from the question to the provision; remarks give the rationale.",
      },
      mappings: [...byInstrument.entries()].map(([instrumentKey, instrumentLinks]) => ({
        uuid: stableUuid(`mapping|${instrumentKey}|${seed}`),
        "source-resource": { type: "catalog", href: `urn:vetted:template:${template.key}` },
        "target-resource": {
          type: "catalog",
          href: instrumentLinks[0]!.instrumentSourceUrl ?? `urn:vetted:instrument:${instrumentKey}`,
          props: [{ name: "instrument-key", ns: VETTED_OSCAL_NS, value: instrumentKey }],
        },
        maps: instrumentLinks.map((link) => ({
          uuid: stableUuid(`map|${link.questionKey}|${link.provisionKey}|${seed}`),
          relationship:
            RELATIONSHIP_TO_OSCAL[link.relationship as Relationship] ?? "intersects-with",
          sources: [{ type: "control", "id-ref": oscalToken(link.questionKey) }],
          targets: [{ type: "control", "id-ref": oscalToken(link.provisionKey) }],
          props: [
            { name: "question-key", ns: VETTED_OSCAL_NS, value: link.questionKey },
            { name: "provision-key", ns: VETTED_OSCAL_NS, value: link.provisionKey },
          ],
          remarks: link.rationale,
        })),
      })),
    },
  };
}

/** Reads the links back out of a collection built above (tests; a later import). */
export function linksFromMappingCollection(document: unknown) {
  const collection = (
    document as {
      "mapping-collection": ReturnType<typeof buildMappingCollection>["mapping-collection"];
    }
  )["mapping-collection"];
  return collection.mappings.flatMap((mapping) =>
    mapping.maps.map((map) => {
      const prop = (name: string) => map.props.find((p) => p.name === name)?.value ?? "";
      return {
        questionKey: prop("question-key"),
        provisionKey: prop("provision-key"),
        relationship: OSCAL_TO_RELATIONSHIP[map.relationship] ?? map.relationship,
        rationale: map.remarks,
      };
    }),
  );
}
