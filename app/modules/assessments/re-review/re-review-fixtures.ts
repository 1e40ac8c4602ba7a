// Re-review fixtures for the demo (scripts/demo.ts), the e2e seed and the tests. A new
// version of the bundled AI template with one reworded question, one scoring-only change and one
// new question, and the few question ↔ provision links the AI-omnibus change events touch.

import type { Tx } from "../../../utils/db.server";
import type { UserActor } from "../../auth/actor";
import { parseStoredDefinition } from "../../questionnaires/load-template-version.server";
import type { TemplateDefinition } from "../../questionnaires/template-definition";
import { publishTemplateVersion } from "../../templates/publish-template-version.server";

export const AI_ACT = "eu:2024/1689";
export const ANNEX_III_SHIFT = "ai-omnibus:annex-iii-shift";
export const ART_50_2_GRACE = "ai-omnibus:art-50-2-grace";

/** The questions of the bundled AI template that ask about what the AI-omnibus events change. */
export const OMNIBUS_LINKS = [
  {
    questionKey: "ai_act.risk_class",
    provisionKey: `${AI_ACT}:art:6:par:2`,
    relationship: "intersects",
    rationale: "The risk class decides whether the Annex III high-risk obligations apply.",
  },
  {
    questionKey: "compliance.ai_act_classification",
    provisionKey: `${AI_ACT}:art:6`,
    relationship: "subset",
    rationale: "The documented classification follows Art. 6.",
  },
  {
    questionKey: "transparency.output_marking",
    provisionKey: `${AI_ACT}:art:50:par:2`,
    relationship: "equal",
    rationale: "Art. 50(2): machine-readable marking of synthetic output.",
  },
] as const;

/** Links the omnibus questions of a template (kept when they exist: bundled links may be there). */
export async function linkOmnibusQuestions(
  tx: Tx,
  organizationId: string,
  templateId: string,
): Promise<void> {
  for (const link of OMNIBUS_LINKS) {
    await tx.provisionLink.upsert({
      where: {
        templateId_questionKey_provisionKey: {
          templateId,
          questionKey: link.questionKey,
          provisionKey: link.provisionKey,
        },
      },
      update: {},
      create: { organizationId, templateId, origin: "editor", ...link },
    });
  }
}

export const REWORDED = "data_use.retention_days";
export const REWEIGHTED = "security.pentest";
export const ADDED = "ai_act.omnibus_readiness";

/** The next version: REWORDED gets a new label, REWEIGHTED a new weight, ADDED is new. */
export function nextAiTemplateVersion(definition: TemplateDefinition): TemplateDefinition {
  const next = structuredClone(definition);
  for (const section of next.sections) {
    for (const question of section.questions) {
      if (question.key === REWORDED)
        question.label = {
          en: `${question.label.en} (including logs and caches)`,
          de: `${question.label.de} (einschließlich Protokollen und Zwischenspeichern)`,
        };
      if (question.key === REWEIGHTED) question.weight = (question.weight ?? 1) + 1;
    }
    if (section.key === "ai_act")
      section.questions.push({
        key: ADDED,
        type: "yes_no",
        label: {
          en: "Have you planned how you will meet the high-risk obligations by 2 December 2027?",
          de: "Haben Sie geplant, wie Sie die Hochrisiko-Pflichten bis zum 2. Dezember 2027 erfüllen?",
        },
        required: true,
        weight: 1,
        regulationRefs: [],
        references: ["eu:2024/1689:art:6"],
        tags: ["ai-act"],
      });
  }
  return next;
}

/** Publishes nextAiTemplateVersion of the template's latest published version. */
export async function publishNextAiTemplateVersion(
  tx: Tx,
  actor: UserActor,
  templateId: string,
): Promise<{ id: string; version: number }> {
  const latest = await tx.templateVersion.findFirstOrThrow({
    where: { templateId, status: "PUBLISHED" },
    orderBy: { version: "desc" },
    select: { definition: true },
  });
  return publishTemplateVersion(tx, actor, {
    templateId,
    definition: nextAiTemplateVersion(parseStoredDefinition(latest.definition)),
    origin: "editor",
  });
}
