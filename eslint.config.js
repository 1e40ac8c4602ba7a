// ESLint 9 flat config: typescript-eslint, React hooks, and the security plugins
// (eslint-plugin-security, @microsoft/eslint-plugin-sdl, eslint-plugin-no-unsanitized).
import js from "@eslint/js";
import sdl from "@microsoft/eslint-plugin-sdl";
import noUnsanitized from "eslint-plugin-no-unsanitized";
import reactHooks from "eslint-plugin-react-hooks";
import security from "eslint-plugin-security";
import globals from "globals";
import tseslint from "typescript-eslint";
import { boundaryConfigs, MESSAGE_KEY_CAST_SELECTORS } from "./eslint/boundaries.js";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "app/generated/**",
      "node_modules/**",
      ".tmp/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
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
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      // Keys come from our own typed maps, not from user input: this rule mostly reports noise.
      "security/detect-object-injection": "off",
    },
  },
  {
    // Errors users can read in their language (issue 12, item 7): a message key is checked by the
    // compiler, and `as MessageKey` switches that check off, so a typo or a removed key reaches the
    // page as raw text. Turn a string into a key with isMessageKey()/labelKey() from
    // app/utils/i18n.ts (checked at run time), or type the value as MessageKey where it arises.
    // Flat config replaces (not merges) a rule's options per file: the app/ block in
    // eslint/boundaries.js repeats these selectors next to its role checks, and scoring/'s block
    // (no MessageKey there) sets its own.
    files: ["**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": ["error", ...MESSAGE_KEY_CAST_SELECTORS],
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
            {
              group: ["node:*", "fs", "path", "crypto", "os", "child_process"],
              message: "scoring/ does no I/O: pass data in as arguments.",
            },
            {
              group: [
                "**/app/**",
                "~/*",
                "@prisma/*",
                "@remix-run/*",
                "react",
                "react-dom",
                "**/generated/**",
              ],
              message: "scoring/ imports nothing from the app or frameworks.",
            },
            {
              group: ["**/seeds/**", "**/tests/**", "**/server/**", "**/cli/**", "**/bench/**"],
              message:
                "scoring/ is a library the app uses: reference data comes in as arguments, never from another folder.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "scoring/ reads no environment: pass configuration in." },
        { name: "fetch", message: "scoring/ does no I/O: pass data in as arguments." },
        { name: "performance", message: "scoring/ has no clock: pass the date in." },
        {
          name: "setTimeout",
          message: "scoring/ is synchronous and pure: the caller decides when it runs.",
        },
        {
          name: "setInterval",
          message: "scoring/ is synchronous and pure: the caller decides when it runs.",
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: "scoring/ has no clock: pass the date in.",
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "scoring/ has no clock: pass the date in.",
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: "scoring/ is deterministic: the same inputs give the same score.",
        },
        {
          selector: "ImportExpression",
          message: "scoring/ loads nothing at run time: import statically, from scoring/ only.",
        },
      ],
    },
  },
  // Import boundaries between folders, import cycles, and role checks outside the permission
  // table (issue 12, items 5 and 6; ADR 0022). Kept in their own file so that the rules of the
  // house read in one place and this list of blocks stays short. NOTE for blocks added later:
  // flat config replaces (does not merge) a rule's options per file, so a block that sets
  // no-restricted-syntax for app/ files must spread ROLE_CHECK_SELECTORS from ./eslint/boundaries.js
  // into its list; tests/lint/boundaries.test.ts fails if the role-check selectors get lost.
  ...boundaryConfigs,
  // ---- Thin routes: no database in app/routes (issue 12, item 8; ADR 0023) -----------------
  // A separate rule name (@typescript-eslint/no-restricted-imports, not no-restricted-imports) so
  // this block adds to the folder boundary rules instead of replacing their options.
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "~/utils/db.server",
                "~/utils/transaction.server",
                "**/utils/db.server",
                "**/utils/transaction.server",
                "~/generated/*",
                "**/generated/**",
                "@prisma/*",
              ],
              allowTypeImports: true,
              message:
                "Routes do not query the database: call a use case in app/modules (*.server.ts) that scopes the query to the actor's organisation (ADR 0023).",
            },
          ],
        },
      ],
    },
  },
  // ---- end thin routes ----------------------------------------------------------------------
  {
    // Browser tests wait on flags the app sets itself (<html data-hydrated>, data-router="idle"
    // in app/root.tsx), never on the framework's internals (window.__remixRouter,
    // __remixContext …): those change without notice between Remix versions (issue 12, item 9).
    files: ["e2e/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...MESSAGE_KEY_CAST_SELECTORS,
        {
          selector: "MemberExpression[property.name=/^__remix/]",
          message:
            "Browser tests do not read Remix's internals: wait on html[data-hydrated] or html[data-router=idle] (e2e/support/fixtures.ts).",
        },
      ],
    },
  },
  {
    // Tests, scripts and tooling read and write files whose names they build themselves.
    files: [
      "tests/**",
      "e2e/**",
      "scripts/**",
      "cli/**",
      "bench/**",
      "**/*.test.ts",
      "prisma.config.ts",
      "playwright.config.ts",
      "vitest.config.ts",
    ],
    rules: {
      "security/detect-non-literal-fs-filename": "off",
      "security/detect-child-process": "off",
      "security/detect-non-literal-regexp": "off",
      "@microsoft/sdl/no-insecure-random": "off",
    },
  },
);
