import { z } from "zod";
import { entityIdInput, requireEntityId } from "../../utils/entity-id";
import { parseUseCaseInput } from "../../utils/validation-messages";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { UserActor } from "../auth/actor";
import { parseStoredScore } from "../assessments/stored-score";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";

/**
 * A vendor's scored assessments in time order (oldest first): overall, tier and section scores of
 * each, for the history chart. Another organisation's vendor is NOT_FOUND.
 */
export const getVendorHistoryInputSchema = z.object({ vendorId: entityIdInput });
export type GetVendorHistoryInput = z.input<typeof getVendorHistoryInputSchema>;

export async function getVendorHistory(actor: UserActor, rawInput: GetVendorHistoryInput) {
  // Checked before the query: Prisma reads `id: undefined` as "any vendor".
  const input = {
    vendorId: requireEntityId(
      parseUseCaseInput(getVendorHistoryInputSchema, rawInput).vendorId,
      "Vendor",
    ),
  };
  const vendor = await db().vendor.findFirst({
    where: { id: input.vendorId, organizationId: actor.organizationId },
    select: { id: true, name: true },
  });
  if (!vendor) throw new DomainError("NOT_FOUND", "errors.vendorNotFound");
  const rows = await db().assessment.findMany({
    where: {
      organizationId: actor.organizationId,
      vendorId: vendor.id,
      scoreResult: { not: null },
      submittedAt: { not: null },
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      submittedAt: true,
      scoreResult: true,
      templateVersionId: true,
      templateVersion: { select: { version: true, template: { select: { name: true } } } },
    },
  });
  const points = rows.flatMap((row) => {
    const score = parseStoredScore(row.scoreResult);
    if (!score) return [];
    return [
      {
        assessmentId: row.id,
        title: row.title,
        submittedAt: row.submittedAt!,
        templateName: row.templateVersion.template.name,
        templateVersion: row.templateVersion.version,
        overall: score.overall,
        riskTier: score.riskTier,
        sections: Object.fromEntries(score.sections.map((s) => [s.key, s.score])) as Record<
          string,
          number | null
        >,
      },
    ];
  });
  const sectionKeys = [...new Set(points.flatMap((p) => Object.keys(p.sections)))];
  // Section titles from the template versions used (the latest first).
  const titles = new Map<string, { en: string; de: string }>();
  for (const versionId of [...new Set(rows.map((r) => r.templateVersionId))].reverse()) {
    for (const section of (await loadTemplateVersion(versionId)).definition.sections)
      if (!titles.has(section.key)) titles.set(section.key, section.title);
  }
  const sections = sectionKeys.map((key) => ({
    key,
    title: titles.get(key) ?? { en: key, de: key },
  }));
  return { vendor, assessments: points, sectionKeys, sections };
}

export type VendorHistory = Awaited<ReturnType<typeof getVendorHistory>>;
