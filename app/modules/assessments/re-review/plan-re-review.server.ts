// What a re-review of one assessment would be: the newest published version of its template, the
// delta and the answers to carry (delta.ts). Read-only; shared by the preview page and
// startReReviews (which calls it inside its transaction, so what is started is what was planned
// on the data of that moment).

import { db, type Tx } from "../../../utils/db.server";
import { DomainError } from "../../../utils/errors";
import { parseStoredDefinition } from "../../questionnaires/load-template-version.server";
import { linksAffectedBy } from "../../regulations/links-affected-by.server";
import { visibleTo } from "../../regulations/catalogue-scope";
import { parseStoredAnswer } from "../../portal/vendor-questionnaire.server";
import { planDelta, type DeltaPlan, type LinkedQuestion } from "./delta";

type Client = Tx | ReturnType<typeof db>;

/** Assessments a re-review is never started from: nothing was asked or answered in them. */
export const NOT_RE_REVIEWABLE = ["DRAFT", "CANCELLED"] as const;

/** Statuses in which a re-review is still open (a second start for the same cause finds it). */
export const CLOSED_STATUSES = ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED", "CANCELLED"];

export interface ReReviewChange {
  id: string;
  key: string;
  affectedProvisionKeys: string[];
  summaryEn: string;
  summaryDe: string;
}

/** A change event the organisation may see (bundled or its own), by id or by its stable key. */
export async function findVisibleChangeEvent(
  organizationId: string,
  idOrKey: string,
  client: Client = db(),
): Promise<ReReviewChange> {
  const event = await client.changeEvent.findFirst({
    where: {
      AND: [visibleTo({ organizationId }), { OR: [{ id: idOrKey }, { key: idOrKey }] }],
    },
    // An organisation's own event with the same key as a bundled one wins.
    orderBy: { organizationId: { sort: "desc", nulls: "last" } },
    select: {
      id: true,
      key: true,
      affectedProvisionKeys: true,
      summaryEn: true,
      summaryDe: true,
    },
  });
  if (!event) throw new DomainError("NOT_FOUND", "reReview.errorChangeNotFound");
  return { ...event, affectedProvisionKeys: parseKeys(event.affectedProvisionKeys) };
}

function parseKeys(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === "string") : [];
  } catch {
    return [];
  }
}

export interface SourceAssessment {
  id: string;
  vendorId: string;
  productId: string | null;
  title: string;
  status: string;
  templateId: string;
  templateVersionId: string;
  templateVersion: number;
}

/** The organisation's assessment; a foreign or unknown id is NOT_FOUND (never "forbidden"). */
export async function findSourceAssessment(
  organizationId: string,
  assessmentId: string,
  client: Client = db(),
): Promise<SourceAssessment> {
  const row = await client.assessment.findFirst({
    where: { id: assessmentId, organizationId },
    select: {
      id: true,
      vendorId: true,
      productId: true,
      title: true,
      status: true,
      templateVersionId: true,
      templateVersion: { select: { version: true, templateId: true } },
    },
  });
  if (!row) throw new DomainError("NOT_FOUND", "errors.assessmentNotFound");
  return {
    id: row.id,
    vendorId: row.vendorId,
    productId: row.productId,
    title: row.title,
    status: row.status,
    templateId: row.templateVersion.templateId,
    templateVersionId: row.templateVersionId,
    templateVersion: row.templateVersion.version,
  };
}

export interface ReReviewPlan extends DeltaPlan {
  target: { id: string; version: number };
  /** The source's answers by question key: stored JSON, first day given. */
  sourceAnswers: Map<string, { value: string; firstGivenAt: Date }>;
}

/** The affected questions of one template, one entry per question (links merged). */
export function linkedQuestionsOf(
  links: readonly { templateId: string; questionKey: string; changedKeys: string[] }[],
  templateId: string,
  changeEventId: string,
): LinkedQuestion[] {
  const byQuestion = new Map<string, Set<string>>();
  for (const link of links) {
    if (link.templateId !== templateId) continue;
    const keys = byQuestion.get(link.questionKey) ?? new Set<string>();
    for (const key of link.changedKeys) keys.add(key);
    byQuestion.set(link.questionKey, keys);
  }
  return [...byQuestion].map(([questionKey, keys]) => ({
    questionKey,
    changeEventId,
    provisionKeys: [...keys].sort(),
  }));
}

export async function planReReview(
  organizationId: string,
  source: SourceAssessment,
  change: ReReviewChange | null,
  client: Client = db(),
): Promise<ReReviewPlan> {
  // One after the other: inside a transaction both run on one connection.
  const before = await client.templateVersion.findUniqueOrThrow({
    where: { id: source.templateVersionId },
    select: { definition: true },
  });
  const after = await client.templateVersion.findFirst({
    where: { templateId: source.templateId, status: "PUBLISHED", template: { organizationId } },
    orderBy: { version: "desc" },
    select: { id: true, version: true, definition: true },
  });
  if (!after) throw new DomainError("NOT_FOUND", "errors.templateVersionNotFound");
  const rows = await client.answer.findMany({
    where: { assessmentId: source.id, organizationId },
    select: { questionKey: true, value: true, firstGivenAt: true },
  });
  // An answer that was cleared (null, empty list, empty text) has nothing to carry.
  const sourceAnswers = new Map(
    rows
      .filter((row) => !isEmptyAnswer(parseStoredAnswer(row.value)))
      .map((row) => [row.questionKey, { value: row.value, firstGivenAt: row.firstGivenAt }]),
  );
  const links = change
    ? await linksAffectedBy(organizationId, change.affectedProvisionKeys, client)
    : [];
  const plan = planDelta({
    before: parseStoredDefinition(before.definition),
    after: parseStoredDefinition(after.definition),
    answeredKeys: new Set(sourceAnswers.keys()),
    linked: change ? linkedQuestionsOf(links, source.templateId, change.id) : [],
  });
  return { ...plan, target: { id: after.id, version: after.version }, sourceAnswers };
}

function isEmptyAnswer(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}
