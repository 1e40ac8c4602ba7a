// The demo tells a story through its vendors' scores: when the bundled due diligence template
// changes (issue 21 added questions and rescored others), the demo vendors keep their order.

import { describe, expect, it } from "vitest";
import { computeScore } from "../../app/modules/assessments/compute-score";
import { BUNDLED_TEMPLATES } from "../../app/modules/questionnaires/bundled-templates.server";
import { parseTemplateDefinition } from "../../app/modules/questionnaires/template-definition";
import { demoAnswers } from "./demo-answers";
import { DEMO_TEMPLATE_KEY, VENDORS } from "./seed-demo.server";

function definition() {
  for (const raw of BUNDLED_TEMPLATES) {
    const parsed = parseTemplateDefinition(raw);
    if (parsed.ok && parsed.definition.key === DEMO_TEMPLATE_KEY) return parsed.definition;
  }
  throw new Error("the demo template is not bundled");
}

describe("demo vendors on the bundled due diligence template", () => {
  it("keep their relative ranking, and only the rejected vendor's story has knock-outs", () => {
    const template = definition();
    const scored = VENDORS.map((vendor, index) => {
      const answers = demoAnswers(template, {
        ...vendor.profile,
        overrides: { "transparency.models_used": vendor.description, ...vendor.profile.overrides },
      });
      const asOf = new Date(Date.UTC(2026, 9, 1 + index)).toISOString().slice(0, 10);
      const result = computeScore(template, answers, asOf);
      return { name: vendor.name, overall: result.overall!, knockOuts: result.knockOuts.length };
    });
    const ranking = [...scored].sort((a, b) => b.overall - a.overall).map((v) => v.name);
    // The order of the first bundled version (issue 4), Nordlicht and Datenwerk then tied at 100.
    expect(ranking).toEqual([
      "Nordlicht Analytics GmbH",
      "Datenwerk KI GmbH",
      "Lumen Translate BV",
      "Bavaria Speech AG",
      "Orbit CRM AI Ltd",
      "Helvetia LLM SA",
      "Acme AI",
      "Sakura Vision KK",
      "Pacific Insights Inc.",
    ]);
    expect(scored.filter((v) => v.knockOuts > 0).map((v) => v.name)).toEqual([
      "Pacific Insights Inc.",
    ]);
  });
});
