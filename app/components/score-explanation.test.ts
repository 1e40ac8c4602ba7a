import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
} from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import dueDiligence from "~/reference-data/templates/ai-vendor-due-diligence.json";
import transparencyTemplate from "~/reference-data/templates/ai-transparency-indicators.json";
import { demoAnswers } from "../../seeds/demo/demo-answers";
import { computeScore } from "~/modules/assessments/compute-score";
import { answerScoreReason } from "~/modules/questionnaires/explain-answer";
import {
  parseTemplateDefinition,
  questionsOf,
  type TemplateDefinition,
} from "~/modules/questionnaires/template-definition";
import type { AssessmentView } from "~/modules/assessments/get-assessment.server";
import { translate, type Locale } from "~/utils/i18n";
import { AnswersCard } from "./assessments/answers-card";
import { ScoreExplanationDetails, TransparencyDetails } from "./score-details";
import { ScoreSummary } from "./score-summary";

// A seeded assessment (the demo's answer generator on the bundled due-diligence template, with a
// few answers pinned) rendered in both languages: the explanation names options by their labels,
// says which threshold rule applied, never prints "?" for a best answer and never an option key.

function definitionOf(json: unknown): TemplateDefinition {
  const parsed = parseTemplateDefinition(json);
  if (!parsed.ok) throw new Error("bundled template does not parse");
  return parsed.definition;
}

const definition = definitionOf(dueDiligence);
const answers = demoAnswers(definition, {
  quality: 0.45,
  overrides: {
    "security.vulnerability_patch_days": 5,
    "data_use.retention_days": 45,
    "security.pentest": "every_two_years",
    "security.last_pentest_date": "2025-06-01",
    "security.secure_development": ["code_review", "dependency_scanning"],
    "residency.storage_countries": ["DE", "US"],
  },
});
const score = computeScore(definition, answers, "2026-12-01");

/** The questions as the assessment loader gives them to the page. */
function questionViews(def: TemplateDefinition, values: Record<string, unknown>) {
  const result = computeScore(def, values, "2026-12-01");
  return questionsOf(def).map((q) => ({
    key: q.key,
    sectionKey: q.sectionKey,
    type: q.type,
    label: q.label,
    required: q.required,
    options: q.options?.map((o) => ({ value: o.value, label: o.label })) ?? [],
    thresholds: q.thresholds ?? null,
    unit: q.unit ?? null,
    references: [],
    knockOutLabel: q.knockOut?.label ?? null,
    indicatorRule: q.indicator?.rule ?? null,
    answer: values[q.key] ?? null,
    answeredBy: null,
    answeredAt: null,
    hidden: false,
    files: [],
    result: result.questions.find((r) => r.key === q.key) ?? null,
  })) as unknown as AssessmentView["questions"];
}

const questions = questionViews(definition, answers);

/** Renders a component on the server inside a data router whose root loader gives the language. */
async function render(locale: Locale, element: ReactElement): Promise<string> {
  const routes = [{ id: "root", path: "/", element, loader: () => ({ locale }) }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(
    createElement(StaticRouterProvider, { router, context, hydrate: false }),
  );
}

/** Visible text and the tooltips (title attributes), entities decoded. */
function readable(html: string): string {
  const titles = [...html.matchAll(/title="([^"]*)"/g)].map((m) => m[1]);
  const text = html.replace(/<[^>]+>/g, " ");
  return [text, ...titles]
    .join("\n")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** Option values that differ from every label: seeing one on a page means a key leaked. */
const optionKeys = questionsOf(definition)
  .flatMap((q) => q.options ?? [])
  .map((o) => o.value)
  .filter((value) => value.includes("_"));

describe.each(["de", "en"] as const)("score explanation (%s)", (locale) => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const byKey = (key: string) => questions.find((q) => q.key === key)!;

  it("words each answer's points: option labels and the threshold rule that applied", () => {
    const reasons = questions.map((q) => answerScoreReason(q, locale, t) ?? "");
    const joined = reasons.join("\n");
    expect(joined).not.toMatch(/≥|→|option '|'\w+'/);
    for (const key of optionKeys) expect(joined).not.toContain(key);
    const patch = answerScoreReason(byKey("security.vulnerability_patch_days"), locale, t);
    const retention = answerScoreReason(byKey("data_use.retention_days"), locale, t);
    const pentest = answerScoreReason(byKey("security.pentest"), locale, t);
    const development = answerScoreReason(byKey("security.secure_development"), locale, t);
    const storage = answerScoreReason(byKey("residency.storage_countries"), locale, t);
    const lastPentest = answerScoreReason(byKey("security.last_pentest_date"), locale, t);
    if (locale === "de") {
      expect(patch).toBe("5 Tage – angewandte Regel: bis 7 Tage: volle Punktzahl");
      expect(retention).toBe("45 Tage – angewandte Regel: 31 bis 90 Tage: 50 % der Punkte");
      expect(pentest).toMatch(/^Antwort „Alle zwei Jahre“: \d+ % der Punkte$/);
      expect(development).toMatch(/^Antworten „[^“]+“, „[^“]+“: /);
      expect(storage).toBe(
        "Drittland mit Garantien (SCC/BCR) – Vereinigte Staaten: 50 % der Punkte",
      );
      expect(lastPentest).toMatch(
        /548 Tage vor dem Bewertungstag – angewandte Regel: 366 bis 730 Tage: 50 % der Punkte$/,
      );
    } else {
      expect(patch).toBe("5 days — rule applied: up to 7 days: full points");
      expect(retention).toBe("45 days — rule applied: 31 to 90 days: 50 % of the points");
      expect(pentest).toMatch(/^Answer “Every two years”: \d+ % of the points$/);
      expect(storage).toBe(
        "Third country with safeguards (SCC/BCR) — United States: 50 % of the points",
      );
      expect(lastPentest).toMatch(
        /548 days before the assessment day — rule applied: 366 to 730 days: 50 % of the points$/,
      );
    }
  });

  it("shows the same worded reason and localized points in the answers table", async () => {
    const html = readable(
      await render(
        locale,
        createElement(AnswersCard, {
          sections: definition.sections,
          questions,
          assessmentId: "a1",
        }),
      ),
    );
    expect(html).not.toMatch(/≥|→|option '/);
    for (const key of optionKeys) expect(html).not.toContain(key);
    expect(html).toContain(
      answerScoreReason(byKey("security.vulnerability_patch_days"), locale, t)!,
    );
    // Points of one question: two decimals in the page's language ("0,50" in German).
    expect(html).toContain(locale === "de" ? "0,50" : "0.50");
  });

  it("names best answers in words and the tier rule without symbols", async () => {
    const raw = await render(locale, createElement(ScoreExplanationDetails, { score, questions }));
    const html = readable(raw);
    // Question labels end in "?"; a best answer never is one, nor contains one.
    const bestAnswers = [
      ...raw.matchAll(new RegExp(`${t("assessments.bestAnswer")}: ([^<]*)<`, "g")),
    ].map((m) => m[1]!);
    expect(bestAnswers.length).toBeGreaterThan(0);
    for (const best of bestAnswers) expect(best).not.toMatch(/\?|^\s*[–—-]?\s*$/);
    expect(html).not.toMatch(/≥|\(e\.g\. [A-Z]{2}\)/);
    for (const key of optionKeys) expect(html).not.toContain(key);
    // A number question's best answer carries the rule that gives full points.
    expect(html).toContain(
      locale === "de"
        ? "0 Stunden (bis 24 Stunden: volle Punktzahl)"
        : "0 hours (up to 24 hours: full points)",
    );
  });

  it("translates transparency domains", async () => {
    const tDefinition = definitionOf(transparencyTemplate);
    const tValues = Object.fromEntries(questionsOf(tDefinition).map((q) => [q.key, "yes"]));
    const tScore = computeScore(tDefinition, tValues, "2026-12-01");
    const html = readable(
      await render(
        locale,
        createElement(TransparencyDetails, {
          score: tScore,
          questions: questionViews(tDefinition, tValues),
        }),
      ),
    );
    if (locale === "de") {
      expect(html).toContain("Modell");
      expect(html).toContain("Nutzungsrichtlinie");
      expect(html).not.toMatch(/Usage policy|Model basics|Upstream \(/);
    } else {
      expect(html).toContain("Usage policy");
    }
  });

  it("prints the overall score with the same rounding as the report and the portfolio", async () => {
    const html = readable(
      await render(
        locale,
        createElement(ScoreSummary, {
          score: score as never,
          sections: definition.sections,
          questions: questions as never,
        }),
      ),
    );
    const expected = new Intl.NumberFormat(locale === "de" ? "de-DE" : "en-GB", {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(score.overall!);
    expect(html).toContain(expected);
  });
});
