import { db, type Tx } from "../../utils/db.server";
import {
  applicabilityFromWindows,
  type ApplicabilityStatus,
  type WindowFact,
} from "./applicability";
import { applicableVersion, type VersionSummary } from "./applicable-version.server";
import type { CatalogueReader } from "./catalogue-scope";
import { toWindowFact, WINDOW_SELECT } from "./window-facts";

export interface ProvisionOnDate {
  key: string;
  parentKey: string | null;
  kind: string;
  label: string;
  titleDe: string | null;
  titleEn: string | null;
  assessable: boolean;
  retired: boolean;
  status: Exclude<ApplicabilityStatus, "not_in_force">;
  /** The windows that cover the day (with their conditions). */
  windows: WindowFact[];
}

/**
 * The provisions of the version in force on `onDate`, each with whether it applies that day
 * (applies, conditional, not_yet, no_longer). `inForce` lists those that apply or apply
 * conditionally; `version` is null when no version binds that day.
 */
export async function provisionsInForce(
  reader: CatalogueReader,
  instrumentKey: string,
  onDate: string,
  client: Tx = db(),
): Promise<{
  version: VersionSummary | null;
  provisions: ProvisionOnDate[];
  inForce: ProvisionOnDate[];
}> {
  const version = await applicableVersion(reader, instrumentKey, onDate, client);
  if (!version) return { version: null, provisions: [], inForce: [] };
  const [versionWindows, provisions] = await Promise.all([
    client.applicabilityWindow.findMany({
      where: { versionId: version.id, provisionId: null },
      select: WINDOW_SELECT,
    }),
    client.provision.findMany({
      where: { versionId: version.id },
      orderBy: { position: "asc" },
      select: {
        key: true,
        parentKey: true,
        kind: true,
        label: true,
        titleDe: true,
        titleEn: true,
        assessable: true,
        retiredAt: true,
        windows: { select: WINDOW_SELECT },
      },
    }),
  ]);
  const general = versionWindows.map(toWindowFact);
  const list = provisions.map((provision): ProvisionOnDate => {
    const { status, windows } = applicabilityFromWindows(
      provision.windows.map(toWindowFact),
      general,
      onDate,
    );
    return {
      key: provision.key,
      parentKey: provision.parentKey,
      kind: provision.kind,
      label: provision.label,
      titleDe: provision.titleDe,
      titleEn: provision.titleEn,
      assessable: provision.assessable,
      retired: provision.retiredAt !== null,
      status,
      windows,
    };
  });
  return {
    version,
    provisions: list,
    inForce: list.filter(
      (p) => !p.retired && (p.status === "applies" || p.status === "conditional"),
    ),
  };
}
