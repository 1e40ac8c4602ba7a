import type { SubprocessorRow } from "../questionnaires/answer-value";
import type { TemplateDefinition, TemplateQuestion } from "../questionnaires/template-definition";

export interface ResidencyFlowInput {
  kind: "storage" | "processing" | "support" | "inference" | "backup" | "subprocessor";
  label: string;
  country: string;
  safeguard?: "scc" | "bcr" | "none" | "unknown";
  recipient?: { dpfCertified?: boolean; commercial?: boolean };
}

/**
 * The questions in template order, as they are: questionsOf() copies each one (to add its section
 * key), which cost more than scoring the answers when computeScore called it on every assessment.
 */
function allQuestions(definition: TemplateDefinition): TemplateQuestion[] {
  return definition.sections.flatMap((section) => section.questions);
}

/**
 * Turns a vendor's answers into the data flows the residency rating judges, driven by the
 * template's `residency` roles: every country of a flow question is one flow; the safeguard and
 * Data-Privacy-Framework answers apply to all of them. Vendors are commercial organisations.
 */
export function residencyFlowsFromAnswers(
  definition: TemplateDefinition,
  answers: Record<string, unknown>,
  hidden: ReadonlySet<string> = new Set(),
): ResidencyFlowInput[] {
  const { safeguard, recipient } = residencyFlowDefaults(definition, answers);
  const flows: ResidencyFlowInput[] = [];
  for (const question of allQuestions(definition)) {
    if (question.residency?.role !== "flow" || hidden.has(question.key)) continue;
    const answer = answers[question.key];
    if (
      question.type === "subprocessors" &&
      Array.isArray(answer) &&
      answer.length > 0 &&
      typeof answer[0] === "object"
    ) {
      flows.push(...subprocessorFlows(question.residency.flow, answer as SubprocessorRow[]));
      continue;
    }
    const countries = Array.isArray(answer)
      ? answer.filter((c): c is string => typeof c === "string" && /^[A-Z]{2}$/.test(c))
      : [];
    if (answer === "na") continue;
    if (countries.length === 0) {
      flows.push({
        kind: question.residency.flow,
        label: question.key,
        country: "unknown",
        ...(safeguard ? { safeguard } : {}),
        recipient,
      });
      continue;
    }
    for (const country of [...new Set(countries)].sort()) {
      flows.push({
        kind: question.residency.flow,
        label: question.key,
        country,
        ...(safeguard ? { safeguard } : {}),
        recipient,
      });
    }
  }
  return flows;
}

/** The safeguard and recipient facts that apply to every declared flow. */
export function residencyFlowDefaults(
  definition: TemplateDefinition,
  answers: Record<string, unknown>,
): {
  safeguard?: ResidencyFlowInput["safeguard"];
  recipient: { dpfCertified?: boolean; commercial: boolean };
} {
  let safeguardQuestion: TemplateQuestion | undefined;
  let dpfQuestion: TemplateQuestion | undefined;
  // The first question of each role, as find() over the questions in template order would give.
  for (const question of allQuestions(definition)) {
    const role = question.residency?.role;
    if (role === "safeguard") safeguardQuestion ??= question;
    else if (role === "dpf_certified") dpfQuestion ??= question;
  }
  const chosen = safeguardQuestion?.options?.find(
    (o) => o.value === answers[safeguardQuestion.key],
  );
  const safeguard: ResidencyFlowInput["safeguard"] = !safeguardQuestion
    ? undefined
    : !chosen
      ? "unknown"
      : chosen.safeguard === "not_needed"
        ? undefined
        : chosen.safeguard;
  const recipient = dpfQuestion
    ? { dpfCertified: answers[dpfQuestion.key] === "yes", commercial: true }
    : { commercial: true };
  return { ...(safeguard ? { safeguard } : {}), recipient };
}

/**
 * Each sub-processor row is its own flow, judged with the transfer mechanism the vendor named for
 * it: SCC and BCR are safeguards, DPF certification makes the recipient certified, "none" and
 * "unknown" are what they say; adequacy and "not needed" (EU/EEA) need no safeguard.
 */
function subprocessorFlows(
  kind: ResidencyFlowInput["kind"],
  rows: readonly SubprocessorRow[],
): ResidencyFlowInput[] {
  return rows.map((row) => {
    const safeguard: ResidencyFlowInput["safeguard"] =
      row.mechanism === "scc" ||
      row.mechanism === "bcr" ||
      row.mechanism === "none" ||
      row.mechanism === "unknown"
        ? row.mechanism
        : row.mechanism === "derogation"
          ? "none"
          : undefined;
    return {
      kind,
      label: row.name,
      country: row.country,
      ...(safeguard ? { safeguard } : {}),
      recipient: { dpfCertified: row.mechanism === "dpf", commercial: true },
    };
  });
}
