// Imports an FMTI edition into an organisation so the portal shows the published transparency
// record of the foundation-model developers its vendors build on:
//   - the template "fmti-transparency" (fmti-template.ts): a new published version when the
//     edition's definition differs from every existing version, otherwise the matching version;
//   - one vendor per developer, matched by name (case and spacing ignored), created only if missing;
//   - one SUBMITTED assessment per developer on that version, answers from the matrix, scored with
//     computeScore. A re-run with the same data changes nothing; with changed scores the previous
//     imported assessment (if still SUBMITTED) is cancelled and a new one recorded.
// All writes and their audit events happen in one transaction, by a system actor.

import { canonicalJson } from "../../utils/canonical-json";
import { db, type Tx } from "../../utils/db.server";
import { inTransaction } from "../../utils/transaction.server";
import { assertTransition } from "../assessments/assessment-status";
import { computeScoreOfPublishedVersion } from "../assessments/prepared-template-cache.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { SystemActor } from "../auth/actor";
import {
  publishTemplateVersion,
  templateChecksum,
} from "../templates/publish-template-version.server";
import type { TemplateDefinition } from "../questionnaires/template-definition";
import { normaliseLabel } from "./find-edition-files";
import { computeFmtiTotals } from "./fmti-totals";
import {
  buildFmtiTemplate,
  FMTI_ATTRIBUTION,
  FMTI_TEMPLATE_KEY,
  fmtiAnswers,
  FmtiTemplateError,
} from "./fmti-template";
import type { FmtiEdition } from "./read-fmti-edition";
import { refreshPortfolioOfAssessment } from "../portfolio/refresh-vendor-portfolio.server";
import { foldForSearch } from "../vendors/search-text";

/** Stands in for a user id on records the import creates (Assessment.createdById, Answer.updatedBy). */
export const FMTI_IMPORT_CREATOR = "system:fmti-import";
export const FMTI_IMPORT_ACTOR_LABEL = "fmti import";
/** Criticality of vendors the import creates; the organisation can change it afterwards. */
const NEW_VENDOR_CRITICALITY = "MEDIUM";

export class FmtiImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FmtiImportError";
  }
}

/** The system actor of an import into the organisation with this slug; FmtiImportError if there is none. */
export async function fmtiImportActor(organizationSlug: string): Promise<SystemActor> {
  const organization = await db().organization.findUnique({
    where: { slug: organizationSlug },
    select: { id: true },
  });
  if (!organization) throw new FmtiImportError(`no organisation with slug "${organizationSlug}"`);
  return { kind: "system", organizationId: organization.id, label: FMTI_IMPORT_ACTOR_LABEL };
}

export interface ImportFmtiEditionInput {
  edition: FmtiEdition;
  /** Names the edition in texts and titles, e.g. "May2024". */
  editionLabel: string;
  now?: Date;
}

export interface ImportedDeveloper {
  developer: string;
  vendorId: string;
  assessmentId: string;
  total: number;
  outcome: "created" | "unchanged";
}

export interface ImportFmtiEditionResult {
  templateKey: string;
  templateId: string;
  templateVersion: number;
  templateVersionId: string;
  templateVersionCreated: boolean;
  vendorsCreated: number;
  vendorsReused: number;
  assessmentsCreated: number;
  assessmentsUnchanged: number;
  assessmentsSuperseded: number;
  developers: ImportedDeveloper[];
  notices: string[];
}

interface TemplateVersionRef {
  templateId: string;
  id: string;
  version: number;
  created: boolean;
}

async function ensureTemplateVersion(
  tx: Tx,
  actor: SystemActor,
  definition: TemplateDefinition,
  editionLabel: string,
): Promise<TemplateVersionRef> {
  const checksum = templateChecksum(definition);
  const existing = await tx.questionnaireTemplate.findUnique({
    where: { organizationId_key: { organizationId: actor.organizationId, key: definition.key } },
    select: {
      id: true,
      versions: {
        where: { status: "PUBLISHED", checksum },
        orderBy: { version: "desc" },
        select: { id: true, version: true },
      },
    },
  });
  // FMTI's rule: an edition whose definition was published before reuses that version.
  const same = existing?.versions[0];
  if (existing && same)
    return { templateId: existing.id, id: same.id, version: same.version, created: false };
  const templateId =
    existing?.id ??
    (
      await tx.questionnaireTemplate.create({
        data: {
          organizationId: actor.organizationId,
          key: definition.key,
          name: definition.title.en,
        },
        select: { id: true },
      })
    ).id;
  const published = await publishTemplateVersion(tx, actor, {
    templateId,
    definition,
    origin: "fmti",
    action: existing ? "template.version_published" : "template.installed",
    payload: { edition: editionLabel },
  });
  return { templateId, id: published.id, version: published.version, created: true };
}

function sameAnswers(
  stored: ReadonlyArray<{ questionKey: string; value: string }>,
  answers: Record<string, string>,
): boolean {
  if (stored.length !== Object.keys(answers).length) return false;
  return stored.every(
    (row) =>
      answers[row.questionKey] !== undefined &&
      row.value === canonicalJson(answers[row.questionKey]),
  );
}

/** See the top of this file. Throws FmtiImportError when the edition cannot become a template. */
export async function importFmtiEdition({
  actor,
  input,
}: {
  actor: SystemActor;
  input: ImportFmtiEditionInput;
}): Promise<ImportFmtiEditionResult> {
  const { edition, editionLabel } = input;
  const now = input.now ?? new Date();
  let template;
  try {
    template = buildFmtiTemplate(edition, editionLabel);
  } catch (error) {
    if (error instanceof FmtiTemplateError) throw new FmtiImportError(error.message);
    throw error;
  }
  const { definition, questionKeys } = template;
  const totals = computeFmtiTotals(edition);
  const asOf = now.toISOString().slice(0, 10);
  const title = `FMTI ${editionLabel} transparency record`;

  return inTransaction(async (tx) => {
    const organizationId = actor.organizationId;
    const notices: string[] = [];
    const version = await ensureTemplateVersion(tx, actor, definition, editionLabel);

    const vendors = await tx.vendor.findMany({
      where: { organizationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, archivedAt: true },
    });
    const vendorFor = (developer: string) => {
      const matches = vendors.filter((v) => normaliseLabel(v.name) === normaliseLabel(developer));
      return matches.find((v) => v.archivedAt === null) ?? matches[0];
    };

    const result: ImportFmtiEditionResult = {
      templateKey: FMTI_TEMPLATE_KEY,
      templateId: version.templateId,
      templateVersion: version.version,
      templateVersionId: version.id,
      templateVersionCreated: version.created,
      vendorsCreated: 0,
      vendorsReused: 0,
      assessmentsCreated: 0,
      assessmentsUnchanged: 0,
      assessmentsSuperseded: 0,
      developers: [],
      notices,
    };

    for (const [column, developer] of edition.developers.entries()) {
      const total = totals[column]!.total;
      let vendor = vendorFor(developer);
      if (vendor) {
        result.vendorsReused++;
        if (vendor.archivedAt)
          notices.push(`vendor "${vendor.name}" is archived; its FMTI record is recorded anyway`);
      } else {
        const created = await tx.vendor.create({
          data: {
            organizationId,
            name: developer,
            searchName: foldForSearch(developer),
            criticality: NEW_VENDOR_CRITICALITY,
            description: `Foundation-model developer. Transparency record imported from the ${FMTI_ATTRIBUTION} (CC BY 4.0).`,
          },
          select: { id: true, name: true, archivedAt: true },
        });
        await recordAuditEvent(tx, actor, {
          action: "vendor.created",
          target: { type: "vendor", id: created.id },
          payload: {
            name: developer,
            criticality: NEW_VENDOR_CRITICALITY,
            country: null,
            source: "fmti",
            edition: editionLabel,
          },
        });
        vendors.push(created);
        vendor = created;
        result.vendorsCreated++;
      }

      const answers = fmtiAnswers(edition, questionKeys, column);
      const previous = await tx.assessment.findMany({
        where: {
          organizationId,
          vendorId: vendor.id,
          templateVersionId: version.id,
          createdById: FMTI_IMPORT_CREATOR,
          status: { not: "CANCELLED" },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          status: true,
          version: true,
          answers: { select: { questionKey: true, value: true } },
        },
      });
      const unchanged = previous.find((assessment) => sameAnswers(assessment.answers, answers));
      if (unchanged) {
        result.assessmentsUnchanged++;
        result.developers.push({
          developer,
          vendorId: vendor.id,
          assessmentId: unchanged.id,
          total,
          outcome: "unchanged",
        });
        continue;
      }

      const score = computeScoreOfPublishedVersion(version.id, definition, answers, asOf);
      const assessment = await tx.assessment.create({
        data: {
          organizationId,
          vendorId: vendor.id,
          templateVersionId: version.id,
          title,
          status: "SUBMITTED",
          createdById: FMTI_IMPORT_CREATOR,
          submittedAt: now,
          scoreResult: JSON.stringify(score),
          scoringMethodVersion: score.methodVersion,
          overallScore: score.overall,
        },
        select: { id: true },
      });
      await tx.answer.createMany({
        data: questionKeys.map((questionKey) => ({
          organizationId,
          assessmentId: assessment.id,
          questionKey,
          value: canonicalJson(answers[questionKey]),
          updatedBy: FMTI_IMPORT_CREATOR,
        })),
      });
      await recordAuditEvent(tx, actor, {
        action: "assessment.created",
        target: { type: "assessment", id: assessment.id },
        payload: {
          vendorId: vendor.id,
          productId: null,
          template: definition.key,
          templateVersion: version.version,
          status: "SUBMITTED",
          source: "fmti",
          edition: editionLabel,
        },
      });
      await recordAuditEvent(tx, actor, {
        action: "assessment.submitted",
        target: { type: "assessment", id: assessment.id },
        payload: {
          overall: score.overall,
          riskTier: score.riskTier,
          knockOuts: score.knockOuts.map((k) => k.questionKey),
          methodVersion: score.methodVersion,
          transparencyTotal: total,
          indicators: edition.indicators.length,
        },
      });
      await refreshPortfolioOfAssessment(tx, actor.organizationId, assessment.id);
      for (const old of previous) {
        if (old.status !== "SUBMITTED") {
          notices.push(
            `${developer}: an earlier imported assessment (${old.id}, ${old.status}) is kept beside the new one`,
          );
          continue;
        }
        assertTransition(old.status, "CANCELLED");
        await tx.assessment.update({
          where: { id: old.id },
          data: { status: "CANCELLED", version: { increment: 1 } },
        });
        await recordAuditEvent(tx, actor, {
          action: "assessment.cancelled",
          target: { type: "assessment", id: old.id },
          payload: {
            reason: "superseded by a new FMTI import with different scores",
            supersededBy: assessment.id,
            edition: editionLabel,
          },
        });
        result.assessmentsSuperseded++;
      }
      result.assessmentsCreated++;
      result.developers.push({
        developer,
        vendorId: vendor.id,
        assessmentId: assessment.id,
        total,
        outcome: "created",
      });
    }

    await recordAuditEvent(tx, actor, {
      action: "fmti.imported",
      target: { type: "template", id: version.templateId },
      payload: {
        edition: editionLabel,
        templateKey: FMTI_TEMPLATE_KEY,
        templateVersion: version.version,
        templateVersionCreated: version.created,
        developers: edition.developers.length,
        indicators: edition.indicators.length,
        vendorsCreated: result.vendorsCreated,
        assessmentsCreated: result.assessmentsCreated,
        assessmentsUnchanged: result.assessmentsUnchanged,
        assessmentsSuperseded: result.assessmentsSuperseded,
      },
    });
    return result;
  });
}
