import { db } from "../../utils/db.server";

/** Lists are short: a vendor is re-rated at most once per adequacy change. */
const RERATINGS_LIMIT = 200;

export interface ResidencyReratingRow {
  id: string;
  vendorId: string;
  vendorName: string;
  assessmentId: string;
  changeEventId: string;
  changeSummaryDe: string;
  changeSummaryEn: string;
  oldClass: string | null;
  newClass: string;
  reason: string;
  ratedOn: string;
}

/**
 * The organisation's residency re-ratings (ADR 0034), newest first, of one vendor or of one
 * change event. Scoped to the organisation: another's rows are never read.
 */
export async function listResidencyReratings(
  organizationId: string,
  filter: { vendorId: string } | { changeEventId: string },
): Promise<ResidencyReratingRow[]> {
  const rows = await db().residencyRerating.findMany({
    where: { organizationId, ...filter },
    orderBy: [{ ratedOn: "desc" }, { createdAt: "desc" }],
    take: RERATINGS_LIMIT,
    select: {
      id: true,
      vendorId: true,
      assessmentId: true,
      changeEventId: true,
      oldClass: true,
      newClass: true,
      reason: true,
      ratedOn: true,
      vendor: { select: { name: true } },
      changeEvent: { select: { summaryDe: true, summaryEn: true } },
    },
  });
  return rows.map(({ vendor, changeEvent, ratedOn, ...row }) => ({
    ...row,
    vendorName: vendor.name,
    changeSummaryDe: changeEvent.summaryDe,
    changeSummaryEn: changeEvent.summaryEn,
    ratedOn: ratedOn.toISOString().slice(0, 10),
  }));
}
