/**
 * Who reads the catalogue: an organisation's actor sees the global (bundled) rows and its own
 * organisation's imported rows, never another organisation's; null reads the global rows only
 * (system work that is not done for one organisation).
 */
export type CatalogueReader = { organizationId: string } | null;

/** The Prisma `where` fragment of the rows a reader may see (Instrument or ChangeEvent). */
export function visibleTo(reader: CatalogueReader): {
  OR: ({ organizationId: null } | { organizationId: string })[];
} {
  return reader
    ? { OR: [{ organizationId: null }, { organizationId: reader.organizationId }] }
    : { OR: [{ organizationId: null }] };
}
