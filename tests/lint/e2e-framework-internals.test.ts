import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * Browser tests wait on flags the app sets itself (app/root.tsx), not on Remix's internals
 * (issue 12, item 9). eslint.config.js forbids reading `window.__remix…` in e2e/; this proves the
 * rule fires with the project's configuration, and that the sanctioned wait passes.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedSyntaxMessages(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: "e2e/support/example-for-lint.ts" });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-syntax")
    .map((m) => m.message);
}

describe("e2e specs read no framework internals", () => {
  it("reports a read of window.__remixRouter, also behind a cast", async () => {
    const messages = await restrictedSyntaxMessages(
      "export const state = () => (window as unknown as { __remixRouter?: { state: unknown } }).__remixRouter?.state;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/do not read Remix's internals/);
  });

  it("accepts waiting on the app's own flag", async () => {
    const messages = await restrictedSyntaxMessages(
      'import type { Page } from "@playwright/test";\nexport const idle = (page: Page) => page.locator(\'html[data-hydrated][data-router="idle"]\').waitFor({ state: "attached" });\n',
    );
    expect(messages).toEqual([]);
  });

  it("the e2e support files pass the rule", async () => {
    const [result] = await eslint.lintFiles(["e2e/support/fixtures.ts"]);
    expect((result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-syntax")).toEqual([]);
  });
});
