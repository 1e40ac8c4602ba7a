import { z } from "zod";
import { db } from "../../utils/db.server";
import { entityIdInput, requireEntityId } from "../../utils/entity-id";
import { parseUseCaseInput } from "../../utils/validation-messages";
import type { UserActor, VendorActor } from "../auth/actor";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import { questionsOf } from "../questionnaires/template-definition";
import {
  authorKindOf,
  findOrgAssessment,
  sectionVisible,
  vendorContactOf,
} from "./clarification-access.server";
import type {
  ClarificationsByQuestion,
  ClarificationStatus,
  ClarificationThreadView,
} from "./clarification-input";

async function threadsOf(
  organizationId: string,
  assessmentId: string,
): Promise<ClarificationThreadView[]> {
  const rows = await db().clarificationThread.findMany({
    where: { organizationId, assessmentId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      questionKey: true,
      status: true,
      createdAt: true,
      resolvedAt: true,
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, author: true, authorLabel: true, body: true, createdAt: true },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    questionKey: row.questionKey,
    status: (row.status === "RESOLVED" ? "RESOLVED" : "OPEN") as ClarificationStatus,
    createdAt: row.createdAt,
    resolvedAt: row.resolvedAt,
    messages: row.messages.map((m) => ({
      id: m.id,
      authorKind: authorKindOf(m.author),
      authorLabel: m.authorLabel,
      body: m.body,
      createdAt: m.createdAt,
    })),
  }));
}

function byQuestion(threads: ClarificationThreadView[]): ClarificationsByQuestion {
  const grouped: ClarificationsByQuestion = {};
  for (const thread of threads) (grouped[thread.questionKey] ??= []).push(thread);
  return grouped;
}

export const listClarificationsForUserInputSchema = z.object({ assessmentId: entityIdInput });
export type ListClarificationsForUserInput = z.input<typeof listClarificationsForUserInputSchema>;

/** Every thread of an assessment of the user's organisation (every role may read them). */
export async function listClarificationsForUser(
  actor: UserActor,
  rawAssessmentId: string,
): Promise<ClarificationsByQuestion> {
  const input = parseUseCaseInput(listClarificationsForUserInputSchema, {
    assessmentId: rawAssessmentId,
  });
  // Checked before the query: Prisma reads `id: {}` as "any assessment of the organisation".
  const assessmentId = requireEntityId(input.assessmentId, "Assessment");
  const assessment = await findOrgAssessment(db(), actor.organizationId, assessmentId);
  return byQuestion(await threadsOf(actor.organizationId, assessment.id));
}

/** The threads a vendor contact may see: their assessment's, on the sections they may answer. */
export async function listClarificationsForVendor(
  actor: VendorActor,
): Promise<ClarificationsByQuestion> {
  const assessment = await findOrgAssessment(db(), actor.organizationId, actor.assessmentId);
  const { sections } = await vendorContactOf(db(), actor);
  const threads = await threadsOf(actor.organizationId, assessment.id);
  if (sections === null) return byQuestion(threads);
  const { definition } = await loadTemplateVersion(assessment.templateVersionId);
  const sectionOf = new Map(questionsOf(definition).map((q) => [q.key, q.sectionKey]));
  return byQuestion(
    threads.filter((t) => sectionVisible(sections, sectionOf.get(t.questionKey) ?? "")),
  );
}
