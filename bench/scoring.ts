// Scoring benchmark: one generated template of 150 questions (every type, with transparency
// indicators, knock-outs and residency countries), 10,000 generated answer sets with their data
// flows, all scored on one core (the current method, SCORING_METHOD_VERSION: prepareTemplate once, then scorePrepared per answer
// set). Everything is generated from a fixed seed, so every run scores the same inputs.
//
// Two timed passes over the same answer sets (issue 12), after a warm-up, alternating in blocks of
// 500 so that a busy machine slows both alike (wall and CPU time are printed):
//   - `materialised`: every result's explanation is read (and so built), as when a submitted
//     score is stored with JSON.stringify; its checksum includes the explanations and is the
//     figure earlier versions printed (it must never change);
//   - `lazy`: the scores are read and the explanation stays available but unbuilt, which is what
//     the what-if scoring of the comparison page does per request (it reads overall, sections
//     and question points).
//   - `unprepared` (a smaller sample, printed apart): scoreAssessment() per answer set, which
//     prepares the template again every time — what the app did before it kept prepared templates
//     (app/modules/assessments/prepared-template-cache.server.ts).
//   - `app computeScore` (printed apart): the app's whole score computation for the bundled
//     77-question due-diligence template (show-if rules, answers and residency flows derived from
//     the stored answers), with and without the prepared-template cache.
// The headline figures reuse ONE prepared template for all answer sets, as the app does through
// that cache (every assessment of a published template version, weight profile and reference day).
// Run: npx tsx bench/scoring.ts — the last line is
// `scoring assessments_per_s=<lazy> materialised_per_s=<materialised>`.

import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import {
  SCORING_METHOD_VERSION,
  prepareTemplate,
  scoreAssessment,
  scorePrepared,
  type PrepareOptions,
  type ResidencyFlow,
  type ScoringAnswers,
  type ScoringQuestion,
  type ScoringTemplate,
} from "../scoring";
import { seededRandom } from "../scoring/fixtures/generated-cases";
import { adequacyDecisionsForScoring } from "../app/reference-data/adequacy-decisions";
import { EU_EEA_CODES } from "../app/reference-data/countries";
import { computeScore } from "../app/modules/assessments/compute-score";
import { PreparedTemplateCache } from "../app/modules/assessments/prepared-template-cache.server";
import {
  parseTemplateDefinition,
  questionsOf,
  type TemplateQuestion,
} from "../app/modules/questionnaires/template-definition";

const QUESTION_COUNT = 150;
const SECTION_COUNT = 8;
const ASSESSMENT_COUNT = 10_000;
const WARM_UP_COUNT = 1_000;
/** Answer sets scored without a prepared template (each preparation costs more than a scoring). */
const UNPREPARED_COUNT = 500;
const SEED = 0x5eed_2026;

const random = seededRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (p: number): boolean => random() < p;

const THIRD_COUNTRIES = ["US", "CA", "CH", "GB", "JP", "IN", "CN", "BR", "SG", "AU"];
const DOMAINS = [
  ["Upstream", ["Data", "Labor", "Compute", "Methods"]],
  ["Model", ["Capabilities", "Risks", "Mitigations"]],
  ["Downstream", ["Distribution", "Usage policy", "Impact"]],
] as const;
const TYPES = [
  "yes_no",
  "yes_no",
  "yes_no",
  "single_choice",
  "multi_choice",
  "number",
  "date",
  "text",
  "countries",
] as const;

function generateQuestion(key: string): ScoringQuestion {
  const type = pick(TYPES);
  const question: ScoringQuestion = {
    key,
    type,
    weight: pick([0.5, 1, 1, 2, 3]),
    required: chance(0.7),
  };
  switch (type) {
    case "yes_no":
      if (chance(0.08)) question.knockOut = { when: ["no"], label: `${key} is a must` };
      break;
    case "single_choice":
      question.options = ["a", "b", "c", "d"].map((value, index) => ({
        value,
        points: [1, 0.7, 0.3, 0][index]!,
      }));
      if (chance(0.1)) question.knockOut = { when: ["d"], label: `${key}: worst option` };
      break;
    case "multi_choice":
      question.options = [
        { value: "m1", points: 0.4 },
        { value: "m2", points: 0.3 },
        { value: "m3", points: 0.3 },
        { value: "m4", points: 0.2 },
        { value: "none", points: 0, exclusive: true },
      ];
      break;
    case "number":
      question.thresholds = chance(0.5)
        ? { kind: "linear", min: 0, max: 72, higherIsBetter: false }
        : {
            kind: "steps",
            steps: [
              { min: 0, points: 0 },
              { min: 1, points: 0.5 },
              { min: 4, points: 1 },
            ],
          };
      break;
    case "date":
      question.thresholds = { kind: "linear", min: 0, max: 730, higherIsBetter: false };
      break;
    case "countries":
      if (chance(0.3))
        question.knockOut = {
          when: ["third_country_no_safeguards"],
          label: `${key}: no safeguards`,
        };
      break;
    case "text":
      break;
  }
  if ((type === "yes_no" || type === "single_choice") && chance(0.5)) {
    const [domain, subdomains] = pick(DOMAINS);
    question.indicator = {
      domain,
      subdomain: pick(subdomains),
      awardWhen: type === "yes_no" ? ["yes"] : ["a", "b"],
    };
  }
  return question;
}

function generateTemplate(): ScoringTemplate {
  const template: ScoringTemplate = { sections: [] };
  for (let s = 0; s < SECTION_COUNT; s++) {
    template.sections.push({ key: `section_${s}`, weight: pick([1, 1, 2, 3]), questions: [] });
  }
  for (let q = 0; q < QUESTION_COUNT; q++) {
    template.sections[q % SECTION_COUNT]!.questions.push(
      generateQuestion(`section_${q % SECTION_COUNT}.q${q}`),
    );
  }
  return template;
}

function generateAnswer(question: ScoringQuestion): unknown {
  const roll = random();
  if (roll < 0.05) return undefined;
  if (roll < 0.08) return "na";
  if (roll < 0.12 && question.type !== "text") return "unknown";
  switch (question.type) {
    case "yes_no":
      return pick(["yes", "yes", "partial", "no"]);
    case "single_choice":
      return pick(question.options!).value;
    case "multi_choice": {
      const chosen = ["m1", "m2", "m3", "m4"].filter(() => chance(0.5));
      return chosen.length > 0 ? chosen : ["none"];
    }
    case "number":
      return Math.round(random() * 1000) / 10;
    case "date":
      return `20${pick(["23", "24", "25"])}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-15`;
    case "countries":
      return chance(0.6) ? [pick(EU_EEA_CODES)] : [pick(EU_EEA_CODES), pick(THIRD_COUNTRIES)];
    case "text":
      return "Described in our security whitepaper, section 4.";
  }
}

function generateFlows(): ResidencyFlow[] {
  const flows: ResidencyFlow[] = [];
  const count = 3 + Math.floor(random() * 5);
  for (let i = 0; i < count; i++) {
    const third = chance(0.35);
    flows.push({
      kind: pick([
        "storage",
        "processing",
        "support",
        "inference",
        "backup",
        "subprocessor",
      ] as const),
      label: `flow ${i}`,
      country: chance(0.03) ? "unknown" : third ? pick(THIRD_COUNTRIES) : pick(EU_EEA_CODES),
      ...(third ? { safeguard: pick(["scc", "bcr", "none", "unknown"] as const) } : {}),
      recipient: { dpfCertified: chance(0.5), commercial: true },
    });
  }
  return flows;
}

const template = generateTemplate();
const assessments: Array<{ answers: ScoringAnswers; flows: ResidencyFlow[] }> = [];
for (let a = 0; a < ASSESSMENT_COUNT; a++) {
  const answers: ScoringAnswers = {};
  for (const section of template.sections) {
    for (const question of section.questions) {
      const answer = generateAnswer(question);
      if (answer !== undefined) answers[question.key] = answer;
    }
  }
  assessments.push({ answers, flows: generateFlows() });
}
const counts = new Map<string, number>();
for (const section of template.sections)
  for (const q of section.questions) counts.set(q.type, (counts.get(q.type) ?? 0) + 1);
console.log(
  `generated template: ${QUESTION_COUNT} questions in ${SECTION_COUNT} sections (${[...counts].map(([type, n]) => `${type} ${n}`).join(", ")}), ${ASSESSMENT_COUNT} answer sets, seed ${SEED}`,
);

const prepareOptions: PrepareOptions = {
  methodVersion: SCORING_METHOD_VERSION,
  euEeaCountries: [...EU_EEA_CODES],
  adequacyDecisions: adequacyDecisionsForScoring(),
  asOf: "2025-06-30",
};
const prepareStart = performance.now();
const prepared = prepareTemplate(template, prepareOptions);
console.log(
  `prepared template in ${(performance.now() - prepareStart).toFixed(2)} ms; the passes below reuse it for every answer set, as the app does through its prepared-template cache`,
);

type Pass = "lazy" | "materialised";

/** Per pass: checksum, wall time and CPU time (µs) of the timed blocks. */
const totals = {
  materialised: { checksum: 0, wallMs: 0, cpuMicros: 0 },
  lazy: { checksum: 0, wallMs: 0, cpuMicros: 0 },
};

/** Scores answer sets [from, to) in one pass; adds to that pass's checksum and times. */
function scoreBlock(pass: Pass, from: number, to: number): void {
  const readExplanation = pass === "materialised";
  const total = totals[pass];
  let checksum = total.checksum;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let index = from; index < to; index++) {
    const { answers, flows } = assessments[index]!;
    const result = scorePrepared(prepared, answers, { residencyFlows: flows });
    checksum =
      (checksum +
        (result.overall ?? 0) +
        (result.transparency?.satisfied ?? 0) +
        (readExplanation ? result.explanation.overall.improvements.length : 0) +
        (result.residency?.points ?? 0)) %
      1e9;
  }
  total.wallMs += performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  total.cpuMicros += cpu.user + cpu.system;
  total.checksum = checksum;
}

for (const pass of ["materialised", "lazy"] as const) scoreBlock(pass, 0, WARM_UP_COUNT);
for (const pass of ["materialised", "lazy"] as const) {
  totals[pass] = { checksum: 0, wallMs: 0, cpuMicros: 0 };
}
// The passes alternate in blocks, so a busy machine slows both alike.
const BLOCK = 500;
for (let from = 0; from < ASSESSMENT_COUNT; from += BLOCK) {
  for (const pass of ["materialised", "lazy"] as const) {
    scoreBlock(pass, from, Math.min(ASSESSMENT_COUNT, from + BLOCK));
  }
  if ((from + BLOCK) % 5_000 === 0)
    console.log(`scored ${from + BLOCK}/${ASSESSMENT_COUNT} in both passes`);
}
/** The unprepared path: scoreAssessment() prepares the template for every answer set. */
function scoreUnprepared(count: number): { checksum: number; wallMs: number; cpuMicros: number } {
  let checksum = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let index = 0; index < count; index++) {
    const { answers, flows } = assessments[index]!;
    const result = scoreAssessment({
      template,
      answers,
      options: { ...prepareOptions, residencyFlows: flows },
    });
    checksum = (checksum + (result.overall ?? 0)) % 1e9;
  }
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { checksum, wallMs, cpuMicros: cpu.user + cpu.system };
}
scoreUnprepared(UNPREPARED_COUNT / 5);
const unprepared = scoreUnprepared(UNPREPARED_COUNT);

/** The app's computeScore on a bundled template: CPU µs per call, cached and uncached. */
function scoreThroughApp(): { questions: number; cachedMicros: number; uncachedMicros: number } {
  const file = new URL(
    "../app/reference-data/templates/ai-vendor-due-diligence.json",
    import.meta.url,
  );
  const parsed = parseTemplateDefinition(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.ok) throw new Error("the bundled due-diligence template does not parse");
  const definition = parsed.definition;
  const questions = questionsOf(definition);
  const appAnswer = (question: TemplateQuestion): unknown => {
    const values = (question.options ?? []).map((option) => option.value);
    switch (question.type) {
      case "yes_no":
        return pick(["yes", "yes", "partial", "no", "unknown"]);
      case "single_choice":
        return pick(values);
      case "multi_choice":
        return values.filter(() => chance(0.4));
      case "number":
        return Math.round(random() * 1000) / 10;
      case "date":
        return `202${pick(["3", "4", "5"])}-0${1 + Math.floor(random() * 9)}-15`;
      case "countries":
        return chance(0.6) ? [pick(EU_EEA_CODES)] : [pick(EU_EEA_CODES), pick(THIRD_COUNTRIES)];
      case "subprocessors":
        return [
          { name: "Sub", purpose: "Hosting", country: pick(THIRD_COUNTRIES), mechanism: "scc" },
        ];
      case "evidence":
        return { documentType: question.evidence!.documentTypes[0], files: ["f".repeat(24)] };
      default:
        return "Described in our security whitepaper, section 4.";
    }
  };
  const answerSets = Array.from({ length: 1_000 }, () =>
    Object.fromEntries(questions.filter(() => chance(0.95)).map((q) => [q.key, appAnswer(q)])),
  );
  const cache = new PreparedTemplateCache();
  const cpuMicrosPerCall = (
    count: number,
    score: (answers: Record<string, unknown>) => unknown,
  ) => {
    for (let index = 0; index < count / 4; index++) score(answerSets[index % answerSets.length]!);
    const cpuStart = process.cpuUsage();
    for (let index = 0; index < count; index++) score(answerSets[index % answerSets.length]!);
    const cpu = process.cpuUsage(cpuStart);
    return (cpu.user + cpu.system) / count;
  };
  const uncachedMicros = cpuMicrosPerCall(200, (answers) =>
    computeScore(definition, answers, "2026-11-26"),
  );
  const cachedMicros = cpuMicrosPerCall(5_000, (answers) =>
    computeScore(definition, answers, "2026-11-26", {
      preparedTemplates: { templateVersionId: "bench", cache },
    }),
  );
  return { questions: questions.length, cachedMicros, uncachedMicros };
}
const app = scoreThroughApp();

const perSecond = (ms: number, count = ASSESSMENT_COUNT) => Math.round(count / (ms / 1000));
const materialised = perSecond(totals.materialised.wallMs);
const lazy = perSecond(totals.lazy.wallMs);
console.log(
  `checksum ${totals.materialised.checksum.toFixed(2)} (scores and explanations; same inputs → same checksum on every run)`,
);
console.log(`checksum of the scores alone ${totals.lazy.checksum.toFixed(2)}`);
console.log(
  `materialised (every explanation built): ${materialised}/s wall, ${perSecond(totals.materialised.cpuMicros / 1000)}/s of CPU time`,
);
console.log(
  `lazy (explanations built on first read): ${lazy}/s wall, ${perSecond(totals.lazy.cpuMicros / 1000)}/s of CPU time (${(lazy / materialised).toFixed(2)}× materialised)`,
);
console.log(
  `unprepared (scoreAssessment, template prepared per answer set, lazy explanations; ${UNPREPARED_COUNT} sets): ${perSecond(unprepared.wallMs, UNPREPARED_COUNT)}/s wall, ${perSecond(unprepared.cpuMicros / 1000, UNPREPARED_COUNT)}/s of CPU time, ${(unprepared.cpuMicros / UNPREPARED_COUNT).toFixed(1)} µs CPU per answer set`,
);
console.log(
  `app computeScore (bundled due-diligence template, ${app.questions} questions, lazy explanations): with the prepared-template cache ${app.cachedMicros.toFixed(1)} µs CPU per score (${Math.round(1e6 / app.cachedMicros)}/s of CPU time), without ${app.uncachedMicros.toFixed(1)} µs (${Math.round(1e6 / app.uncachedMicros)}/s); ${(app.uncachedMicros / app.cachedMicros).toFixed(1)}× faster`,
);
console.log(
  `CPU time per answer set: lazy ${(totals.lazy.cpuMicros / ASSESSMENT_COUNT).toFixed(1)} µs, materialised ${(totals.materialised.cpuMicros / ASSESSMENT_COUNT).toFixed(1)} µs (one prepared template reused, as the app's prepared-template cache does)`,
);
console.log(`scoring assessments_per_s=${lazy} materialised_per_s=${materialised}`);
