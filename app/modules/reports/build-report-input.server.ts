// Collects everything the signed report shows, inside the decision's transaction, and resolves it
// to display text in the assessment's language. The renderer (render-report.ts) stays pure.

import { limitedScopeNotes } from "../../reference-data/adequacy-scope-notes";
import { countryName } from "../../reference-data/countries";
import { formatAnswer } from "../questionnaires/format-answer";
import { answerScoreReason } from "../questionnaires/explain-answer";
import { transparencyAreaName } from "../questionnaires/transparency-area-name";
import { formatPoints } from "../../utils/score-format";
import type { Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import {
  formatDate,
  labelKey,
  translate,
  type Locale,
  type MessageKey,
  type MessageParams,
} from "../../utils/i18n";
import { parseStoredScore } from "../assessments/stored-score";
import { hiddenQuestionKeys } from "../questionnaires/conditions";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import { questionsOf } from "../questionnaires/template-definition";
import {
  citationCatalogueFor,
  referenceKeysOf,
} from "../regulations/citations/citation-catalogue.server";
import { questionCitations } from "../regulations/citations/question-citations";
import { parseStoredAnswer } from "../portal/vendor-questionnaire.server";
import type { ReportInput, ReportOutcomeCode } from "./report-input";
import { linkedProvisionsForReport } from "./report-provisions.server";

const LEGAL_BASIS: Record<Locale, Record<string, string>> = {
  en: {
    eu_eea: "GDPR applies directly (EU/EEA)",
    adequacy: "Adequacy decision (GDPR Art. 45)",
    third_country_safeguards: "Appropriate safeguards (GDPR Art. 46)",
    third_country_no_safeguards: "None",
    unknown: "Unknown",
  },
  de: {
    eu_eea: "DSGVO gilt unmittelbar (EU/EWR)",
    adequacy: "Angemessenheitsbeschluss (Art. 45 DSGVO)",
    third_country_safeguards: "Geeignete Garantien (Art. 46 DSGVO)",
    third_country_no_safeguards: "Keine",
    unknown: "Unbekannt",
  },
};

function jsonArray<T>(json: string): T[] {
  const parsed = parseStoredAnswer(json);
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}

/** The language of an assessment: the language its (first, non-delegated) vendor contact was invited in. */
async function assessmentLanguage(
  tx: Tx,
  assessmentId: string,
  fallback: string | null,
): Promise<Locale> {
  const link = await tx.inviteLink.findFirst({
    where: { assessmentId, delegatedById: null },
    orderBy: { createdAt: "asc" },
    select: { locale: true },
  });
  const language = link?.locale ?? fallback;
  return language === "de" ? "de" : "en";
}

export interface ReportContext {
  organizationId: string;
  assessmentId: string;
  decisionId: string;
  signerName: string;
  signerLocale: string | null;
  recommendation: "APPROVE" | "REJECT" | null;
  againstRecommendation: boolean;
  auditHead: { seq: number; hash: string };
  verifyUrl: string;
}

export async function buildReportInput(tx: Tx, context: ReportContext): Promise<ReportInput> {
  const assessment = await tx.assessment.findFirst({
    where: { id: context.assessmentId, organizationId: context.organizationId },
    select: {
      id: true,
      title: true,
      submittedAt: true,
      templateVersionId: true,
      templateVersion: { select: { templateId: true } },
      scoreResult: true,
      scoringMethodVersion: true,
      organization: { select: { name: true } },
      vendor: { select: { name: true } },
      product: { select: { name: true } },
      answers: { select: { questionKey: true, value: true } },
      evidenceFiles: {
        where: { deletedAt: null },
        orderBy: { createdAt: "asc" },
        select: { questionKey: true, fileName: true, sha256: true },
      },
      findings: {
        orderBy: { createdAt: "asc" },
        select: {
          title: true,
          severity: true,
          status: true,
          owner: true,
          dueDate: true,
          description: true,
          remediation: true,
          questionKeys: true,
        },
      },
      decisions: {
        where: { id: context.decisionId },
        select: { outcome: true, rationale: true, conditions: true, createdAt: true },
      },
    },
  });
  const decision = assessment?.decisions[0];
  if (!assessment || !decision) throw new DomainError("NOT_FOUND", "errors.decisionNotFound");
  const locale = await assessmentLanguage(tx, assessment.id, context.signerLocale);
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const day = (value: Date | string | null | undefined) => formatDate(locale, value);
  // Date placeholders read as the catalogue has them today, the day the report is recorded.
  const template = await loadTemplateVersion(assessment.templateVersionId, tx);
  const citations = await citationCatalogueFor(
    { organizationId: context.organizationId },
    referenceKeysOf(template.definition),
    tx,
  );
  // Every reference in the report's language and citation style (issue 21 item 1).
  const citationsOf = new Map(
    questionsOf(template.definition).map((q) => [q.key, questionCitations(q, locale, citations)]),
  );
  const questions = questionsOf(template.definition);
  const labelOf = (key: string) => questions.find((q) => q.key === key)?.label[locale] ?? key;
  const answers = Object.fromEntries(
    assessment.answers.map((a) => [a.questionKey, parseStoredAnswer(a.value)]),
  );
  const hidden = hiddenQuestionKeys(template.definition.sections, answers);
  const score = parseStoredScore(assessment.scoreResult);
  const resultOf = (key: string) => score?.questions.find((q) => q.key === key);
  const references = new Map<string, number>();
  for (const q of questions)
    for (const ref of citationsOf.get(q.key) ?? [])
      references.set(ref, (references.get(ref) ?? 0) + 1);
  // The law as it stood on the assessment date (submission; the decision day if never submitted).
  const linked = await linkedProvisionsForReport(tx, {
    organizationId: context.organizationId,
    templateId: assessment.templateVersion.templateId,
    onDay: assessment.submittedAt ?? decision.createdAt,
    locale,
  });

  return {
    language: locale,
    organizationName: assessment.organization.name,
    vendorName: assessment.vendor.name,
    productName: assessment.product?.name ?? "–",
    assessment: {
      id: assessment.id,
      title: assessment.title,
      // The version's own title in the report's language (the row keeps one name, in English
      // for the bundled templates).
      templateName: template.definition.title[locale] || template.template.name,
      templateVersion: String(template.version),
      scoringMethodVersion: assessment.scoringMethodVersion ?? score?.methodVersion ?? "–",
      submittedAt: day(assessment.submittedAt),
    },
    decision: {
      outcomeCode: decision.outcome as ReportOutcomeCode,
      outcome: t(labelKey("assessments.status", decision.outcome) ?? "common.unknownValue"),
      rationale: decision.rationale,
      conditions: jsonArray<{ text: string; dueDate: string }>(decision.conditions).map((c) => ({
        text: c.text,
        dueDate: day(`${c.dueDate}T23:59:59Z`),
      })),
      decidedBy: context.signerName,
      decidedAt: formatDate(locale, decision.createdAt, true),
      recommendation: context.recommendation
        ? t(labelKey("assessments.recommend", context.recommendation) ?? "common.unknownValue")
        : null,
      againstRecommendation: context.againstRecommendation,
      overrideReason: context.againstRecommendation ? decision.rationale : null,
    },
    signerName: context.signerName,
    summary: {
      overallScore: score?.overall ?? null,
      riskTier: score?.riskTier
        ? t(labelKey("assessments.tier", score.riskTier) ?? "common.unknownValue")
        : "–",
      completeness: Math.round((score?.completeness.ratio ?? 0) * 100),
    },
    sections: template.definition.sections.map((section) => {
      const result = score?.sections.find((s) => s.key === section.key);
      return {
        title: section.title[locale],
        score: result?.score ?? null,
        weight: result?.weight ?? section.weight,
      };
    }),
    knockOuts: (score?.knockOuts ?? []).map((k) => {
      const label =
        questions.find((q) => q.key === k.questionKey)?.knockOut?.label[locale] ?? k.label;
      // Method 1.2.0: a dated knock-out (e.g. once the AI Act's high-risk rules apply) says from when.
      const appliesFrom = score?.explanation?.knockOuts.find(
        (e) => e.questionKey === k.questionKey,
      )?.appliesFrom;
      return {
        question: labelOf(k.questionKey),
        label: appliesFrom
          ? t("reports.knockOutAppliesFrom", { label, day: day(appliesFrom) })
          : label,
      };
    }),
    transparency: score?.transparency
      ? score.transparency.byDomain.map((d) => ({
          domain: transparencyAreaName(d.domain, t),
          earned: d.satisfied,
          total: d.total,
        }))
      : null,
    residency: score?.residency
      ? {
          overallClass: t(
            labelKey("assessments.class_", score.residency.rating) ?? "common.unknownValue",
          ),
          flows: score.residency.flows.map((flow) => ({
            kind: t(labelKey("assessments.flow_", flow.kind) ?? "common.unknownValue"),
            label: questions.some((q) => q.key === flow.label) ? labelOf(flow.label) : flow.label,
            country:
              flow.country === "unknown"
                ? t("assessments.unknownCountry")
                : countryName(flow.country, locale),
            residencyClass: t(labelKey("assessments.class_", flow.class) ?? "common.unknownValue"),
            legalBasis: LEGAL_BASIS[locale][flow.class] ?? "–",
          })),
          scopeNotes: limitedScopeNotes(
            score.residency.flows.map((flow) => flow.country),
            locale,
          ).map(({ code, note }) => ({ country: countryName(code, locale), note })),
        }
      : null,
    findings: assessment.findings.map((f) => ({
      title: f.title,
      severity: t(labelKey("review.severity", f.severity) ?? "common.unknownValue"),
      status: t(labelKey("review.findingStatus", f.status) ?? "common.unknownValue"),
      owner: f.owner ?? "–",
      dueDate: f.dueDate ? day(f.dueDate) : "–",
      description: f.description,
      remediation: f.remediation || "–",
      questions: jsonArray<string>(f.questionKeys).map(labelOf),
    })),
    answers: template.definition.sections.map((section) => ({
      title: section.title[locale],
      answers: section.questions.map((q) => {
        const result = resultOf(q.key);
        return {
          question: q.label[locale],
          answer: hidden.has(q.key)
            ? t("portal.hiddenByCondition")
            : formatAnswer(q, answers[q.key], locale, t),
          points:
            result?.points !== null && result?.points !== undefined
              ? `${formatPoints(locale, result.points)} / 1`
              : "–",
          // Why it earned them, in words: the same text as on the assessment page.
          reason: hidden.has(q.key)
            ? undefined
            : (answerScoreReason(
                {
                  ...q,
                  answer: answers[q.key],
                  result: result ?? null,
                },
                locale,
                t,
              ) ?? undefined),
          references: citationsOf.get(q.key) ?? [],
          evidence: assessment.evidenceFiles
            .filter((f) => f.questionKey === q.key)
            .map((f) => ({ fileName: f.fileName, sha256: f.sha256 })),
          provisions: linked.byQuestion.get(q.key) ?? [],
        };
      }),
    })),
    references: [...references.entries()]
      .sort(([a], [b]) => a.localeCompare(b, locale))
      .map(([reference, questionCount]) => ({ reference, questionCount })),
    catalogue: linked.catalogue,
    aiAssistance: null,
    auditHead: context.auditHead,
    verifyUrl: context.verifyUrl,
    generatedAt: decision.createdAt,
  };
}
