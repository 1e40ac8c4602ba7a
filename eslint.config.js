// ESLint 9 flat config: typescript-eslint, React hooks, and the security plugins
// (eslint-plugin-security, @microsoft/eslint-plugin-sdl, eslint-plugin-no-unsanitized).
import js from "@eslint/js";
import sdl from "@microsoft/eslint-plugin-sdl";
import noUnsanitized from "eslint-plugin-no-unsanitized";
import reactHooks from "eslint-plugin-react-hooks";
import security from "eslint-plugin-security";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "app/generated/**", "node_modules/**", ".tmp/**", ".data/**", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  security.configs.recommended,
  noUnsanitized.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks, "@microsoft/sdl": sdl },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@microsoft/sdl/no-inner-html": "error",
      "@microsoft/sdl/no-document-write": "error",
      "@microsoft/sdl/no-document-domain": "error",
      "@microsoft/sdl/no-postmessage-star-origin": "error",
      "@microsoft/sdl/no-insecure-random": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // Keys come from our own typed maps, not from user input: this rule mostly reports noise.
      "security/detect-object-injection": "off",
    },
  },
  {
    // Errors users can read in their language (issue 12, item 7): a message key is checked by the
    // compiler, and `as MessageKey` switches that check off, so a typo or a removed key reaches the
    // page as raw text. Turn a string into a key with isMessageKey()/labelKey() from
    // app/utils/i18n.ts (checked at run time), or type the value as MessageKey where it arises.
    // This block stays before the scoring/ block: flat config replaces (not merges) a rule set
    // twice, and scoring/ needs its own no-restricted-syntax entries.
    files: ["**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "TSAsExpression > TSTypeReference.typeAnnotation[typeName.name='MessageKey']",
          message: "No `as MessageKey`: it hides missing translations. Use isMessageKey()/labelKey() from app/utils/i18n.ts, or type the value as MessageKey where it is created.",
        },
        {
          selector: "TSTypeAssertion > TSTypeReference.typeAnnotation[typeName.name='MessageKey']",
          message: "No `<MessageKey>` cast: it hides missing translations. Use isMessageKey()/labelKey() from app/utils/i18n.ts.",
        },
      ],
    },
  },
  {
    // The scoring library is pure: no framework, no I/O, no environment, no clock.
    files: ["scoring/**/*.ts"],
    ignores: ["scoring/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "crypto", "os", "child_process"], message: "scoring/ does no I/O: pass data in as arguments." },
            { group: ["**/app/**", "~/*", "@prisma/*", "@remix-run/*", "react", "react-dom", "**/generated/**"], message: "scoring/ imports nothing from the app or frameworks." },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "scoring/ reads no environment: pass configuration in." }],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: "scoring/ has no clock: pass the date in." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "scoring/ has no clock: pass the date in." },
      ],
    },
  },
  {
    // Routes never import other routes.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["~/routes/*", "./*", "../routes/*"], message: "Routes never import other routes: move shared code to app/modules or app/components." }] }],
    },
  },
  {
    // Tests, scripts and tooling read and write files whose names they build themselves.
    files: ["tests/**", "e2e/**", "scripts/**", "cli/**", "bench/**", "**/*.test.ts", "prisma.config.ts", "playwright.config.ts", "vitest.config.ts"],
    rules: {
      "security/detect-non-literal-fs-filename": "off",
      "security/detect-child-process": "off",
      "security/detect-non-literal-regexp": "off",
      "@microsoft/sdl/no-insecure-random": "off",
    },
  },
);
