import { canonicalJson, sha256Hex } from "../../../scoring";
import { REGULATION_SNAPSHOT } from "./index";

/**
 * Which bundled catalogue a report used (issue 14 item 9): the snapshot's date as its version and
 * a SHA-256 of its canonical JSON, so two builds with the same date but different facts differ.
 * Computed once per process: the snapshot is constant.
 */
export interface CatalogueIdentity {
  version: string;
  sha256: string;
}

let cached: CatalogueIdentity | null = null;

export function catalogueIdentity(): CatalogueIdentity {
  cached ??= {
    version: `vetted-regulations-${REGULATION_SNAPSHOT.snapshotDate}`,
    sha256: sha256Hex(canonicalJson(REGULATION_SNAPSHOT)),
  };
  return cached;
}
