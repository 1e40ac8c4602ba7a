import { db, type Tx } from "../../utils/db.server";
import type { PlaceholderWindow, WindowsOf } from "../questionnaires/date-placeholders";
import { applicableVersion } from "./applicable-version.server";
import { dateToDay } from "./catalogue-days";
import { visibleTo, type CatalogueReader } from "./catalogue-scope";
import { snapshotWindowsOn } from "./snapshot-windows";

/**
 * The application windows of provisions as the catalogue holds them on `onDate` (issue 21 item
 * 6): for each key, the windows of the provision in its instrument's version in force that day
 * (the bundled snapshot and the reader's imported frameworks; the organisation's own instrument
 * first), or its version's windows when the provision has none of its own. A key that version
 * lacks is unknown, unless the bundled snapshot has it. One version lookup per instrument.
 */
export async function placeholderWindowsOn(
  reader: CatalogueReader,
  keys: readonly string[],
  onDate: string,
  client: Tx | ReturnType<typeof db> = db(),
): Promise<WindowsOf> {
  const found = new Map<string, PlaceholderWindow[]>();
  if (keys.length > 0) {
    const rows = await client.provision.findMany({
      where: { key: { in: [...new Set(keys)] }, version: { instrument: visibleTo(reader) } },
      select: { key: true, version: { select: { instrument: { select: { key: true } } } } },
    });
    const byInstrument = new Map<string, Set<string>>();
    for (const row of rows) {
      const instrumentKey = row.version.instrument.key;
      byInstrument.set(instrumentKey, (byInstrument.get(instrumentKey) ?? new Set()).add(row.key));
    }
    for (const [instrumentKey, provisionKeys] of byInstrument) {
      const version = await applicableVersion(reader, instrumentKey, onDate, client as Tx);
      if (!version) continue;
      const [provisions, general] = await Promise.all([
        client.provision.findMany({
          where: { versionId: version.id, key: { in: [...provisionKeys] }, retiredAt: null },
          select: { key: true, windows: { select: { appliesFrom: true, condition: true } } },
        }),
        client.applicabilityWindow.findMany({
          where: { versionId: version.id, provisionId: null },
          select: { appliesFrom: true, condition: true },
        }),
      ]);
      for (const provision of provisions) {
        const windows = provision.windows.length > 0 ? provision.windows : general;
        found.set(
          provision.key,
          windows.map((w) => ({ from: dateToDay(w.appliesFrom), condition: w.condition })),
        );
      }
    }
  }
  // The bundled snapshot answers for keys the database catalogue does not hold (not loaded yet).
  const bundled = snapshotWindowsOn(onDate);
  return (key) => found.get(key) ?? bundled(key);
}
