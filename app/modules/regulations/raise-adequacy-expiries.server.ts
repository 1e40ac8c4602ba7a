import { countryName } from "../../reference-data/countries";
import { versionInForce } from "../../reference-data/regulations/version-in-force";
import { db } from "../../utils/db.server";
import { dateToDay, dayToDate, optionalDay } from "./catalogue-days";
import { GLOBAL_SCOPE } from "./catalogue-values";

// An adequacy decision whose window ends is a date-driven change that no source announces on the
// day: the bundle states the end date in advance (UK: 27 Dec 2031). The daily job turns the end
// into a change event of the global catalogue ("adequacy_expiring", source "schedule") on the day
// after the window's last day, so impact, triage and re-rating treat it like any other change.

const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return dateToDay(new Date(dayToDate(day).getTime() + days * DAY_MS));
}

function germanDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${Number(d)}.${Number(m)}.${y}`;
}

function englishDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

export function adequacyExpiryKey(instrumentKey: string, scope: string, until: string): string {
  return `adequacy-ended:${instrumentKey}:${scope}:${until}`;
}

/**
 * Records a global change event for every adequacy window (of the decision's version in force on
 * `day`) whose last day lies in [day − lookbackDays, day − 1]. Writes are idempotent (unique
 * scope and key): a second run, or another instance's, adds nothing. Returns the events' ids.
 */
export async function raiseAdequacyExpiries(day: string, lookbackDays: number): Promise<string[]> {
  const client = db();
  const earliestUntil = addDays(day, -lookbackDays);
  const lastUntil = addDays(day, -1);
  const instruments = await client.instrument.findMany({
    where: {
      organizationId: null,
      kind: "eu_decision",
      versions: {
        some: {
          windows: {
            some: {
              scope: { not: null },
              appliesUntil: { gte: dayToDate(earliestUntil), lte: dayToDate(lastUntil) },
            },
          },
        },
      },
    },
    select: {
      id: true,
      key: true,
      titleDe: true,
      titleEn: true,
      versions: {
        select: {
          legalStatus: true,
          entryIntoForceAt: true,
          windows: {
            where: { scope: { not: null } },
            select: {
              scope: true,
              condition: true,
              appliesUntil: true,
              sourceUrl: true,
              confirmed: true,
            },
          },
        },
      },
    },
  });
  const ids: string[] = [];
  for (const instrument of instruments) {
    const versions = instrument.versions.map((v) => ({
      ...v,
      entryIntoForceAt: optionalDay(v.entryIntoForceAt),
    }));
    // The law as it stands on the day: a renewal (a later version) moves the end, and the old
    // window's end is then no expiry.
    const version = versionInForce(versions, day);
    if (!version) continue;
    for (const window of version.windows) {
      const until = optionalDay(window.appliesUntil);
      if (!window.scope || !until || until < earliestUntil || until > lastUntil) continue;
      ids.push(
        await ensureExpiryEvent(instrument, window.scope, window.condition, until, day, window),
      );
    }
  }
  return ids;
}

async function ensureExpiryEvent(
  instrument: { id: string; key: string; titleDe: string; titleEn: string },
  scope: string,
  condition: string | null,
  until: string,
  day: string,
  fact: { sourceUrl: string | null; confirmed: boolean },
): Promise<string> {
  const key = adequacyExpiryKey(instrument.key, scope, until);
  const where = { scopeKey_key: { scopeKey: GLOBAL_SCOPE, key } };
  const existing = await db().changeEvent.findUnique({ where, select: { id: true } });
  if (existing) return existing.id;
  try {
    const created = await db().changeEvent.create({
      data: {
        organizationId: null,
        scopeKey: GLOBAL_SCOPE,
        key,
        instrumentId: instrument.id,
        type: "adequacy_expiring",
        detectedAt: dayToDate(day),
        effectiveAt: dayToDate(addDays(until, 1)),
        legalStatus: "in_force",
        affectedProvisionKeys: "[]",
        diffJson: JSON.stringify({
          changes: [{ field: `adequacy[${scope}]`, from: condition ?? "whole", to: null }],
        }),
        summaryEn: `The adequacy decision for ${countryName(scope, "en")} (${instrument.key}) ended on ${englishDay(until)}: transfers there now need a safeguard (GDPR Art. 46).`,
        summaryDe: `Der Angemessenheitsbeschluss für ${countryName(scope, "de")} (${instrument.key}) ist am ${germanDay(until)} ausgelaufen: Übermittlungen dorthin brauchen nun geeignete Garantien (Art. 46 DSGVO).`,
        sourceUrl: fact.sourceUrl,
        source: "schedule",
        confirmed: fact.confirmed,
      },
      select: { id: true },
    });
    return created.id;
  } catch (error) {
    // Another run created it between our read and our insert: use theirs.
    const raced = await db().changeEvent.findUnique({ where, select: { id: true } });
    if (raced) return raced.id;
    throw error;
  }
}
