import { describe, expect, it } from "vitest";
import definitionJson from "../../reference-data/templates/ai-vendor-due-diligence.json" with { type: "json" };
import { parseTemplateDefinition } from "../questionnaires/template-definition";
import { residencyFlowsFromAnswers } from "./residency-flows";

const parsed = parseTemplateDefinition(definitionJson);
if (!parsed.ok) throw new Error("bundled template invalid");
const definition = parsed.definition;

describe("residencyFlowsFromAnswers", () => {
  it("makes one flow per declared country and applies the safeguard and DPF answers to all", () => {
    const flows = residencyFlowsFromAnswers(definition, {
      "residency.storage_countries": ["DE", "US"],
      "residency.processing_countries": ["DE"],
      "residency.support_countries": "unknown",
      "residency.inference_countries": ["US"],
      "residency.backup_countries": "na",
      "residency.transfer_safeguards": "scc_with_tia",
      "residency.dpf_certified": "yes",
    });
    expect(
      flows.map((f) => `${f.kind}:${f.country}:${f.safeguard ?? "-"}:${f.recipient?.dpfCertified}`),
    ).toEqual([
      "storage:DE:scc:true",
      "storage:US:scc:true",
      "inference:US:scc:true",
      "processing:DE:scc:true",
      "support:unknown:scc:true",
      // The sub-processor table was not answered: one flow to an unknown country.
      "subprocessor:unknown:scc:true",
    ]);
  });

  it("treats a missing safeguard answer as unknown and 'adequacy/no transfer' as none needed", () => {
    expect(
      residencyFlowsFromAnswers(definition, { "residency.storage_countries": ["CH"] })[0],
    ).toMatchObject({ country: "CH", safeguard: "unknown" });
    const flow = residencyFlowsFromAnswers(definition, {
      "residency.storage_countries": ["CH"],
      "residency.transfer_safeguards": "adequacy_decision",
    })[0];
    expect(flow?.safeguard).toBeUndefined();
  });
});
