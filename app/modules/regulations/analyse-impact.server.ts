import { db, type Tx } from "../../utils/db.server";
import { DECISION_OUTCOMES } from "../assessments/assessment-status";
import { residencyFlowsFromAnswers } from "../assessments/residency-flows";
import { parseStoredDefinition } from "../questionnaires/load-template-version.server";
import type { LocalizedText, TemplateDefinition } from "../questionnaires/template-definition";
import { visibleTo } from "./catalogue-scope";
import {
  adequacyCountriesOf,
  isAdequacyChangeType,
  parseChangeDiff,
  type DiffChange,
} from "./change-diff";
import { linksAffectedBy } from "./links-affected-by.server";

// Impact analysis of one change event for one organisation (issue 14 item 7): which of its
// questions, template versions, assessments and vendors the change touches. Read-only.
//
// Bounds: an organisation has a handful of templates (each with a few versions), a few hundred
// question ↔ provision links and at most thousands of assessments; every query is scoped to the
// organisation and selects only the columns shown. Answers are read only for adequacy changes,
// only for flow questions, and only those whose stored value names an affected country.

/** Lists longer than this are cut (the counts stay exact): a page of 5,000 rows helps no one. */
export const IMPACT_LIST_LIMIT = 500;
/** Ids longer than this are no ids of ours (cuids are 25 characters): not found, never a query. */
const MAX_ID_LENGTH = 64;

export interface ImpactReader {
  organizationId: string;
}

export interface ChangeEventFacts {
  id: string;
  key: string;
  type: string;
  legalStatus: string;
  detectedAt: string;
  effectiveAt: string | null;
  summaryDe: string;
  summaryEn: string;
  sourceUrl: string | null;
  confirmed: boolean;
  note: string | null;
  source: string;
  /** Null for the bundled (global) catalogue; else the organisation's own import. */
  organizationId: string | null;
  affectedProvisionKeys: string[];
  changes: DiffChange[];
  instrument: { key: string; titleDe: string; titleEn: string };
}

export interface AffectedQuestion {
  templateId: string;
  templateName: string;
  questionKey: string;
  label: LocalizedText | null;
  /** The linked provisions the change touches (empty for adequacy changes). */
  provisionKeys: string[];
}

export interface AffectedTemplateVersion {
  id: string;
  templateId: string;
  templateName: string;
  version: number;
}

export interface AffectedAssessment {
  id: string;
  title: string;
  status: string;
  vendorId: string;
  vendorName: string;
  templateVersionId: string;
}

export interface ImpactAnalysis {
  event: ChangeEventFacts;
  /** "provisions": through question ↔ provision links; "adequacy": through residency flows. */
  basis: "provisions" | "adequacy";
  countries: string[];
  questions: AffectedQuestion[];
  templateVersions: AffectedTemplateVersion[];
  active: AffectedAssessment[];
  decided: AffectedAssessment[];
  vendors: { id: string; name: string }[];
  counts: {
    questions: number;
    templateVersions: number;
    active: number;
    decided: number;
    vendors: number;
  };
}

function parseKeys(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === "string") : [];
  } catch {
    return [];
  }
}

/** The change event as the reader may see it (global or its own organisation's), else null. */
export async function readChangeEventFacts(
  reader: ImpactReader,
  changeEventId: string,
  client: Tx = db(),
): Promise<ChangeEventFacts | null> {
  if (changeEventId.length === 0 || changeEventId.length > MAX_ID_LENGTH) return null;
  const event = await client.changeEvent.findFirst({
    where: { id: changeEventId, ...visibleTo(reader) },
    select: {
      id: true,
      key: true,
      type: true,
      legalStatus: true,
      detectedAt: true,
      effectiveAt: true,
      summaryDe: true,
      summaryEn: true,
      sourceUrl: true,
      confirmed: true,
      note: true,
      source: true,
      organizationId: true,
      affectedProvisionKeys: true,
      diffJson: true,
      instrument: { select: { key: true, titleDe: true, titleEn: true } },
    },
  });
  if (!event) return null;
  const { diffJson, affectedProvisionKeys, detectedAt, effectiveAt, ...rest } = event;
  return {
    ...rest,
    detectedAt: detectedAt.toISOString().slice(0, 10),
    effectiveAt: effectiveAt ? effectiveAt.toISOString().slice(0, 10) : null,
    affectedProvisionKeys: parseKeys(affectedProvisionKeys),
    changes: parseChangeDiff(diffJson),
  };
}

interface VersionRow {
  id: string;
  templateId: string;
  version: number;
  templateName: string;
  definition: TemplateDefinition;
}

/** The organisation's non-draft template versions (of `templateIds`, or all), parsed. */
async function readTemplateVersions(
  client: Tx,
  organizationId: string,
  templateIds: readonly string[] | null,
): Promise<VersionRow[]> {
  const rows = await client.templateVersion.findMany({
    where: {
      template: { organizationId },
      status: { not: "DRAFT" },
      ...(templateIds ? { templateId: { in: [...templateIds] } } : {}),
    },
    orderBy: [{ templateId: "asc" }, { version: "asc" }],
    select: {
      id: true,
      templateId: true,
      version: true,
      definition: true,
      template: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    templateId: row.templateId,
    version: row.version,
    templateName: row.template.name,
    definition: parseStoredDefinition(row.definition),
  }));
}

function questionLabel(definition: TemplateDefinition, key: string): LocalizedText | null {
  for (const section of definition.sections)
    for (const question of section.questions) if (question.key === key) return question.label;
  return null;
}

/**
 * The impact of a change event on the reader's organisation, or null when the event is not
 * visible to it (the route answers 404).
 */
export async function analyseImpact(
  reader: ImpactReader,
  changeEventId: string,
  client: Tx = db(),
  listLimit: number = IMPACT_LIST_LIMIT,
): Promise<ImpactAnalysis | null> {
  const event = await readChangeEventFacts(reader, changeEventId, client);
  if (!event) return null;
  const { organizationId } = reader;
  if (isAdequacyChangeType(event.type)) {
    const windowScopes = await client.applicabilityWindow.findMany({
      where: {
        scope: { not: null },
        version: { instrument: { key: event.instrument.key, organizationId: null } },
      },
      select: { scope: true },
    });
    const countries = adequacyCountriesOf(
      event.changes,
      windowScopes.map((w) => w.scope!),
    );
    return adequacyImpact(client, organizationId, event, countries, listLimit);
  }
  return provisionImpact(client, organizationId, event, listLimit);
}

async function provisionImpact(
  client: Tx,
  organizationId: string,
  event: ChangeEventFacts,
  listLimit: number,
): Promise<ImpactAnalysis> {
  const links = await linksAffectedBy(organizationId, event.affectedProvisionKeys, client);
  const linkedByQuestion = new Map<
    string,
    { templateId: string; questionKey: string; keys: Set<string> }
  >();
  for (const link of links) {
    const id = `${link.templateId}\u0000${link.questionKey}`;
    const entry = linkedByQuestion.get(id) ?? {
      templateId: link.templateId,
      questionKey: link.questionKey,
      keys: new Set<string>(),
    };
    entry.keys.add(link.provisionKey);
    linkedByQuestion.set(id, entry);
  }
  const templateIds = [...new Set(links.map((l) => l.templateId))];
  const versions =
    templateIds.length > 0 ? await readTemplateVersions(client, organizationId, templateIds) : [];
  const questions: AffectedQuestion[] = [];
  const versionIds = new Set<string>();
  for (const linked of linkedByQuestion.values()) {
    const containing = versions.filter(
      (v) => v.templateId === linked.templateId && questionLabel(v.definition, linked.questionKey),
    );
    containing.forEach((v) => versionIds.add(v.id));
    const newest = containing.at(-1);
    const templateName =
      newest?.templateName ??
      versions.find((v) => v.templateId === linked.templateId)?.templateName;
    // A link to a question no version has (a mapping made ahead of a draft) still names it.
    questions.push({
      templateId: linked.templateId,
      templateName: templateName ?? "",
      questionKey: linked.questionKey,
      label: newest ? questionLabel(newest.definition, linked.questionKey) : null,
      provisionKeys: [...linked.keys].sort(),
    });
  }
  const templateVersions = versions.filter((v) => versionIds.has(v.id));
  const assessments = await readAssessments(client, organizationId, {
    templateVersionId: { in: [...versionIds] },
  });
  return assemble(event, "provisions", [], questions, templateVersions, assessments, listLimit);
}

async function adequacyImpact(
  client: Tx,
  organizationId: string,
  event: ChangeEventFacts,
  countries: string[],
  listLimit: number,
): Promise<ImpactAnalysis> {
  if (countries.length === 0) return assemble(event, "adequacy", countries, [], [], [], listLimit);
  const versions = await readTemplateVersions(client, organizationId, null);
  const flowKeysByVersion = new Map<string, Set<string>>();
  for (const version of versions) {
    const keys = version.definition.sections.flatMap((s) =>
      s.questions.filter((q) => q.residency?.role === "flow").map((q) => q.key),
    );
    if (keys.length > 0) flowKeysByVersion.set(version.id, new Set(keys));
  }
  if (flowKeysByVersion.size === 0)
    return assemble(event, "adequacy", countries, [], [], [], listLimit);
  const flowKeys = [...new Set([...flowKeysByVersion.values()].flatMap((s) => [...s]))];
  // A quoted country code inside the stored JSON (["GB"] or {"country":"GB"}) pre-selects the
  // answers in the database; the residency code then decides which really send data there.
  const answers = await client.answer.findMany({
    where: {
      organizationId,
      questionKey: { in: flowKeys },
      assessment: { templateVersionId: { in: [...flowKeysByVersion.keys()] } },
      OR: countries.map((code) => ({ value: { contains: `"${code}"` } })),
    },
    select: {
      assessmentId: true,
      questionKey: true,
      value: true,
      assessment: { select: { templateVersionId: true } },
    },
  });
  const byId = new Map(versions.map((v) => [v.id, v]));
  const hitAssessments = new Set<string>();
  const hitQuestions = new Map<string, AffectedQuestion>();
  const hitVersions = new Set<string>();
  for (const answer of answers) {
    const version = byId.get(answer.assessment.templateVersionId);
    if (!version || !flowKeysByVersion.get(version.id)?.has(answer.questionKey)) continue;
    let value: unknown;
    try {
      value = JSON.parse(answer.value);
    } catch {
      continue;
    }
    const flows = residencyFlowsFromAnswers(version.definition, { [answer.questionKey]: value });
    if (!flows.some((f) => countries.includes(f.country))) continue;
    hitAssessments.add(answer.assessmentId);
    hitVersions.add(version.id);
    const id = `${version.templateId}\u0000${answer.questionKey}`;
    if (!hitQuestions.has(id))
      hitQuestions.set(id, {
        templateId: version.templateId,
        templateName: version.templateName,
        questionKey: answer.questionKey,
        label: questionLabel(version.definition, answer.questionKey),
        provisionKeys: [],
      });
  }
  const assessments = await readAssessments(client, organizationId, {
    id: { in: [...hitAssessments] },
  });
  return assemble(
    event,
    "adequacy",
    countries,
    [...hitQuestions.values()],
    versions.filter((v) => hitVersions.has(v.id)),
    assessments,
    listLimit,
  );
}

async function readAssessments(
  client: Tx,
  organizationId: string,
  where: { templateVersionId: { in: string[] } } | { id: { in: string[] } },
): Promise<AffectedAssessment[]> {
  const rows = await client.assessment.findMany({
    where: { organizationId, status: { not: "CANCELLED" }, ...where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      title: true,
      status: true,
      vendorId: true,
      templateVersionId: true,
      vendor: { select: { name: true } },
    },
  });
  return rows.map(({ vendor, ...row }) => ({ ...row, vendorName: vendor.name }));
}

function assemble(
  event: ChangeEventFacts,
  basis: ImpactAnalysis["basis"],
  countries: string[],
  questions: AffectedQuestion[],
  versions: VersionRow[],
  assessments: AffectedAssessment[],
  listLimit: number,
): ImpactAnalysis {
  const decidedStatuses: readonly string[] = DECISION_OUTCOMES;
  const decided = assessments.filter((a) => decidedStatuses.includes(a.status));
  const active = assessments.filter((a) => !decidedStatuses.includes(a.status));
  const vendors = new Map<string, string>();
  for (const a of assessments) vendors.set(a.vendorId, a.vendorName);
  const vendorList = [...vendors]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  questions.sort(
    (a, b) =>
      a.templateName.localeCompare(b.templateName) || a.questionKey.localeCompare(b.questionKey),
  );
  return {
    event,
    basis,
    countries,
    questions,
    templateVersions: versions.map(({ id, templateId, templateName, version }) => ({
      id,
      templateId,
      templateName,
      version,
    })),
    active: active.slice(0, listLimit),
    decided: decided.slice(0, listLimit),
    vendors: vendorList.slice(0, listLimit),
    counts: {
      questions: questions.length,
      templateVersions: versions.length,
      active: active.length,
      decided: decided.length,
      vendors: vendorList.length,
    },
  };
}
