import { db } from "../../utils/db.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { SystemActor } from "../auth/actor";
import { acquireJobLease, releaseJobLease } from "../reminders/job-lease.server";
import { refreshAdequacyCatalogue } from "./adequacy-from-catalogue.server";
import { analyseImpact } from "./analyse-impact.server";
import { dayToDate, requireQueryDay } from "./catalogue-days";
import { isAdequacyChangeType } from "./change-diff";
import { addDays, raiseAdequacyExpiries } from "./raise-adequacy-expiries.server";
import { rerateResidency } from "./rerate-residency.server";

export const REGULATION_DAILY_JOB_NAME = "regulations.daily";
export const REGULATION_DAILY_LEASE_MS = 15 * 60_000;
/**
 * How far back a run looks for changes that took effect: a job that did not run for a while (an
 * outage, a holiday shutdown) catches up, while the catalogue's history (bundled changes of
 * 2021–2025) is not raised on a new installation: it is on the change feed, not in the triage.
 */
export const RAISE_LOOKBACK_DAYS = 30;
/** Statuses of a change that are not law yet: nothing takes effect. */
const NOT_BINDING = ["proposal", "provisional_agreement"];

export interface RegulationDailyResult {
  /** False when another holder has the lease: this run did nothing. */
  leased: boolean;
  expiriesRecorded: number;
  raised: number;
  rerated: number;
}

export function regulationJobActor(organizationId: string): SystemActor {
  return { kind: "system", organizationId, label: "regulations.daily" };
}

/**
 * The daily regulation job for `day` (YYYY-MM-DD; a parameter so that tests run it "on" any day):
 * records the adequacy windows that ended as change events, then raises every change that took
 * effect in the last RAISE_LOOKBACK_DAYS for every organisation that sees it and has not had it
 * raised (a triage row "open", or raisedAt on a row the DPO already set), and for adequacy
 * changes re-rates the affected vendors' residency. One transaction per organisation and change,
 * with its audit events; the lease keeps it to one instance at a time, and every write checks
 * what is already there, so a second run records nothing twice.
 */
export async function runRegulationDailyJob({
  day,
  holder,
  now = new Date(),
}: {
  day: string;
  holder: string;
  now?: Date;
}): Promise<RegulationDailyResult> {
  requireQueryDay(day);
  if (!(await acquireJobLease(REGULATION_DAILY_JOB_NAME, holder, now, REGULATION_DAILY_LEASE_MS)))
    return { leased: false, expiriesRecorded: 0, raised: 0, rerated: 0 };
  try {
    // The rating reads the catalogue from memory: read it fresh (another instance may have
    // loaded a newer bundle).
    await refreshAdequacyCatalogue();
    const expiries = await raiseAdequacyExpiries(day, RAISE_LOOKBACK_DAYS);
    const { raised, rerated } = await raiseDueChanges(day);
    return { leased: true, expiriesRecorded: expiries.length, raised, rerated };
  } finally {
    await releaseJobLease(REGULATION_DAILY_JOB_NAME, holder, new Date());
  }
}

async function raiseDueChanges(day: string): Promise<{ raised: number; rerated: number }> {
  const events = await db().changeEvent.findMany({
    where: {
      effectiveAt: {
        gte: dayToDate(addDays(day, -RAISE_LOOKBACK_DAYS)),
        lte: dayToDate(day),
      },
      legalStatus: { notIn: NOT_BINDING },
    },
    orderBy: [{ effectiveAt: "asc" }, { id: "asc" }],
    select: { id: true, organizationId: true, type: true, summaryEn: true },
  });
  if (events.length === 0) return { raised: 0, rerated: 0 };
  const organizations = await db().organization.findMany({ select: { id: true } });
  let raised = 0;
  let rerated = 0;
  for (const event of events) {
    const audience = event.organizationId
      ? organizations.filter((o) => o.id === event.organizationId)
      : organizations;
    for (const { id: organizationId } of audience) {
      const outcome = await raiseForOrganization(organizationId, event, day);
      if (outcome.raised) raised++;
      rerated += outcome.rerated;
    }
  }
  return { raised, rerated };
}

async function raiseForOrganization(
  organizationId: string,
  event: { id: string; type: string; summaryEn: string },
  day: string,
): Promise<{ raised: boolean; rerated: number }> {
  const where = { organizationId_changeEventId: { organizationId, changeEventId: event.id } };
  const known = await db().impactTriage.findUnique({ where, select: { raisedAt: true } });
  if (known?.raisedAt) return { raised: false, rerated: 0 };
  // The impact is read before the transaction: it only reads, and keeps the transaction short.
  const impact = isAdequacyChangeType(event.type)
    ? await analyseImpact({ organizationId }, event.id, db(), Number.POSITIVE_INFINITY)
    : null;
  const actor = regulationJobActor(organizationId);
  return inTransaction(async (tx) => {
    const current = await tx.impactTriage.findUnique({
      where,
      select: { id: true, raisedAt: true },
    });
    if (current?.raisedAt) return { raised: false, rerated: 0 };
    const raisedAt = dayToDate(day);
    if (current) {
      // The DPO triaged it ahead of its day: their status stays, the day is noted.
      await tx.impactTriage.update({ where: { id: current.id }, data: { raisedAt } });
    } else {
      await tx.impactTriage.create({
        data: { organizationId, changeEventId: event.id, status: "open", raisedAt },
      });
    }
    const rerated =
      impact && impact.vendors.length > 0
        ? await rerateResidency(
            tx,
            actor,
            impact.vendors.map((v) => v.id),
            {
              changeEventId: event.id,
              type: event.type,
              countries: impact.countries,
              summaryEn: event.summaryEn,
            },
            day,
          )
        : 0;
    await recordAuditEvent(tx, actor, {
      action: "impact.raised",
      target: { type: "change_event", id: event.id },
      payload: {
        day,
        activeAssessments: impact?.counts.active ?? null,
        decidedAssessments: impact?.counts.decided ?? null,
        rerated,
      },
    });
    return { raised: true, rerated };
  });
}
