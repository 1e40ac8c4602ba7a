import { REGULATION_SNAPSHOT } from "../../reference-data/regulations/index";
import { versionInForce } from "../../reference-data/regulations/version-in-force";
import type { PlaceholderWindow, WindowsOf } from "../questionnaires/date-placeholders";

/**
 * The bundled snapshot's application windows on `onDate`, by provision key: the provision's own
 * windows in its instrument's version in force that day, else that version's windows. The same
 * rule as placeholderWindowsOn over the database; it answers where the database catalogue is not
 * loaded (a fresh test database, the template parser of the command line) and in pure tests.
 */
export function snapshotWindowsOn(onDate: string): WindowsOf {
  // Every page that shows a template with placeholders asks this for today: index the snapshot
  // once per day instead of once per page (the snapshot never changes while the process runs).
  if (lastIndexed?.onDate !== onDate) lastIndexed = { onDate, windowsOf: indexOn(onDate) };
  return lastIndexed.windowsOf;
}

let lastIndexed: { onDate: string; windowsOf: WindowsOf } | null = null;

function indexOn(onDate: string): WindowsOf {
  const found = new Map<string, PlaceholderWindow[]>();
  for (const instrument of REGULATION_SNAPSHOT.instruments) {
    const version = versionInForce(
      instrument.versions.map((v) => ({ ...v, entryIntoForceAt: v.entryIntoForceAt ?? null })),
      onDate,
    );
    if (!version) continue;
    const general = (version.windows ?? []).map((w) => ({
      from: w.from,
      condition: w.condition ?? null,
    }));
    for (const provision of version.provisions) {
      const own = (provision.windows ?? []).map((w) => ({
        from: w.from,
        condition: w.condition ?? null,
      }));
      found.set(provision.key, own.length > 0 ? own : general);
    }
  }
  return (key) => found.get(key);
}
