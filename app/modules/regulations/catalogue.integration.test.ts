import { beforeAll, describe, expect, it } from "vitest";
import { rateResidency, type ResidencyFlow } from "../../../scoring";
import { EU_EEA_CODES } from "../../reference-data/countries";
import { adequacyDecisionsForScoring } from "../../reference-data/adequacy-decisions";
import { REGULATION_SNAPSHOT } from "../../reference-data/regulations";
import { AI_OMNIBUS_ENTRY_INTO_FORCE } from "../../reference-data/regulations/ai-act";
import { UK_VERSION_LABELS } from "../../reference-data/regulations/adequacy";
import type { RegulationSnapshot } from "../../reference-data/regulations/snapshot-types";
import { db } from "../../utils/db.server";
import { inTransaction } from "../../utils/transaction.server";
import { createOrganization } from "../../../tests/support/factories";
import { countryGroups } from "../assessments/country-groups.server";
import {
  adequacyDecisionsFromCatalogue,
  catalogueAdequacyAsOf,
  refreshAdequacyCatalogue,
} from "./adequacy-from-catalogue.server";
import { applicabilityOn } from "./applicability-on.server";
import { applicableVersion } from "./applicable-version.server";
import { versionContentSha256 } from "./version-content";
import { dayToDate } from "./catalogue-days";
import { loadRegulationSnapshot, syncBundledRegulations } from "./load-bundled-regulations.server";
import { provisionsInForce } from "./provisions-in-force.server";

/** Runs on SQLite (sqlite project) and on a real PostgreSQL (postgres project). */

const AI_ACT = "eu:2024/1689";
const ORIGINAL = REGULATION_SNAPSHOT.instruments.find((i) => i.key === AI_ACT)!.versions[0]!.label;
const AMENDED = REGULATION_SNAPSHOT.instruments.find((i) => i.key === AI_ACT)!.versions[1]!.label;

function dayBefore(day: string): string {
  return new Date(dayToDate(day).getTime() - 86_400_000).toISOString().slice(0, 10);
}

async function catalogueCounts() {
  const client = db();
  return {
    instruments: await client.instrument.count(),
    versions: await client.instrumentVersion.count(),
    provisions: await client.provision.count(),
    windows: await client.applicabilityWindow.count(),
    events: await client.changeEvent.count(),
  };
}

beforeAll(async () => {
  const first = await syncBundledRegulations();
  expect(first.changedVersions).toEqual([]);
  expect(first.versionsAdded).toBeGreaterThan(20);
});

describe("AI Act: the version in force on each side of every Art. 113 and omnibus date", () => {
  // [day, provision key, status on the day before, status on the day]
  const cases: [string, string, string, string][] = [
    ["2025-02-02", `${AI_ACT}:art:5`, "not_yet", "applies"],
    ["2025-02-02", `${AI_ACT}:art:4`, "not_yet", "applies"],
    ["2025-08-02", `${AI_ACT}:ch:v`, "not_yet", "applies"],
    ["2026-08-02", `${AI_ACT}:art:50`, "not_yet", "applies"],
    // Art. 50(2): new systems from 2 Aug 2026, systems already on the market after the grace period.
    ["2026-08-02", `${AI_ACT}:art:50:par:2`, "not_yet", "conditional"],
    ["2026-12-02", `${AI_ACT}:art:5:omnibus-intimate-imagery`, "not_yet", "applies"],
    ["2027-12-02", `${AI_ACT}:art:6:par:2`, "not_yet", "applies"],
    ["2028-08-02", `${AI_ACT}:art:6:par:1`, "not_yet", "applies"],
  ];

  it.each(cases)("%s: %s", async (day, provisionKey, before, on) => {
    const previous = dayBefore(day);
    expect((await applicabilityOn(null, provisionKey, previous))?.status).toBe(before);
    expect((await applicabilityOn(null, provisionKey, day))?.status).toBe(on);
  });

  it("uses the original dates until the omnibus binds, not the newest version", async () => {
    const beforeOmnibus = dayBefore(AI_OMNIBUS_ENTRY_INTO_FORCE);
    expect((await applicableVersion(null, AI_ACT, "2025-02-01"))?.label).toBe(ORIGINAL);
    expect((await applicableVersion(null, AI_ACT, beforeOmnibus))?.label).toBe(ORIGINAL);
    expect((await applicableVersion(null, AI_ACT, AI_OMNIBUS_ENTRY_INTO_FORCE))?.label).toBe(
      AMENDED,
    );
    expect(await applicableVersion(null, AI_ACT, "2024-07-31")).toBeNull();

    // Annex III as the law stood before the omnibus: 2 Aug 2026; as it stands after: 2 Dec 2027.
    const old = await provisionsInForce(null, AI_ACT, beforeOmnibus);
    expect(old.provisions.find((p) => p.key === `${AI_ACT}:art:6:par:2`)?.status).toBe("not_yet");
    expect(old.provisions.map((p) => p.key)).not.toContain(
      `${AI_ACT}:art:5:omnibus-intimate-imagery`,
    );
    const newer = await provisionsInForce(null, AI_ACT, "2026-08-02");
    expect(newer.version?.label).toBe(AMENDED);
    expect(newer.inForce.map((p) => p.key)).toEqual(
      expect.arrayContaining([
        `${AI_ACT}:art:4`,
        `${AI_ACT}:art:5`,
        `${AI_ACT}:ch:v`,
        `${AI_ACT}:art:50`,
      ]),
    );
    expect(newer.inForce.map((p) => p.key)).not.toContain(`${AI_ACT}:art:6:par:2`);
    const grace = newer.provisions.find((p) => p.key === `${AI_ACT}:art:50:par:2`);
    expect(grace?.windows.map((w) => w.condition)).toEqual(["placed_on_market_from_2026-08-02"]);
  });

  it("a pending proposal never answers what applies", async () => {
    const pending = await db().changeEvent.findUniqueOrThrow({
      where: {
        scopeKey_key: { scopeKey: "global", key: "digital-omnibus:gdpr-breach-notification" },
      },
    });
    expect(pending.legalStatus).toBe("proposal");
    expect(pending.effectiveAt).toBeNull();
    expect(JSON.parse(pending.diffJson).changes[0]).toMatchObject({ from: "72", to: "96" });
    const gdpr = await applicableVersion(null, "eu:2016/679", "2026-12-07");
    expect(gdpr?.legalStatus).toBe("in_force");
    expect((await applicabilityOn(null, "eu:2016/679:art:33:par:1", "2018-05-24"))?.status).toBe(
      "not_yet",
    );
    expect((await applicabilityOn(null, "eu:2016/679:art:33:par:1", "2018-05-25"))?.status).toBe(
      "applies",
    );
  });
});

describe("adequacy from the catalogue", () => {
  const ukFlow: ResidencyFlow[] = [{ kind: "storage", label: "London", country: "GB" }];
  async function ukClass(knownOn: string, ratedOn: string) {
    const adequacy = await adequacyDecisionsFromCatalogue(knownOn);
    return rateResidency(ukFlow, { euEea: [...EU_EEA_CODES], adequacy }, ratedOn).flows[0]?.class;
  }

  it("UK: the sunset of 27 Jun 2025, the extension and the renewal to 27 Dec 2031", async () => {
    // As the law stood on 20 Jun 2025 (before the extension), adequacy ended on 27 Jun 2025.
    const early = await adequacyDecisionsFromCatalogue("2025-06-20");
    expect(early.find((d) => d.code === "GB")?.validUntil).toBe("2025-06-27");
    expect(await ukClass("2025-06-20", "2025-06-27")).toBe("adequacy");
    expect(await ukClass("2025-06-20", "2025-06-28")).toBe("third_country_no_safeguards");
    // From the extension on, 28 Jun 2025 is covered; the renewal carries it to 27 Dec 2031.
    expect(await ukClass("2025-06-28", "2025-06-28")).toBe("adequacy");
    expect(
      (await adequacyDecisionsFromCatalogue("2025-12-18")).find((d) => d.code === "GB")?.validUntil,
    ).toBe("2025-12-27");
    expect(await ukClass("2031-12-27", "2031-12-27")).toBe("adequacy");
    expect(await ukClass("2031-12-28", "2031-12-28")).toBe("third_country_no_safeguards");
    const versions = await db().instrumentVersion.findMany({
      where: { instrument: { key: "eu:2021/1772", organizationId: null } },
      select: { label: true },
    });
    expect(versions.map((v) => v.label).sort()).toEqual(Object.values(UK_VERSION_LABELS).sort());
  });

  it("DPF: only certified US recipients are covered, from 10 Jul 2023", async () => {
    const adequacy = await adequacyDecisionsFromCatalogue("2026-12-07");
    expect(adequacy.find((d) => d.code === "US")).toEqual({
      code: "US",
      scope: "dpf_certified_only",
      validFrom: "2023-07-10",
      // The scope note that limits the decision, shown in the rating's reasons (issue 21 item 7).
      scopeNote: expect.stringMatching(/EU-US Data Privacy Framework/) as unknown as string,
    });
    // Japan, read from the database: the corrected version (private sector only) wins.
    expect(adequacy.find((d) => d.code === "JP")?.scope).toBe("commercial_only");
    const flows: ResidencyFlow[] = [
      {
        kind: "subprocessor",
        label: "certified",
        country: "US",
        recipient: { dpfCertified: true },
      },
      {
        kind: "subprocessor",
        label: "not certified",
        country: "US",
        recipient: { dpfCertified: false },
      },
    ];
    const reference = { euEea: [...EU_EEA_CODES], adequacy };
    expect(rateResidency(flows, reference, "2026-12-07").flows.map((f) => f.class)).toEqual([
      "adequacy",
      "third_country_no_safeguards",
    ]);
    expect(rateResidency(flows, reference, "2023-07-09").flows[0]?.class).toBe(
      "third_country_no_safeguards",
    );
    const appeal = await db().changeEvent.findUniqueOrThrow({
      where: { scopeKey_key: { scopeKey: "global", key: "adequacy:dpf-appeal-c-703-25-p" } },
    });
    expect(appeal.effectiveAt).toBeNull();
  });

  it("agrees with the adequacy decisions the residency rating uses today", async () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const knownOn of [today, REGULATION_SNAPSHOT.snapshotDate]) {
      expect(await adequacyDecisionsFromCatalogue(knownOn)).toEqual(
        [...adequacyDecisionsForScoring()].sort((a, b) => (a.code < b.code ? -1 : 1)),
      );
    }
  });
});

describe("the residency rating reads adequacy from the catalogue", () => {
  it("a decision recorded in the catalogue rates the country from its first day, once read", async () => {
    const decision = await db().instrument.create({
      data: {
        scopeKey: "global",
        key: "test:adequacy-in",
        kind: "eu_decision",
        titleDe: "Test-Angemessenheitsbeschluss",
        titleEn: "Test adequacy decision",
        authority: "Test",
        jurisdiction: "EU",
        sourceUrl: "https://example.test/adequacy",
        versions: {
          create: {
            label: "test",
            legalStatus: "in_force",
            entryIntoForceAt: dayToDate("2026-03-01"),
            sourceUrl: "https://example.test/adequacy",
            contentSha256: "0".repeat(64),
            windows: {
              create: {
                appliesFrom: dayToDate("2026-03-01"),
                scope: "IN",
                sourceUrl: "https://example.test/adequacy",
              },
            },
          },
        },
      },
    });
    try {
      expect(countryGroups("2026-12-07").adequacy).not.toContain("IN");
      const revision = catalogueAdequacyAsOf("2026-12-07").revision;
      expect(await refreshAdequacyCatalogue()).not.toBe(revision);
      expect(countryGroups("2026-12-07").adequacy).toContain("IN");
      expect(countryGroups("2026-02-28").adequacy).not.toContain("IN");
    } finally {
      await db().instrument.delete({ where: { id: decision.id } });
      await refreshAdequacyCatalogue();
    }
    expect(countryGroups("2026-12-07").adequacy).not.toContain("IN");
  });
});

describe("the snapshot loader", () => {
  it("is idempotent: a second run adds nothing and changes no version", async () => {
    const before = await catalogueCounts();
    const again = await syncBundledRegulations();
    expect(again).toEqual({
      instrumentsAdded: 0,
      versionsAdded: 0,
      eventsAdded: 0,
      provisionsAdded: 0,
      changedVersions: [],
    });
    expect(await catalogueCounts()).toEqual(before);
  });

  it("a start that meets another instance's insert of the same key retries instead of failing", async () => {
    const extra: RegulationSnapshot = {
      snapshotDate: REGULATION_SNAPSHOT.snapshotDate,
      instruments: [
        {
          ...structuredClone(REGULATION_SNAPSHOT.instruments.find((i) => i.key === "eu:2021/914")!),
          key: "test:concurrent-start",
        },
      ],
      changeEvents: [],
    };
    // Another instance has inserted the instrument and not committed yet.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedRow = new Promise<void>((resolve) => (inserted = resolve));
    const other = db().$transaction(
      async (tx) => {
        await tx.instrument.create({
          data: {
            scopeKey: "global",
            key: "test:concurrent-start",
            kind: "eu_decision",
            titleDe: "x",
            titleEn: "x",
            authority: "x",
            jurisdiction: "EU",
            sourceUrl: "https://example.test/",
          },
        });
        inserted();
        await gate;
      },
      { timeout: 20_000 },
    );
    await insertedRow;
    const ours = syncBundledRegulations(extra);
    // Let our start reach its own insert of the key (PostgreSQL: it waits on the row) before
    // the other instance commits; on SQLite the writers simply take turns.
    await new Promise((resolve) => setTimeout(resolve, 500));
    release();
    await other;
    const result = await ours;
    expect(result.versionsAdded).toBe(1);
    expect(
      await db().instrumentVersion.count({
        where: { instrument: { key: "test:concurrent-start" } },
      }),
    ).toBe(1);
    await db().instrument.delete({
      where: { scopeKey_key: { scopeKey: "global", key: "test:concurrent-start" } },
    });
  });

  it("adds a new version and event, and reports an edited stored version without rewriting it", async () => {
    const edited: RegulationSnapshot = structuredClone(REGULATION_SNAPSHOT);
    const uk = edited.instruments.find((i) => i.key === "eu:2021/1772")!;
    // An edit of an immutable version (the renewal's end moved) …
    uk.versions[2]!.windows![0]!.until = "2032-12-27";
    // … and a genuinely new version with its change event.
    uk.versions.push({
      ...structuredClone(uk.versions[2]!),
      label: "test: renewed again",
      entryIntoForceAt: "2031-12-01",
    });
    edited.changeEvents.push({
      ...structuredClone(edited.changeEvents.find((e) => e.key === "adequacy:gb-renewed-2031")!),
      key: "test:gb-renewed-again",
      toVersionLabel: "test: renewed again",
    });
    const result = await inTransaction((tx) => loadRegulationSnapshot(tx, edited));
    expect(result).toEqual({
      instrumentsAdded: 0,
      versionsAdded: 1,
      eventsAdded: 1,
      provisionsAdded: 0,
      changedVersions: [{ instrumentKey: "eu:2021/1772", label: UK_VERSION_LABELS.renewed }],
    });
    const stored = await db().applicabilityWindow.findFirstOrThrow({
      where: { version: { label: UK_VERSION_LABELS.renewed } },
    });
    expect(stored.appliesUntil?.toISOString().slice(0, 10)).toBe("2031-12-27");
  });
});

describe("a stored version that only lacks provisions the bundle records now (issue 21)", () => {
  const GDPR = "eu:2016/679";
  const CITED_NOW = `${GDPR}:art:32:par:1:pt:c`;

  /** Makes the stored GDPR version look as it was stored before CITED_NOW was bundled. */
  async function storedWithout(key: string) {
    const instrument = REGULATION_SNAPSHOT.instruments.find((i) => i.key === GDPR)!;
    const version = instrument.versions[0]!;
    const stored = await db().instrumentVersion.findFirstOrThrow({
      where: { instrument: { key: GDPR, scopeKey: "global" }, label: version.label },
      select: { id: true },
    });
    const row = await db().provision.findFirstOrThrow({
      where: { versionId: stored.id, key },
      select: { id: true },
    });
    await db().applicabilityWindow.deleteMany({ where: { provisionId: row.id } });
    await db().provision.delete({ where: { id: row.id } });
    const before = { ...version, provisions: version.provisions.filter((p) => p.key !== key) };
    await db().instrumentVersion.update({
      where: { id: stored.id },
      data: { contentSha256: versionContentSha256(before) },
    });
    return { versionId: stored.id, bundledSha256: versionContentSha256(version) };
  }

  it("gains them, keeps every recorded provision, and is quiet on the next start", async () => {
    const { versionId, bundledSha256 } = await storedWithout(CITED_NOW);
    const recorded = await db().provision.findMany({
      where: { versionId },
      orderBy: { key: "asc" },
    });
    const result = await syncBundledRegulations();
    expect(result.provisionsAdded).toBe(1);
    expect(result.changedVersions).toEqual([]);
    const added = await db().provision.findFirstOrThrow({ where: { versionId, key: CITED_NOW } });
    expect(added.label).toBe("Art. 32(1)(c)");
    expect(
      await db().provision.findMany({
        where: { versionId, key: { not: CITED_NOW } },
        orderBy: { key: "asc" },
      }),
    ).toEqual(recorded);
    expect(
      (await db().instrumentVersion.findUniqueOrThrow({ where: { id: versionId } })).contentSha256,
    ).toBe(bundledSha256);
    const again = await syncBundledRegulations();
    expect(again.provisionsAdded).toBe(0);
    expect(again.changedVersions).toEqual([]);
  });

  it("adds nothing and reports the version when something recorded differs as well", async () => {
    const { versionId } = await storedWithout(CITED_NOW);
    const edited: RegulationSnapshot = structuredClone(REGULATION_SNAPSHOT);
    const gdpr = edited.instruments.find((i) => i.key === GDPR)!;
    gdpr.versions[0]!.provisions.find((p) => p.key === `${GDPR}:art:28`)!.titleEn = "edited";
    const result = await inTransaction((tx) => loadRegulationSnapshot(tx, edited));
    expect(result.provisionsAdded).toBe(0);
    expect(result.changedVersions).toContainEqual({
      instrumentKey: GDPR,
      label: gdpr.versions[0]!.label,
    });
    expect(await db().provision.count({ where: { versionId, key: CITED_NOW } })).toBe(0);
    // Put the bundled state back for the tests after this one.
    await syncBundledRegulations();
    expect(await db().provision.count({ where: { versionId, key: CITED_NOW } })).toBe(1);
  });
});

describe("scoping: global rows plus the actor's organisation's rows only", () => {
  it("an organisation never sees another organisation's imported instruments", async () => {
    const own = await createOrganization();
    const other = await createOrganization();
    const instrument = await db().instrument.create({
      data: {
        organizationId: own.id,
        scopeKey: own.id,
        key: "urn:test:framework",
        kind: "framework",
        titleDe: "Test-Rahmenwerk",
        titleEn: "Test framework",
        authority: "Test",
        jurisdiction: "none",
        sourceUrl: "https://example.test/framework",
        versions: {
          create: {
            label: "1",
            legalStatus: "published",
            entryIntoForceAt: dayToDate("2026-01-01"),
            sourceUrl: "https://example.test/framework",
            contentSha256: "0".repeat(64),
            provisions: {
              create: {
                key: "urn:test:framework:req:1",
                kind: "requirement",
                label: "1",
                textSha256: "0".repeat(64),
              },
            },
          },
        },
      },
    });
    expect(instrument.id).toBeTruthy();
    const mine = { organizationId: own.id };
    const theirs = { organizationId: other.id };
    expect((await applicableVersion(mine, "urn:test:framework", "2026-06-01"))?.label).toBe("1");
    expect(await applicableVersion(theirs, "urn:test:framework", "2026-06-01")).toBeNull();
    expect(await applicableVersion(null, "urn:test:framework", "2026-06-01")).toBeNull();
    expect((await applicabilityOn(mine, "urn:test:framework:req:1", "2026-06-01"))?.status).toBe(
      "applies",
    );
    expect(await applicabilityOn(theirs, "urn:test:framework:req:1", "2026-06-01")).toBeNull();
    expect(
      (await provisionsInForce(theirs, "urn:test:framework", "2026-06-01")).version,
    ).toBeNull();
    // Both still see the global catalogue.
    expect((await applicableVersion(theirs, AI_ACT, "2026-06-01"))?.label).toBe(ORIGINAL);
  });
});
