import { describe, expect, it } from "vitest";
import { z } from "zod";
import { translate, translateMessage } from "./i18n";
import { fieldErrors, messageForIssue, messageKey, validationError } from "./validation-messages";

/** zod issues become message keys with their bounds, and read right in German and English. */
const form = z.object({
  title: z.string().trim().min(3).max(20),
  rationale: z.string().min(10, messageKey("assessments.rationaleTooShort")),
  count: z.number().int().min(1).max(5),
  tags: z.array(z.string()).max(2),
  level: z.enum(["low", "high"]),
});

function issuesOf(input: unknown) {
  const parsed = form.safeParse(input);
  if (parsed.success) throw new Error("expected the input to be refused");
  return parsed.error.issues;
}

describe("zod issues as message keys", () => {
  it("maps each rule to a key with its bound, never zod's English text", () => {
    const errors = fieldErrors(
      issuesOf({ title: "ab", rationale: "short", count: 9, tags: ["a", "b", "c"], level: "mid" }),
    );
    expect(errors).toEqual({
      title: { key: "errors.tooShort", params: { min: 3 } },
      rationale: { key: "assessments.rationaleTooShort", params: { min: 10 } },
      count: { key: "errors.numberTooLarge", params: { max: 5 } },
      tags: { key: "errors.tooManyItems", params: { max: 2 } },
      level: { key: "errors.invalidChoice" },
    });
  });

  it("renders the bound in German and in English", () => {
    const tooLong = messageForIssue(
      issuesOf({
        title: "x".repeat(21),
        rationale: "long enough now",
        count: 1,
        tags: [],
        level: "low",
      })[0]!,
    );
    expect(translateMessage("de", tooLong)).toBe("Geben Sie höchstens 20 Zeichen ein.");
    expect(translateMessage("en", tooLong)).toBe("Enter at most 20 characters.");
  });

  it("a missing field is 'required' in the reader's language", () => {
    const missing = fieldErrors(
      issuesOf({ rationale: "long enough now", count: 1, tags: [], level: "low" }),
    );
    expect(missing.title).toEqual({ key: "errors.required" });
    expect(translate("de", missing.title!.key)).toBe("Dieses Feld ist erforderlich.");
  });

  it("a failed parse becomes a VALIDATION DomainError carrying the first message and every field", () => {
    const error = validationError(
      issuesOf({ title: "ab", rationale: "long enough now", count: 1, tags: [], level: "low" }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.userMessage).toEqual({ key: "errors.tooShort", params: { min: 3 } });
    expect(error.details?.fields).toEqual({
      title: { key: "errors.tooShort", params: { min: 3 } },
    });
  });
});
