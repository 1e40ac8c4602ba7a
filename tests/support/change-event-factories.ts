import { randomBytes } from "node:crypto";
import { scopeKeyOf } from "../../app/modules/regulations/catalogue-values";
import { db } from "../../app/utils/db.server";

/**
 * Catalogue rows for change-feed tests: an instrument (global when organizationId is null) and
 * its change events, written directly (the bundled loader and the import are tested elsewhere).
 */
const suffix = () => randomBytes(4).toString("hex");

export async function createTestInstrument(
  organizationId: string | null,
  input: { key?: string; titleDe?: string; titleEn?: string } = {},
) {
  const key = input.key ?? `test:${suffix()}`;
  return db().instrument.create({
    data: {
      organizationId,
      scopeKey: scopeKeyOf(organizationId),
      key,
      kind: "framework",
      titleDe: input.titleDe ?? `Testrahmen ${key}`,
      titleEn: input.titleEn ?? `Test framework ${key}`,
      authority: "Test",
      jurisdiction: "EU",
      sourceUrl: "https://example.test/framework",
    },
  });
}

export async function createTestChangeEvent(
  instrument: { id: string; organizationId: string | null },
  input: {
    key?: string;
    type?: string;
    legalStatus?: string;
    detectedAt?: Date;
    effectiveAt?: Date | null;
    affectedProvisionKeys?: string[];
    summaryDe?: string;
    summaryEn?: string;
    sourceUrl?: string | null;
    source?: string;
    confirmed?: boolean;
    dismissedAt?: Date | null;
  } = {},
) {
  return db().changeEvent.create({
    data: {
      organizationId: instrument.organizationId,
      scopeKey: scopeKeyOf(instrument.organizationId),
      key: input.key ?? `event:${suffix()}`,
      instrumentId: instrument.id,
      type: input.type ?? "amendment",
      detectedAt: input.detectedAt ?? new Date("2026-11-30T00:00:00Z"),
      effectiveAt: input.effectiveAt === undefined ? null : input.effectiveAt,
      legalStatus: input.legalStatus ?? "adopted",
      affectedProvisionKeys: JSON.stringify(input.affectedProvisionKeys ?? []),
      diffJson: JSON.stringify({ changes: [] }),
      summaryDe: input.summaryDe ?? "Zusammenfassung",
      summaryEn: input.summaryEn ?? "Summary",
      sourceUrl: input.sourceUrl === undefined ? "https://example.test/change" : input.sourceUrl,
      source: input.source ?? "bundle",
      confirmed: input.confirmed ?? true,
      dismissedAt: input.dismissedAt ?? null,
    },
  });
}

export function createTestProvisionLink(input: {
  organizationId: string;
  templateId: string;
  questionKey: string;
  provisionKey: string;
}) {
  return db().provisionLink.create({
    data: { ...input, relationship: "intersects", rationale: "test mapping" },
  });
}
