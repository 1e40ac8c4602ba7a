import type { TemplateDefinition } from "../../app/modules/questionnaires/template-definition";

/**
 * Invented answers for demo vendors: a `quality` between 0 and 1 picks better or worse options,
 * and `overrides` pin the answers that make a vendor's story (US hosting, training on customer
 * data …). Deterministic: the same profile always gives the same answers.
 */
export interface AnswerProfile {
  quality: number;
  overrides?: Record<string, unknown>;
}

function pickByQuality<T>(items: readonly T[], quality: number): T | undefined {
  if (items.length === 0) return undefined;
  const index = Math.round((1 - quality) * (items.length - 1));
  return items[Math.min(items.length - 1, Math.max(0, index))];
}

export function demoAnswers(definition: TemplateDefinition, profile: AnswerProfile): Record<string, unknown> {
  const q = profile.quality;
  const answers: Record<string, unknown> = {};
  for (const section of definition.sections) {
    for (const question of section.questions) {
      const options = [...(question.options ?? [])].sort((a, b) => b.points - a.points);
      switch (question.type) {
        case "yes_no":
          answers[question.key] = q >= 0.75 ? "yes" : q >= 0.4 ? "partial" : "no";
          break;
        case "single_choice":
          answers[question.key] = pickByQuality(options, q)?.value ?? "unknown";
          break;
        case "multi_choice": {
          const real = options.filter((o) => !o.exclusive && o.points > 0);
          const count = Math.max(1, Math.round(q * real.length));
          answers[question.key] = real.slice(0, count).map((o) => o.value);
          break;
        }
        case "number":
          answers[question.key] = question.key.includes("hours") ? (q >= 0.75 ? 24 : q >= 0.4 ? 48 : 96) : question.key.includes("retention") ? (q >= 0.75 ? 30 : q >= 0.4 ? 90 : 400) : Math.round(30 * q);
          break;
        case "date":
          answers[question.key] = "2026-03-16";
          break;
        case "countries":
          answers[question.key] = ["DE"];
          break;
        case "text":
          answers[question.key] = question.key.includes("dpo") ? "datenschutz@vendor.example" : "Hosting: Hetzner Online GmbH (DE); e-mail: Brevo (FR)";
          break;
      }
    }
  }
  return { ...answers, ...profile.overrides };
}
