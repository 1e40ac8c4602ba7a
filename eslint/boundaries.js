// The rules of the house that concern structure, enforced by ESLint so that CI fails on a breach
// (ARCHITECTURE.md §3, ADR 0022). Every rule says why in its message: the person who meets it
// should learn where the code belongs, not only that it is refused.
//
//   routes → modules → utils        (components beside routes; reference data at the bottom)
//   scoring/ is pure                 (its own block in eslint.config.js)
//   seeds/ may import app/, never the reverse
//   production code never imports test helpers
//   no import cycles
//   roles are compared only in the permission table (app/utils/permissions.ts)
//
// tests/lint/boundaries.test.ts lints one offending snippet per rule with this configuration
// and expects its message, so a rule that stops firing (a typo in a path, a later block that
// replaces it) fails the suite.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Files that run in production (the app, the Express front, the CLI, seeding, scoring). */
const PRODUCTION_FILES = [
  "app/**/*.{ts,tsx,js}",
  "server/**/*.js",
  "cli/**/*.ts",
  "scripts/**/*.{ts,mjs}",
  "seeds/**/*.ts",
  "scoring/**/*.ts",
];
/** Tests and what only tests use. bench/ is tooling too: it may start the test app server. */
const TEST_FILES = ["**/*.test.ts", "**/*.test.tsx", "**/*.spec.ts", "tests/**", "e2e/**"];

/** Folder boundaries: `target` may not import from `from`. Paths are relative to the repository. */
export const BOUNDARY_ZONES = [
  {
    target: "app/routes",
    from: "app/routes",
    message:
      "Routes never import other routes: a route is one URL's guard, parse, use case and view; move shared code to app/modules (logic) or app/components (markup).",
  },
  {
    target: "app/modules",
    from: [
      "app/routes",
      "app/components",
      "app/root.tsx",
      "app/entry.server.tsx",
      "app/entry.client.tsx",
    ],
    message:
      "Modules never import routes or components: a use case works the same from a route, the CLI or a job; return data and let the route render it.",
  },
  {
    target: "app/utils",
    from: ["app/modules", "app/routes", "app/components"],
    message:
      "app/utils is the bottom layer (env, db, i18n, HTTP helpers): it never imports modules, routes or components; move the shared piece down into utils or up into the module that owns it.",
  },
  {
    target: ["app/reference-data", "app/locales"],
    from: ["app/modules", "app/routes", "app/components", "app/utils"],
    message:
      "Reference data and dictionaries are leaves: plain data that every layer may read, so they import no code of the app.",
  },
  {
    target: "app/components",
    from: "app/routes",
    message:
      "Components never import routes: a component gets its data as props from the route that renders it.",
  },
  {
    target: "server",
    from: ["app", "seeds", "scoring", "cli"],
    message:
      "server/ is the plain-JavaScript Express front: it loads the built app (build/server/index.js), never app/ sources, so `npm start` needs no TypeScript loader. Export what it needs from app/entry.server.tsx.",
  },
  {
    target: ["app", "server", "scoring"],
    from: "seeds",
    message:
      "seeds/ may import app/, never the reverse: reference data the app uses lives under app/reference-data (or app/modules), so the app builds and runs without seeds/.",
  },
  {
    target: ["app", "server", "cli", "scripts", "seeds", "scoring"],
    from: ["tests/**", "e2e/**", "**/*.test.ts", "**/*.test.tsx", "**/*.spec.ts"],
    message:
      "Production code never imports test helpers (tests/, e2e/, *.test.ts): they open test databases and fake servers. Move what both need into app/ and let the tests import it.",
  },
];

/** The role names of app/modules/auth/actor.ts; a literal of one of them is a role check. */
const ROLE_LITERAL = "Literal[value=/^(ADMIN|ASSESSOR|DPO|AUDITOR)$/]";
const ROLE_MESSAGE =
  'Roles are compared only in the permission table (app/utils/permissions.ts): ask can(role, "action") (or requirePermission in a guard) so the UI and the server agree on who may do what.';

/**
 * Role checks outside the permission table: `role === "ADMIN"`, `["ADMIN", "DPO"]`,
 * `case "DPO":` and `SOME_ROLES.includes(role)`. A selector list for no-restricted-syntax: a later
 * block that sets no-restricted-syntax for the same files replaces it, so such a block must
 * spread these selectors into its own list (tests/lint/boundaries.test.ts notices if it does not).
 */
/**
 * Item 7 (ADR 0024): `as MessageKey` switches the compiler's key check off, so a typo or a removed
 * key reaches the page as raw text. Used by eslint.config.js for every file and repeated in the
 * app/ block below (a later block's no-restricted-syntax replaces an earlier one's).
 */
export const MESSAGE_KEY_CAST_SELECTORS = [
  {
    selector: "TSAsExpression > TSTypeReference.typeAnnotation[typeName.name='MessageKey']",
    message:
      "No `as MessageKey`: it hides missing translations. Use isMessageKey()/labelKey() from app/utils/i18n.ts, or type the value as MessageKey where it is created.",
  },
  {
    selector: "TSTypeAssertion > TSTypeReference.typeAnnotation[typeName.name='MessageKey']",
    message:
      "No `<MessageKey>` cast: it hides missing translations. Use isMessageKey()/labelKey() from app/utils/i18n.ts.",
  },
];

export const ROLE_CHECK_SELECTORS = [
  { selector: `BinaryExpression[operator=/^[!=]==?$/] > ${ROLE_LITERAL}`, message: ROLE_MESSAGE },
  { selector: `ArrayExpression > ${ROLE_LITERAL}`, message: ROLE_MESSAGE },
  { selector: `SwitchCase > ${ROLE_LITERAL}.test`, message: ROLE_MESSAGE },
  {
    selector: "CallExpression[callee.property.name='includes'][arguments.0.property.name='role']",
    message: ROLE_MESSAGE,
  },
  {
    selector: "CallExpression[callee.property.name='includes'][arguments.0.name='role']",
    message: ROLE_MESSAGE,
  },
];

/**
 * Components render in the browser too. A type from a use case is fine (it vanishes at build
 * time and is the contract between loader and view); a value import is not.
 */
const COMPONENT_SERVER_IMPORTS = {
  group: ["**/*.server", "**/*.server.*", "**/generated/**", "@prisma/*", "node:*"],
  allowTypeImports: true,
  message:
    "Components render in the browser too: a server module (*.server.ts, the Prisma client, node:*) would pull server code and secrets into the client bundle. Take the data as props from the route's loader; `import type` of its shape is fine.",
};

export const boundaryConfigs = [
  {
    // One resolver for the import rules: it reads tsconfig.json, so "~/…" resolves like tsc does.
    plugins: { "import-x": importX },
    settings: {
      // The cycle check parses the files an import leads to: it must know that .ts/.tsx files
      // exist and which parser reads them (import-x only follows .js by default).
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/external-module-folders": ["node_modules"],
      "import-x/resolver-next": [
        createTypeScriptImportResolver({ project: path.join(root, "tsconfig.json") }),
      ],
    },
  },
  {
    // Folder boundaries and cycles, for production code. Tests may reach across folders (an
    // integration test drives a route's action), but nothing in production may reach into tests.
    files: PRODUCTION_FILES,
    ignores: TEST_FILES,
    rules: {
      "import-x/no-restricted-paths": ["error", { basePath: root, zones: BOUNDARY_ZONES }],
      // A cycle makes module initialisation order matter (a constant is undefined while its
      // module is still loading) and usually means two modules own one concept. Type-only
      // imports are exempt: they vanish at run time.
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["app/components/**/*.{ts,tsx}"],
    ignores: TEST_FILES,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [COMPONENT_SERVER_IMPORTS] },
      ],
    },
  },
  {
    // Item 6: one permission table. Only the table itself and the list of roles name roles.
    files: ["app/**/*.{ts,tsx}"],
    ignores: [
      ...TEST_FILES,
      "app/utils/permissions.ts",
      "app/modules/auth/actor.ts",
      "app/generated/**",
    ],
    rules: {
      "no-restricted-syntax": ["error", ...ROLE_CHECK_SELECTORS, ...MESSAGE_KEY_CAST_SELECTORS],
    },
  },
];
