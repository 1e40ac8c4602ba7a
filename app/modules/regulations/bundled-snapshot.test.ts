import { describe, expect, it } from "vitest";
import { REGULATION_SNAPSHOT } from "../../reference-data/regulations";
import type { SnapshotFact, SnapshotWindow } from "../../reference-data/regulations/snapshot-types";
import { dayToDate } from "./catalogue-days";
import {
  CHANGE_TYPES,
  INSTRUMENT_KINDS,
  LEGAL_STATUSES,
  PROVISION_KINDS,
} from "./catalogue-values";

/** Every fact of the snapshot with where it sits, for messages that name the place. */
function facts(): [string, SnapshotFact][] {
  const list: [string, SnapshotFact][] = [];
  const windows = (at: string, ws: SnapshotWindow[] | undefined) =>
    (ws ?? []).forEach((w, i) => list.push([`${at} window ${i}`, w]));
  for (const instrument of REGULATION_SNAPSHOT.instruments) {
    list.push([instrument.key, instrument]);
    for (const version of instrument.versions) {
      const at = `${instrument.key} "${version.label}"`;
      list.push([at, version]);
      windows(at, version.windows);
      for (const provision of version.provisions)
        windows(`${at} ${provision.key}`, provision.windows);
    }
  }
  for (const event of REGULATION_SNAPSHOT.changeEvents) list.push([`event ${event.key}`, event]);
  return list;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

describe("the bundled regulation snapshot", () => {
  it("gives every fact an https source URL and a confirmation mark", () => {
    const all = facts();
    expect(all.length).toBeGreaterThan(100);
    for (const [at, fact] of all) {
      expect(() => new URL(fact.sourceUrl), at).not.toThrow();
      expect(new URL(fact.sourceUrl).protocol, at).toBe("https:");
      expect(["primary", "secondary", "unverified"], at).toContain(fact.evidence);
    }
  });

  it("marks what the research doc flags (⚠, ◐) as not confirmed, with a note", () => {
    for (const [at, fact] of facts()) {
      if (fact.evidence === "unverified") expect(fact.note, at).toBeTruthy();
      if (fact.note && /⚠/.test(fact.note) && !/✅/.test(fact.note))
        expect(fact.evidence, at).not.toBe("primary");
    }
  });

  it("uses the catalogue's closed sets, valid days and unique stable keys", () => {
    const instrumentKeys = REGULATION_SNAPSHOT.instruments.map((i) => i.key);
    expect(new Set(instrumentKeys).size).toBe(instrumentKeys.length);
    const provisionKeys = new Set<string>();
    for (const instrument of REGULATION_SNAPSHOT.instruments) {
      expect(INSTRUMENT_KINDS).toContain(instrument.kind);
      const labels = instrument.versions.map((v) => v.label);
      expect(new Set(labels).size, instrument.key).toBe(labels.length);
      for (const version of instrument.versions) {
        expect(LEGAL_STATUSES).toContain(version.legalStatus);
        for (const day of [version.publishedAt, version.entryIntoForceAt])
          if (day !== undefined) expect(() => dayToDate(day)).not.toThrow();
        const keys = version.provisions.map((p) => p.key);
        expect(new Set(keys).size, version.label).toBe(keys.length);
        for (const provision of version.provisions) {
          expect(PROVISION_KINDS).toContain(provision.kind);
          expect(provision.key.startsWith(`${instrument.key}:`), provision.key).toBe(true);
          provisionKeys.add(provision.key);
        }
        const windows = [
          ...(version.windows ?? []),
          ...version.provisions.flatMap((p) => p.windows ?? []),
        ];
        for (const window of windows) {
          expect(window.from).toMatch(DAY);
          dayToDate(window.from);
          if (window.until !== undefined) expect(window.until >= window.from).toBe(true);
        }
      }
    }
    const eventKeys = REGULATION_SNAPSHOT.changeEvents.map((e) => e.key);
    expect(new Set(eventKeys).size).toBe(eventKeys.length);
    for (const event of REGULATION_SNAPSHOT.changeEvents) {
      expect(CHANGE_TYPES).toContain(event.type);
      expect(LEGAL_STATUSES).toContain(event.legalStatus);
      expect(instrumentKeys, event.key).toContain(event.instrumentKey);
      for (const key of event.affectedProvisionKeys)
        expect(provisionKeys, event.key).toContain(key);
      expect(event.summaryDe.length * event.summaryEn.length, event.key).toBeGreaterThan(0);
    }
  });

  it("holds the instruments the issue names, the Digital Omnibus only as a pending change", () => {
    const keys = REGULATION_SNAPSHOT.instruments.map((i) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "eu:2016/679", // GDPR
        "eu:2024/1689", // AI Act
        "eu:2022/2555", // NIS2
        "eu:2024/2690",
        "de:nis2umsucg",
        "eu:2022/2554", // DORA
        "eu:2023/2854", // Data Act
        "eu:2024/2847", // CRA
        "eu:2021/914", // SCC
        "eu:2023/1795", // DPF
        "eu:2021/1772", // UK
        "eu:2026/179", // Brazil
        "eu:2025/1382", // European Patent Organisation
        "eu:2019/419", // Japan
        "eu:2022/254", // Korea
        "de:bdsg",
        "bsi:c5",
        "bsi:aic4",
      ]),
    );
    const olderAdequacy = REGULATION_SNAPSHOT.instruments.filter(
      (i) => i.kind === "eu_decision" && /\/(EC|EU)$/.test(i.key),
    );
    expect(olderAdequacy).toHaveLength(11);
    const omnibus = REGULATION_SNAPSHOT.changeEvents.filter((e) =>
      e.key.startsWith("digital-omnibus:"),
    );
    expect(omnibus.length).toBeGreaterThan(0);
    for (const event of omnibus) {
      expect(event.legalStatus).toBe("proposal");
      expect(event.effectiveAt).toBeUndefined();
      expect(event.toVersionLabel).toBeUndefined();
    }
  });
});
