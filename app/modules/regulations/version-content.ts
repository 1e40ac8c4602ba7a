import { canonicalJson, sha256Hex } from "../../../scoring";
import type {
  SnapshotProvision,
  SnapshotVersion,
  SnapshotWindow,
} from "../../reference-data/regulations/snapshot-types";

// What makes a version's content, hashed to contentSha256: the legal facts (status, dates,
// provisions and their texts, windows and their sources). Our annotations about them (evidence,
// note) are left out, so confirming a fact later is no change of the law.

function windowContent(window: SnapshotWindow) {
  return {
    from: window.from,
    until: window.until ?? null,
    condition: window.condition ?? null,
    scope: window.scope ?? null,
    sourceUrl: window.sourceUrl,
  };
}

export function provisionTextSha256(provision: SnapshotProvision): string {
  return sha256Hex(
    canonicalJson({
      titleDe: provision.titleDe ?? null,
      titleEn: provision.titleEn ?? null,
      textDe: provision.textDe ?? null,
      textEn: provision.textEn ?? null,
    }),
  );
}

export function versionContentSha256(version: SnapshotVersion): string {
  return sha256Hex(
    canonicalJson({
      label: version.label,
      legalStatus: version.legalStatus,
      publishedAt: version.publishedAt ?? null,
      entryIntoForceAt: version.entryIntoForceAt ?? null,
      sourceUrl: version.sourceUrl,
      windows: (version.windows ?? []).map(windowContent),
      provisions: version.provisions.map((provision) => ({
        key: provision.key,
        parentKey: provision.parentKey ?? null,
        kind: provision.kind,
        label: provision.label,
        textSha256: provisionTextSha256(provision),
        assessable: provision.assessable ?? false,
        windows: (provision.windows ?? []).map(windowContent),
      })),
    }),
  );
}
