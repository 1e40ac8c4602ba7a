import { db } from "../../utils/db.server";
import { assessmentListHref } from "../assessments/assessment-list-filters";
import {
  assessmentIdsWithAnsweredClarifications,
  overdueWhere,
} from "../assessments/assessment-work-sets.server";
import { HOME_CERTIFICATE_FILTER } from "../portfolio/certificate-expiry";
import { expiryBounds } from "../portfolio/list-portfolio.server";
import { homeAssessmentSelect, vendorLabel } from "./home-assessment-row";
import { HOME_ITEMS_PER_SECTION, type HomeSection } from "./home-types";

const assessmentSelect = homeAssessmentSelect;

/**
 * The assessor's queue: submissions waiting for review (oldest first), assessments whose vendor
 * is late, clarifications the vendor answered, and certificates that expire soon.
 *
 * Certificates: the data model has no certificate register; the validity dates are the
 * "valid until" of evidence answers, kept per vendor as Vendor.certificateExpiry (the earliest of
 * its latest assessment, ADR 0011). That is what is counted.
 */
export async function assessmentWork(organizationId: string, now: Date): Promise<HomeSection[]> {
  const submittedWhere = { organizationId, status: "SUBMITTED" };
  const lateWhere = { organizationId, ...overdueWhere(now) };
  const certificateWhere = {
    organizationId,
    archivedAt: null,
    certificateExpiry: { lt: expiryBounds(now).within90 },
  };
  const [
    submittedCount,
    submitted,
    overdueCount,
    overdue,
    answeredIds,
    certificateCount,
    certificates,
  ] = await Promise.all([
    db().assessment.count({ where: submittedWhere }),
    db().assessment.findMany({
      where: submittedWhere,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: HOME_ITEMS_PER_SECTION,
      select: { ...assessmentSelect, submittedAt: true },
    }),
    db().assessment.count({ where: lateWhere }),
    db().assessment.findMany({
      where: lateWhere,
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: HOME_ITEMS_PER_SECTION,
      select: { ...assessmentSelect, dueDate: true },
    }),
    assessmentIdsWithAnsweredClarifications(organizationId),
    db().vendor.count({ where: certificateWhere }),
    db().vendor.findMany({
      where: certificateWhere,
      orderBy: [{ certificateExpiry: "asc" }, { id: "asc" }],
      take: HOME_ITEMS_PER_SECTION,
      select: { id: true, name: true, certificateExpiry: true },
    }),
  ]);

  const firstAnswered = answeredIds.slice(0, HOME_ITEMS_PER_SECTION);
  const [answeredRows, lastAnswers] = await Promise.all([
    db().assessment.findMany({
      where: { organizationId, id: { in: firstAnswered } },
      select: assessmentSelect,
    }),
    Promise.all(
      firstAnswered.map((assessmentId) =>
        db().clarificationMessage.findFirst({
          where: {
            author: { startsWith: "vendor:" },
            thread: { organizationId, assessmentId, status: "OPEN" },
          },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: { createdAt: true },
        }),
      ),
    ),
  ]);
  const answeredById = new Map(answeredRows.map((row) => [row.id, row]));

  return [
    {
      id: "submitted",
      count: submittedCount,
      href: assessmentListHref({ status: "SUBMITTED" }),
      items: submitted.map((row) => ({
        key: row.id,
        title: row.title,
        detail: vendorLabel(row),
        href: `/assessments/${row.id}`,
        date: row.submittedAt?.toISOString() ?? null,
        dateKind: "submitted",
      })),
    },
    {
      id: "overdue",
      count: overdueCount,
      href: assessmentListHref({ overdue: true }),
      items: overdue.map((row) => ({
        key: row.id,
        title: row.title,
        detail: vendorLabel(row),
        href: `/assessments/${row.id}`,
        date: row.dueDate?.toISOString() ?? null,
        dateKind: "overdueSince",
      })),
    },
    {
      id: "clarificationsAnswered",
      count: answeredIds.length,
      href: assessmentListHref({ clarificationsAnswered: true }),
      items: firstAnswered.flatMap((id, index) => {
        const row = answeredById.get(id);
        if (!row) return [];
        return [
          {
            key: row.id,
            title: row.title,
            detail: vendorLabel(row),
            href: `/assessments/${row.id}/clarifications`,
            date: lastAnswers[index]?.createdAt.toISOString() ?? null,
            dateKind: "answered" as const,
          },
        ];
      }),
    },
    {
      id: "certificatesExpiring",
      count: certificateCount,
      href: `/portfolio?expiry=${HOME_CERTIFICATE_FILTER}`,
      items: certificates.map((row) => ({
        key: row.id,
        title: row.name,
        detail: null,
        href: `/vendors/${row.id}`,
        date: row.certificateExpiry?.toISOString() ?? null,
        dateKind: row.certificateExpiry && row.certificateExpiry < now ? "expired" : "expires",
      })),
    },
  ];
}
