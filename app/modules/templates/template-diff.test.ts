import { describe, expect, it } from "vitest";
import {
  parseTemplateDefinition,
  type TemplateDefinition,
  type TemplateDefinitionInput,
} from "../questionnaires/template-definition";
import { diffTemplateDefinitions } from "./template-diff";

function parse(input: TemplateDefinitionInput): TemplateDefinition {
  const parsed = parseTemplateDefinition(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.definition;
}

const yesNo = (key: string, en = key) => ({
  key,
  type: "yes_no" as const,
  label: { en, de: `${en} (de)` },
  required: true,
});

function base(): TemplateDefinitionInput {
  return {
    key: "diff-test",
    title: { en: "Diff", de: "Diff" },
    sections: [
      {
        key: "a",
        title: { en: "A", de: "A" },
        weight: 1,
        questions: [
          yesNo("a.1"),
          yesNo("a.2"),
          {
            key: "a.choice",
            type: "single_choice",
            label: { en: "Pick", de: "Wähle" },
            required: false,
            options: [
              { value: "x", label: { en: "X", de: "X" }, points: 1 },
              { value: "y", label: { en: "Y", de: "Y" }, points: 0 },
            ],
          },
        ],
      },
      { key: "b", title: { en: "B", de: "B" }, weight: 2, questions: [yesNo("b.1"), yesNo("b.2")] },
    ],
  };
}

describe("diffTemplateDefinitions", () => {
  it("finds nothing between equal definitions", () => {
    const diff = diffTemplateDefinitions(parse(base()), parse(base()));
    expect(diff.identical).toBe(true);
  });

  it("reports added, removed, moved sections and questions", () => {
    const next = base();
    next.sections.reverse(); // b before a: one section moved
    next.sections[0]!.questions.push(yesNo("b.3")); // added
    next.sections[1]!.questions = next.sections[1]!.questions.filter((q) => q.key !== "a.2"); // removed
    next.sections[1]!.questions.unshift(next.sections[0]!.questions.shift()!); // b.1 moved into a
    const diff = diffTemplateDefinitions(parse(base()), parse(next));
    expect(diff.identical).toBe(false);
    expect(diff.sections.moved.map((s) => s.key)).toHaveLength(1);
    expect(diff.questions.added.map((q) => q.key)).toEqual(["b.3"]);
    expect(diff.questions.removed.map((q) => q.key)).toEqual(["a.2"]);
    expect(diff.questions.moved).toEqual([
      expect.objectContaining({ key: "b.1", fromSection: "b", toSection: "a" }),
    ]);
  });

  it("swapping two neighbours reports one move, not all later questions", () => {
    const next = base();
    const qs = next.sections[0]!.questions;
    [qs[0], qs[1]] = [qs[1]!, qs[0]!];
    const diff = diffTemplateDefinitions(parse(base()), parse(next));
    expect(diff.questions.moved).toHaveLength(1);
    expect(diff.questions.changed).toEqual([]);
  });

  it("lists the changed fields of a question: labels, type, required, weight, options, knock-out, showIf, refs, tags, evidence", () => {
    const next = base();
    const choice = next.sections[0]!.questions[2]! as Record<string, unknown> & {
      options: { value: string; points: number; label: { en: string; de: string } }[];
    };
    choice.label = { en: "Pick one", de: "Wähle" };
    choice.required = true;
    choice.weight = 3;
    choice.options[1]!.points = 0.5;
    choice.options.push({ value: "z", label: { en: "Z", de: "Z" }, points: 0 });
    choice.knockOut = { when: ["y"], label: { en: "KO", de: "KO" } };
    choice.showIf = { question: "a.1", in: ["yes"] };
    choice.regulationRefs = ["GDPR Art. 28"];
    choice.references = ["eu:2016/679:art:28:par:1"];
    choice.tags = ["security"];
    const b2 = next.sections[1]!.questions[1]! as Record<string, unknown>;
    b2.type = "evidence";
    b2.evidence = { documentTypes: ["dpa"] };
    const diff = diffTemplateDefinitions(parse(base()), parse(next));
    const fields = (key: string) =>
      diff.questions.changed.find((q) => q.key === key)?.changes.map((c) => c.field);
    expect(fields("a.choice")).toEqual([
      "label.en",
      "required",
      "weight",
      "options.y.points",
      "options.z",
      "knockOut",
      "showIf",
      "references",
      "regulationRefs",
      "tags",
    ]);
    expect(
      diff.questions.changed
        .find((q) => q.key === "a.choice")!
        .changes.find((c) => c.field === "options.y.points"),
    ).toEqual({
      field: "options.y.points",
      before: 0,
      after: 0.5,
    });
    expect(fields("b.2")).toEqual(["type", "evidence"]);
  });

  it("reports template and section field changes and removed options", () => {
    const next = base();
    next.title = { en: "Diff 2", de: "Diff" };
    next.sections[1]!.weight = 5;
    const choice = next.sections[0]!.questions[2]! as { options: unknown[] };
    choice.options = [
      ...choice.options,
      { value: "w", label: { en: "W", de: "W" }, points: 0 },
    ].slice(1);
    const diff = diffTemplateDefinitions(parse(base()), parse(next));
    expect(diff.template.map((c) => c.field)).toEqual(["title.en"]);
    expect(diff.sections.changed).toEqual([
      expect.objectContaining({ key: "b", changes: [{ field: "weight", before: 2, after: 5 }] }),
    ]);
    expect(diff.questions.changed[0]!.changes.map((c) => c.field)).toEqual([
      "options.w",
      "options.x",
    ]);
  });
});
