import { z } from "zod";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { DISPLAY_TIME_ZONE } from "../../utils/i18n";
import type { UserActor } from "../auth/actor";
import { assertCan } from "../../utils/permissions";

/**
 * The audit log page's query: filters and a keyset cursor, all from the URL. Newest first, 50 a
 * page. `before`/`after` are seq numbers (exclusive) so pages stay stable while events arrive.
 */
export const AUDIT_PAGE_SIZE = 50;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDay = z
  .string()
  .regex(DATE, { message: "audit.errorDate" })
  .refine(
    (v) => {
      const [y, m, d] = v.split("-").map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    },
    { message: "audit.errorDate" },
  );
const cursor = z.coerce
  .number({ message: "audit.errorCursor" })
  .int({ message: "audit.errorCursor" })
  .positive({ message: "audit.errorCursor" });

export const auditQuerySchema = z.object({
  action: z.string().trim().toLowerCase().max(100, { message: "audit.errorTooLong" }).optional(),
  actor: z.string().trim().toLowerCase().max(320, { message: "audit.errorTooLong" }).optional(),
  from: validDay.optional(),
  to: validDay.optional(),
  targetType: z.string().trim().max(60, { message: "audit.errorTooLong" }).optional(),
  before: cursor.optional(),
  after: cursor.optional(),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
export type AuditQueryField = keyof AuditQuery;

/**
 * Reads the query from URL parameters. Empty values mean "no filter"; an invalid value is left
 * out and reported (field → i18n key) so the page can say so instead of failing.
 */
export function parseAuditQuery(params: URLSearchParams): {
  query: AuditQuery;
  errors: Partial<Record<AuditQueryField, string>>;
} {
  const query: Record<string, unknown> = {};
  const errors: Partial<Record<AuditQueryField, string>> = {};
  for (const field of Object.keys(auditQuerySchema.shape) as AuditQueryField[]) {
    const raw = params.get(field);
    if (raw === null || raw.trim() === "") continue;
    const result = auditQuerySchema.shape[field].safeParse(raw);
    if (result.success) {
      if (result.data !== undefined && result.data !== "") query[field] = result.data;
    } else {
      errors[field] = result.error.issues[0]?.message ?? "audit.errorInvalid";
    }
  }
  if (typeof query.from === "string" && typeof query.to === "string" && query.from > query.to) {
    errors.to = "audit.errorDateOrder";
    delete query.to;
  }
  return { query: query as AuditQuery, errors };
}

/** Milliseconds by which `timeZone`'s wall clock is ahead of UTC at `instant`. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallClockAsUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return wallClockAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) starts in `timeZone`; `plusDays` shifts the day. */
export function startOfDayInZone(day: string, timeZone = DISPLAY_TIME_ZONE, plusDays = 0): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d + plusDays);
  let instant = utcMidnight - zoneOffsetMs(new Date(utcMidnight), timeZone);
  // Around a DST switch the offset at the result can differ from the first guess.
  const corrected = utcMidnight - zoneOffsetMs(new Date(instant), timeZone);
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

export interface AuditEventDto {
  id: string;
  seq: number;
  createdAt: string;
  action: string;
  actorType: string;
  actorLabel: string;
  targetType: string | null;
  targetId: string | null;
  ipAddress: string | null;
  hashShort: string;
  /** Pretty-printed payload; the raw text when it is not valid JSON. */
  payload: string;
  payloadValid: boolean;
}

export interface AuditEventPage {
  events: AuditEventDto[];
  /** Pass as `before` for the next (older) page, or null on the last page. */
  olderCursor: number | null;
  /** Pass as `after` for the previous (newer) page, or null on the first page. */
  newerCursor: number | null;
  /** Target types present in this organisation's log, for the filter select. */
  targetTypes: string[];
}

function prettyPayload(payload: string): { text: string; valid: boolean } {
  try {
    const value: unknown = JSON.parse(payload);
    return { text: JSON.stringify(value, null, 2) ?? "", valid: true };
  } catch {
    return { text: payload, valid: false };
  }
}

/** One page of the actor's organisation's audit log (admins and auditors). */
export async function listAuditEvents(
  actor: UserActor,
  input: AuditQuery,
): Promise<AuditEventPage> {
  assertCan(actor, "audit:read", "audit.errorForbidden");
  const parsed = auditQuerySchema.safeParse(input);
  if (!parsed.success) throw new DomainError("VALIDATION", "audit.errorInvalid");
  const query = parsed.data;
  const organizationId = actor.organizationId;

  const filters = {
    organizationId,
    ...(query.action ? { action: { startsWith: query.action } } : {}),
    ...(query.actor ? { actorLabel: { contains: query.actor } } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.from || query.to
      ? {
          createdAt: {
            ...(query.from ? { gte: startOfDayInZone(query.from) } : {}),
            ...(query.to ? { lt: startOfDayInZone(query.to, DISPLAY_TIME_ZONE, 1) } : {}),
          },
        }
      : {}),
  };

  // `after` walks towards newer events (ascending), everything else towards older ones.
  const towardsNewer = query.after !== undefined && query.before === undefined;
  const rows = await db().auditEvent.findMany({
    where: {
      ...filters,
      ...(towardsNewer
        ? { seq: { gt: query.after } }
        : query.before !== undefined
          ? { seq: { lt: query.before } }
          : {}),
    },
    orderBy: { seq: towardsNewer ? "asc" : "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      seq: true,
      createdAt: true,
      action: true,
      actorType: true,
      actorLabel: true,
      targetType: true,
      targetId: true,
      ipAddress: true,
      hash: true,
      payload: true,
    },
  });
  const hasMoreInDirection = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  if (towardsNewer) page.reverse();

  const newest = page[0];
  const oldest = page[page.length - 1];
  const existsBeyond = async (where: { gt: number } | { lt: number }) =>
    Boolean(
      await db().auditEvent.findFirst({ where: { ...filters, seq: where }, select: { id: true } }),
    );

  const olderCursor =
    oldest && (towardsNewer ? await existsBeyond({ lt: oldest.seq }) : hasMoreInDirection)
      ? oldest.seq
      : null;
  const newerCursor =
    newest &&
    (towardsNewer
      ? hasMoreInDirection
      : query.before !== undefined && (await existsBeyond({ gt: newest.seq })))
      ? newest.seq
      : null;

  const targetTypeRows = await db().auditEvent.findMany({
    where: { organizationId, targetType: { not: null } },
    distinct: ["targetType"],
    select: { targetType: true },
    orderBy: { targetType: "asc" },
  });

  return {
    events: page.map((row) => {
      const payload = prettyPayload(row.payload);
      return {
        id: row.id,
        seq: row.seq,
        createdAt: row.createdAt.toISOString(),
        action: row.action,
        actorType: row.actorType,
        actorLabel: row.actorLabel,
        targetType: row.targetType,
        targetId: row.targetId,
        ipAddress: row.ipAddress,
        hashShort: row.hash.slice(0, 12),
        payload: payload.text,
        payloadValid: payload.valid,
      };
    }),
    olderCursor,
    newerCursor,
    targetTypes: targetTypeRows.map((r) => r.targetType).filter((t): t is string => Boolean(t)),
  };
}
