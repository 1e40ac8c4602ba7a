import { db, type Tx } from "../../../utils/db.server";
import { visibleTo, type CatalogueReader } from "../catalogue-scope";
import {
  bundledCitationCatalogue,
  type CitationCatalogue,
  type CitationInstrument,
  type CitationProvisionFacts,
} from "./cite-provision";

/**
 * The catalogue a page's citations read: the bundled snapshot, plus, for keys it does not hold,
 * the organisation's imported frameworks (so their provisions read as "<title> <label>", never as
 * a raw key). No query when every key is bundled, which is the common case.
 */
export async function citationCatalogueFor(
  reader: CatalogueReader,
  keys: Iterable<string>,
  client: Tx | ReturnType<typeof db> = db(),
): Promise<CitationCatalogue> {
  const base = bundledCitationCatalogue();
  const missing = [...new Set(keys)].filter((key) => !base.provision(key));
  if (missing.length === 0) return base;
  const rows = await client.provision.findMany({
    where: { key: { in: missing }, version: { instrument: visibleTo(reader) } },
    select: {
      key: true,
      label: true,
      version: {
        select: {
          publishedAt: true,
          instrument: {
            select: { key: true, kind: true, citation: true, titleEn: true, titleDe: true },
          },
        },
      },
    },
  });
  if (rows.length === 0) return base;
  const provisions = new Map<string, CitationProvisionFacts>();
  const instruments = new Map<string, CitationInstrument>();
  for (const row of rows) {
    provisions.set(row.key, { key: row.key, label: row.label });
    const instrument = row.version.instrument;
    instruments.set(instrument.key, {
      key: instrument.key,
      kind: instrument.kind,
      citation: instrument.citation,
      titleEn: instrument.titleEn,
      titleDe: instrument.titleDe,
      publishedAt: row.version.publishedAt?.toISOString().slice(0, 10) ?? null,
    });
  }
  return {
    provision: (key) => base.provision(key) ?? provisions.get(key),
    instrument: (key) => base.instrument(key) ?? instruments.get(key),
    instrumentKeys: () => [...base.instrumentKeys(), ...instruments.keys()],
  };
}

/** Every catalogue key a definition's questions cite. */
export function referenceKeysOf(definition: {
  sections: ReadonlyArray<{ questions: ReadonlyArray<{ references?: readonly string[] }> }>;
}): string[] {
  return definition.sections.flatMap((s) => s.questions.flatMap((q) => q.references ?? []));
}
