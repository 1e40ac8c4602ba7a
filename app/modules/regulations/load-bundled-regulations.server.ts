import { REGULATION_SNAPSHOT } from "../../reference-data/regulations";
import type {
  RegulationSnapshot,
  SnapshotFact,
  SnapshotInstrument,
  SnapshotProvision,
  SnapshotVersion,
  SnapshotWindow,
} from "../../reference-data/regulations/snapshot-types";
import type { Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { refreshAdequacyCatalogue } from "./adequacy-from-catalogue.server";
import { dayToDate } from "./catalogue-days";
import {
  assertOneOf,
  CHANGE_TYPES,
  GLOBAL_SCOPE,
  INSTRUMENT_KINDS,
  LEGAL_STATUSES,
  PROVISION_KINDS,
} from "./catalogue-values";
import { provisionTextSha256, versionContentSha256 } from "./version-content";

export interface BundleLoadResult {
  instrumentsAdded: number;
  versionsAdded: number;
  eventsAdded: number;
  /** Provisions a stored version gained: headings the bundle records now (nothing else changed). */
  provisionsAdded: number;
  /** Versions already stored whose bundled content differs: immutable, so left as stored. */
  changedVersions: { instrumentKey: string; label: string }[];
}

function annotation(fact: SnapshotFact) {
  return { confirmed: fact.evidence === "primary", note: fact.note ?? null };
}

function changedAnnotation(
  stored: { confirmed: boolean; note: string | null },
  fact: SnapshotFact,
): boolean {
  const wanted = annotation(fact);
  return stored.confirmed !== wanted.confirmed || stored.note !== wanted.note;
}

function windowData(window: SnapshotWindow, versionId: string, provisionId: string | null) {
  return {
    versionId,
    provisionId,
    appliesFrom: dayToDate(window.from),
    appliesUntil: window.until ? dayToDate(window.until) : null,
    condition: window.condition ?? null,
    scope: window.scope ?? null,
    sourceUrl: window.sourceUrl,
    ...annotation(window),
  };
}

async function upsertInstrument(tx: Tx, instrument: SnapshotInstrument) {
  assertOneOf(INSTRUMENT_KINDS, instrument.kind, `instrument ${instrument.key} kind`);
  // The descriptive columns are catalogue metadata, kept current; versions carry the law.
  const data = {
    kind: instrument.kind,
    celex: instrument.celex ?? null,
    eli: instrument.eli ?? null,
    citation: instrument.citation ?? null,
    titleDe: instrument.titleDe,
    titleEn: instrument.titleEn,
    authority: instrument.authority,
    jurisdiction: instrument.jurisdiction,
    sourceUrl: instrument.sourceUrl,
    ...annotation(instrument),
  };
  const existing = await tx.instrument.findUnique({
    where: { scopeKey_key: { scopeKey: GLOBAL_SCOPE, key: instrument.key } },
  });
  if (existing) {
    // Written only when something changed: a start with an unchanged bundle writes nothing.
    const stored: Record<string, unknown> = existing;
    if (Object.entries(data).some(([key, value]) => stored[key] !== value))
      await tx.instrument.update({ where: { id: existing.id }, data });
    return { id: existing.id, added: false };
  }
  const created = await tx.instrument.create({
    data: { ...data, organizationId: null, scopeKey: GLOBAL_SCOPE, key: instrument.key },
    select: { id: true },
  });
  return { id: created.id, added: true };
}

async function createVersion(
  tx: Tx,
  instrumentId: string,
  version: SnapshotVersion,
  contentSha256: string,
) {
  assertOneOf(LEGAL_STATUSES, version.legalStatus, `version ${version.label} legalStatus`);
  const created = await tx.instrumentVersion.create({
    data: {
      instrumentId,
      label: version.label,
      legalStatus: version.legalStatus,
      publishedAt: version.publishedAt ? dayToDate(version.publishedAt) : null,
      entryIntoForceAt: version.entryIntoForceAt ? dayToDate(version.entryIntoForceAt) : null,
      sourceUrl: version.sourceUrl,
      contentSha256,
      ...annotation(version),
    },
    select: { id: true },
  });
  for (const window of version.windows ?? [])
    await tx.applicabilityWindow.create({ data: windowData(window, created.id, null) });
  for (const [position, provision] of version.provisions.entries())
    await createProvision(tx, created.id, provision, position);
  return created.id;
}

async function createProvision(
  tx: Tx,
  versionId: string,
  provision: SnapshotProvision,
  position: number,
) {
  assertOneOf(PROVISION_KINDS, provision.kind, `provision ${provision.key} kind`);
  const row = await tx.provision.create({
    data: {
      versionId,
      key: provision.key,
      parentKey: provision.parentKey ?? null,
      kind: provision.kind,
      label: provision.label,
      position,
      titleDe: provision.titleDe ?? null,
      titleEn: provision.titleEn ?? null,
      textDe: provision.textDe ?? null,
      textEn: provision.textEn ?? null,
      textSha256: provisionTextSha256(provision),
      assessable: provision.assessable ?? false,
    },
    select: { id: true },
  });
  for (const window of provision.windows ?? [])
    await tx.applicabilityWindow.create({ data: windowData(window, versionId, row.id) });
}

/**
 * A stored version whose bundled content differs may only have gained provisions: headings the
 * bundle records now because a template cites them (issue 21). Those are added — every recorded
 * provision, date and text stays as stored — and the stored hash moves to the bundled one. Any
 * other difference is left alone and reported (false).
 */
async function addMissingProvisions(
  tx: Tx,
  stored: { id: string; contentSha256: string },
  version: SnapshotVersion,
): Promise<{ added: number; onlyAdditions: boolean }> {
  const have = await tx.provision.findMany({
    where: { versionId: stored.id },
    select: { key: true, position: true },
  });
  const keys = new Set(have.map((p) => p.key));
  const missing = version.provisions.filter((p) => !keys.has(p.key));
  const without = { ...version, provisions: version.provisions.filter((p) => keys.has(p.key)) };
  if (missing.length === 0 || versionContentSha256(without) !== stored.contentSha256)
    return { added: 0, onlyAdditions: false };
  let position = Math.max(-1, ...have.map((p) => p.position));
  for (const provision of missing) await createProvision(tx, stored.id, provision, ++position);
  await tx.instrumentVersion.update({
    where: { id: stored.id },
    data: { contentSha256: versionContentSha256(version) },
  });
  return { added: missing.length, onlyAdditions: true };
}

/**
 * Writes a snapshot into the global catalogue, idempotently: new instruments, versions and change
 * events are added; a stored version is never rewritten (its confirmation mark and note may be,
 * they are our knowledge about the fact), and one whose content hash differs is reported.
 */
export async function loadRegulationSnapshot(
  tx: Tx,
  snapshot: RegulationSnapshot,
): Promise<BundleLoadResult> {
  const result: BundleLoadResult = {
    instrumentsAdded: 0,
    versionsAdded: 0,
    eventsAdded: 0,
    provisionsAdded: 0,
    changedVersions: [],
  };
  const versionIds = new Map<string, string>();
  const instrumentIds = new Map<string, string>();
  for (const instrument of snapshot.instruments) {
    const { id: instrumentId, added } = await upsertInstrument(tx, instrument);
    instrumentIds.set(instrument.key, instrumentId);
    if (added) result.instrumentsAdded++;
    const stored = await tx.instrumentVersion.findMany({
      where: { instrumentId },
      select: { id: true, label: true, contentSha256: true, confirmed: true, note: true },
    });
    for (const version of instrument.versions) {
      const contentSha256 = versionContentSha256(version);
      const existing = stored.find((row) => row.label === version.label);
      if (existing) {
        versionIds.set(`${instrument.key}|${version.label}`, existing.id);
        if (existing.contentSha256 !== contentSha256) {
          const { added, onlyAdditions } = await addMissingProvisions(tx, existing, version);
          result.provisionsAdded += added;
          if (!onlyAdditions)
            result.changedVersions.push({ instrumentKey: instrument.key, label: version.label });
        } else if (changedAnnotation(existing, version))
          await tx.instrumentVersion.update({
            where: { id: existing.id },
            data: annotation(version),
          });
        continue;
      }
      const id = await createVersion(tx, instrumentId, version, contentSha256);
      versionIds.set(`${instrument.key}|${version.label}`, id);
      result.versionsAdded++;
    }
  }
  for (const event of snapshot.changeEvents) {
    assertOneOf(CHANGE_TYPES, event.type, `change event ${event.key} type`);
    assertOneOf(LEGAL_STATUSES, event.legalStatus, `change event ${event.key} legalStatus`);
    const instrumentId = instrumentIds.get(event.instrumentKey);
    if (!instrumentId)
      throw new Error(`change event ${event.key}: unknown instrument ${event.instrumentKey}`);
    const versionId = (label: string | undefined) => {
      if (label === undefined) return null;
      const id = versionIds.get(`${event.instrumentKey}|${label}`);
      if (!id) throw new Error(`change event ${event.key}: unknown version "${label}"`);
      return id;
    };
    const existing = await tx.changeEvent.findUnique({
      where: { scopeKey_key: { scopeKey: GLOBAL_SCOPE, key: event.key } },
      select: { id: true, confirmed: true, note: true },
    });
    if (existing) {
      if (changedAnnotation(existing, event))
        await tx.changeEvent.update({ where: { id: existing.id }, data: annotation(event) });
      continue;
    }
    await tx.changeEvent.create({
      data: {
        organizationId: null,
        scopeKey: GLOBAL_SCOPE,
        key: event.key,
        instrumentId,
        type: event.type,
        detectedAt: dayToDate(event.detectedAt),
        effectiveAt: event.effectiveAt ? dayToDate(event.effectiveAt) : null,
        legalStatus: event.legalStatus,
        fromVersionId: versionId(event.fromVersionLabel),
        toVersionId: versionId(event.toVersionLabel),
        affectedProvisionKeys: JSON.stringify(event.affectedProvisionKeys),
        diffJson: JSON.stringify({ changes: event.changes }),
        summaryDe: event.summaryDe,
        summaryEn: event.summaryEn,
        sourceUrl: event.sourceUrl,
        source: "bundle",
        ...annotation(event),
      },
    });
    result.eventsAdded++;
  }
  return result;
}

/**
 * At start: bring the global catalogue up to the bundled snapshot (one transaction), then read
 * its adequacy windows for the residency rating.
 */
export async function syncBundledRegulations(
  snapshot: RegulationSnapshot = REGULATION_SNAPSHOT,
): Promise<BundleLoadResult> {
  let result: BundleLoadResult;
  try {
    result = await inTransaction((tx) => loadRegulationSnapshot(tx, snapshot));
  } catch (error) {
    // Two instances starting together: the later one's insert of the same key fails once the
    // first commits. Run again: it now finds the rows and adds nothing.
    if (!(error instanceof DomainError && error.code === "CONFLICT")) throw error;
    result = await inTransaction((tx) => loadRegulationSnapshot(tx, snapshot));
  }
  await refreshAdequacyCatalogue();
  return result;
}
