import { z } from "zod";
import { entityIdInput, requireEntityId } from "../../utils/entity-id";
import { parseUseCaseInput } from "../../utils/validation-messages";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { UserActor } from "../auth/actor";
import { hiddenQuestionKeys } from "../questionnaires/conditions";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import { questionsOf } from "../questionnaires/template-definition";
import {
  citationCatalogueFor,
  referenceKeysOf,
} from "../regulations/citations/citation-catalogue.server";
import { localizedQuestionCitations } from "../regulations/citations/question-citations";
import { parseStoredAnswer } from "../portal/vendor-questionnaire.server";
import { recommendationFor } from "./compute-score";
import { parseStoredScore } from "./stored-score";

export const getAssessmentInputSchema = z.object({ assessmentId: entityIdInput });
/** The id comes positionally (every caller has just the route's id); the schema still checks it. */
export type GetAssessmentInput = z.input<typeof getAssessmentInputSchema>;

/** The assessor's/DPO's view of one assessment (DTO: no token hashes, no secrets). */
export async function getAssessment(actor: UserActor, rawAssessmentId: string) {
  const input = parseUseCaseInput(getAssessmentInputSchema, { assessmentId: rawAssessmentId });
  const assessmentId = requireEntityId(input.assessmentId, "Assessment");
  const assessment = await db().assessment.findFirst({
    where: { id: assessmentId, organizationId: actor.organizationId },
    select: {
      id: true,
      title: true,
      status: true,
      version: true,
      dueDate: true,
      createdAt: true,
      submittedAt: true,
      forwardedAt: true,
      forwardedById: true,
      createdById: true,
      scoreResult: true,
      templateVersionId: true,
      weightProfile: { select: { name: true } },
      vendor: { select: { id: true, name: true } },
      product: { select: { id: true, name: true } },
      inviteLinks: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          contactEmail: true,
          contactName: true,
          createdAt: true,
          expiresAt: true,
          revokedAt: true,
          lastUsedAt: true,
          lastUsedIp: true,
          lastUsedUserAgent: true,
          useCount: true,
        },
      },
      decisions: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          outcome: true,
          rationale: true,
          conditions: true,
          decidedById: true,
          createdAt: true,
          supersededAt: true,
        },
      },
      answers: {
        select: { questionKey: true, value: true, version: true, updatedAt: true, updatedBy: true },
      },
      evidenceFiles: {
        where: { deletedAt: null },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          questionKey: true,
          fileName: true,
          size: true,
          contentType: true,
          sha256: true,
          createdAt: true,
          uploadedByLabel: true,
        },
      },
    },
  });
  if (!assessment) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
  const template = await loadTemplateVersion(assessment.templateVersionId);
  const citations = await citationCatalogueFor(
    { organizationId: actor.organizationId },
    referenceKeysOf(template.definition),
  );
  const score = parseStoredScore(assessment.scoreResult);
  const userIds = [
    assessment.createdById,
    assessment.forwardedById,
    ...assessment.decisions.map((d) => d.decidedById),
  ].filter((x): x is string => Boolean(x));
  const users = await db().user.findMany({
    where: { id: { in: userIds }, memberships: { some: { organizationId: actor.organizationId } } },
    select: { id: true, name: true },
  });
  const nameOf = (id: string | null) => users.find((u) => u.id === id)?.name ?? null;
  const answers = new Map(assessment.answers.map((a) => [a.questionKey, a]));
  const values = Object.fromEntries(
    assessment.answers.map((a) => [a.questionKey, parseStoredAnswer(a.value)]),
  );
  const hidden = hiddenQuestionKeys(template.definition.sections, values);
  // Who gave each answer: "vendor:<inviteLinkId>" → that contact's e-mail.
  const contactOf = new Map(
    assessment.inviteLinks.map((i) => [
      `vendor:${i.id}`,
      i.contactName ? `${i.contactName} <${i.contactEmail}>` : i.contactEmail,
    ]),
  );
  const { scoreResult: _stored, answers: _rows, inviteLinks, evidenceFiles, ...rest } = assessment;
  return {
    ...rest,
    templateName: template.template.name,
    // The version's title in both languages: the row's name is one language (English for the
    // bundled templates), the page shows the reader's.
    templateTitle: template.definition.title,
    templateVersion: template.version,
    createdByName: nameOf(assessment.createdById),
    forwardedByName: nameOf(assessment.forwardedById),
    decisions: assessment.decisions.map((d) => ({
      ...d,
      conditions: safeConditions(d.conditions),
      decidedByName: nameOf(d.decidedById),
    })),
    invites: inviteLinks.map((i) => ({
      ...i,
      state: i.revokedAt ? "revoked" : i.expiresAt.getTime() <= Date.now() ? "expired" : "active",
    })),
    score,
    recommendation: score ? recommendationFor(score) : null,
    sections: template.definition.sections.map((s) => ({
      key: s.key,
      title: s.title,
      weight: s.weight,
    })),
    questions: questionsOf(template.definition).map((q) => ({
      key: q.key,
      sectionKey: q.sectionKey,
      type: q.type,
      label: q.label,
      required: q.required,
      options: q.options?.map((o) => ({ value: o.value, label: o.label })) ?? [],
      // The plain-words explanation of the points names the threshold rule that applied.
      thresholds: q.thresholds ?? null,
      unit: q.unit ?? null,
      references: localizedQuestionCitations(q, citations),
      knockOutLabel: q.knockOut?.label ?? null,
      indicatorRule: q.indicator?.rule ?? null,
      answer: answers.has(q.key) ? parseStoredAnswer(answers.get(q.key)!.value) : null,
      answeredBy: answers.has(q.key)
        ? (contactOf.get(answers.get(q.key)!.updatedBy) ?? null)
        : null,
      answeredAt: answers.get(q.key)?.updatedAt ?? null,
      hidden: hidden.has(q.key),
      files: evidenceFiles.filter((f) => f.questionKey === q.key),
      result: score?.questions.find((r) => r.key === q.key) ?? null,
    })),
  };
}

function safeConditions(json: string): { text: string; dueDate: string }[] {
  const parsed = parseStoredAnswer(json);
  return Array.isArray(parsed)
    ? parsed.filter(
        (c): c is { text: string; dueDate: string } =>
          typeof c?.text === "string" && typeof c?.dueDate === "string",
      )
    : [];
}

export type AssessmentView = Awaited<ReturnType<typeof getAssessment>>;
