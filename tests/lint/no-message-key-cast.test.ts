import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The house rule "no `as MessageKey`" (issue 12, item 7) is enforced by eslint.config.js; this
 * lints snippets with the project's own configuration to prove the rule fires, and that the
 * sanctioned run-time check does not trip it.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedSyntaxMessages(
  code: string,
  filePath = "app/routes/example-for-lint.tsx",
): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-syntax")
    .map((m) => m.message);
}

describe("no `as MessageKey` casts", () => {
  it("reports `as MessageKey` with a message saying why", async () => {
    const messages = await restrictedSyntaxMessages(
      'import type { MessageKey } from "~/utils/i18n";\nexport const key = ("assessments." + String(Math.random())) as MessageKey;\n',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/No `as MessageKey`: it hides missing translations/);
  });

  it("reports the cast in a module and in `as unknown as MessageKey` too", async () => {
    const messages = await restrictedSyntaxMessages(
      'import type { MessageKey } from "../../utils/i18n";\nexport const key = (JSON.parse("1") as unknown) as MessageKey;\n',
      "app/modules/example/example-for-lint.ts",
    );
    expect(messages).toHaveLength(1);
  });

  it("accepts the run-time check", async () => {
    const messages = await restrictedSyntaxMessages(
      'import { labelKey } from "~/utils/i18n";\nexport const key = labelKey("assessments.tier", String(Math.random())) ?? "common.unknownValue";\n',
    );
    expect(messages).toEqual([]);
  });
});
