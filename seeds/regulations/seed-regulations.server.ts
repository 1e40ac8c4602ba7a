import { REGULATION_SNAPSHOT } from "../../app/reference-data/regulations";
import {
  loadRegulationSnapshot,
  type BundleLoadResult,
} from "../../app/modules/regulations/load-bundled-regulations.server";
import type { Tx } from "../../app/utils/db.server";

/**
 * The bundled regulation catalogue for a seeded database. The snapshot itself lives under
 * app/reference-data/regulations because the running app reads it (the residency rating's
 * adequacy facts); seeds/ may import app/, never the reverse. Idempotent, like the load at start.
 */
export function seedRegulations(tx: Tx): Promise<BundleLoadResult> {
  return loadRegulationSnapshot(tx, REGULATION_SNAPSHOT);
}
