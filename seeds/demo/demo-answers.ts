import { hiddenQuestionKeys } from "../../app/modules/questionnaires/conditions";
import {
  questionsOf,
  type TemplateDefinition,
  type TemplateQuestion,
} from "../../app/modules/questionnaires/template-definition";

/**
 * Invented answers for demo vendors: a `quality` between 0 and 1 picks better or worse options,
 * and `overrides` pin the answers that make a vendor's story (US hosting, training on customer
 * data …). Deterministic: the same profile always gives the same answers.
 */
export interface AnswerProfile {
  quality: number;
  /** A different quality for some sections (key → quality): a vendor's strengths and weaknesses. */
  sectionQuality?: Record<string, number>;
  overrides?: Record<string, unknown>;
}

/** Three tiers of plausible values: good (quality ≥ 0.75), middling (≥ 0.4), poor. */
type Tiers<T> = readonly [good: T, middling: T, poor: T];

function tier<T>(values: Tiers<T>, quality: number): T {
  return quality >= 0.75 ? values[0] : quality >= 0.4 ? values[1] : values[2];
}

/** Numbers a real vendor would state (the thresholds alone would suggest implausible zeros). */
const NUMBER_ANSWERS: Record<string, Tiers<number>> = {
  "transparency.change_notice_days": [30, 14, 0],
  "data_use.retention_days": [30, 90, 400],
  "data_use.deletion_days": [30, 90, 180],
  "monitoring.incident_notification_hours": [24, 48, 96],
  "monitoring.recovery_time_hours": [4, 24, 72],
  "security.vulnerability_patch_days": [7, 30, 90],
  "access_control.offboarding_hours": [24, 72, 168],
  "flows.location_change_notice_days": [30, 14, 0],
  "data_use.subprocessor_notice_days": [30, 14, 7],
};

const TEXT_ANSWERS: Record<string, string> = {
  "compliance.dpo_contact": "datenschutz@vendor.example",
  "data_use.subprocessors":
    "https://vendor.example/trust/subprocessors – e-mail notice 30 days in advance, with a right to object",
  "transparency.models_used":
    "Self-hosted open-weight language model (Llama 3.1 70B, release 2024-07) for extraction and summaries; own classifier v3 for routing.",
  "data_use.training_details":
    "Only prompts of customers who opted in are used, pseudonymised, to fine-tune our own models. Customers can withdraw at any time; withdrawal applies to data collected from then on.",
  "monitoring.incident_details":
    "2025-02: credential-stuffing attempt against the customer login, blocked by rate limiting; no customer data were read. Since then MFA is mandatory for all customer accounts.",
};

/** Sub-processors of a vendor that hosts in the EU (demo vendors override them with their own). */
export const DEFAULT_SUBPROCESSORS = [
  {
    name: "Hetzner Online GmbH",
    purpose: "Hosting and backups",
    country: "DE",
    mechanism: "not_needed",
  },
  { name: "Brevo SAS", purpose: "Transactional e-mail", country: "FR", mechanism: "not_needed" },
] as const;

/** Plausible choices where "the option with the most points" would tell a strange story. */
const CHOICE_ANSWERS: Record<string, unknown> = {
  // A provider of an AI system built on a third-party model, not also importer and GPAI provider.
  "ai_act.role": ["provider_ai_system", "integrates_third_party_gpai"],
  // The demo vendors sell cloud services; none delivers software that runs at the customer.
  "compliance.cra_components": "no_components",
};

function pickByQuality<T>(items: readonly T[], quality: number): T | undefined {
  if (items.length === 0) return undefined;
  const index = Math.round((1 - quality) * (items.length - 1));
  return items[Math.min(items.length - 1, Math.max(0, index))];
}

/** The options a demo vendor may pick: knock-outs are part of a story and come only from overrides. */
function pickableOptions(question: TemplateQuestion) {
  const knockOut = new Set(question.knockOut?.when ?? []);
  return (
    [...(question.options ?? [])]
      // A demo vendor answers the question: never with an option that makes it not applicable.
      .filter((o) => !knockOut.has(o.value) && o.notApplicable !== true)
      .sort((a, b) => b.points - a.points)
  );
}

function numberAnswer(question: TemplateQuestion, q: number): number {
  const known = NUMBER_ANSWERS[question.key];
  if (known) return tier(known, q);
  const min = question.min ?? 0;
  const max = question.max ?? min + 30;
  return Math.round(min + (max - min) * q);
}

function answerFor(question: TemplateQuestion, q: number): unknown {
  if (question.key in CHOICE_ANSWERS) return CHOICE_ANSWERS[question.key];
  const options = pickableOptions(question);
  switch (question.type) {
    case "yes_no": {
      // A "no" that knocks out (e.g. no deletion at contract end) belongs to a story, not a tier.
      const value = tier(["yes", "partial", "no"], q);
      return question.knockOut?.when.includes(value) ? "partial" : value;
    }
    case "single_choice":
      return pickByQuality(options, q)?.value ?? "unknown";
    case "multi_choice": {
      const real = options.filter((o) => !o.exclusive && o.points > 0);
      const count = Math.max(1, Math.round(q * real.length));
      return real.slice(0, count).map((o) => o.value);
    }
    case "number":
      return numberAnswer(question, q);
    case "date":
      return tier(["2026-03-16", "2025-09-30", "2024-05-15"], q);
    case "countries":
      return ["DE"];
    case "subprocessors":
      return DEFAULT_SUBPROCESSORS.map((row) => ({ ...row }));
    case "text":
    case "long_text":
      return (
        TEXT_ANSWERS[question.key] ??
        "Documented in our trust centre at https://vendor.example/trust."
      );
    case "evidence":
      // Demo evidence files do not exist: a required evidence question is answered "not applicable".
      return question.required ? "na" : undefined;
  }
}

/**
 * Answers to every question a respondent would see. Questions hidden by their show-if rule (given
 * the generated answers and the overrides) are left out, unless an override names them.
 */
export function demoAnswers(
  definition: TemplateDefinition,
  profile: AnswerProfile,
): Record<string, unknown> {
  const generated: Record<string, unknown> = {};
  for (const question of questionsOf(definition)) {
    const value = answerFor(
      question,
      profile.sectionQuality?.[question.sectionKey] ?? profile.quality,
    );
    if (value !== undefined) generated[question.key] = value;
  }
  const overrides = profile.overrides ?? {};
  const answers = { ...generated, ...overrides };
  const hidden = hiddenQuestionKeys(definition.sections, answers);
  return Object.fromEntries(
    Object.entries(answers).filter(([key]) => !hidden.has(key) || key in overrides),
  );
}
