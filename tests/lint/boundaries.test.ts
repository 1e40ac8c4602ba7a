// The rules of the house that ESLint enforces (issue 12, items 5 and 6; ADR 0022): for each rule,
// one small offending snippet linted with the project's real configuration at a path where the
// rule applies, expecting the rule's own message, and the allowed counterpart expecting none.
// A rule that silently stops firing (a path typo, a later config block replacing it at merge)
// fails here, not months later in review.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The messages (with rule ids) ESLint reports for `code` as if it were the file at `file`. */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const BOUNDARY = "import-x/no-restricted-paths";
const ROLE_CHECK = "no-restricted-syntax: Roles are compared only in the permission table";

interface Case {
  rule: string;
  file: string;
  code: string;
  /** A piece of the expected "ruleId: message". */
  expected: string;
}

const breaches: Case[] = [
  {
    rule: "routes never import other routes",
    file: "app/routes/lint-offender.tsx",
    code: 'import { loader } from "./login";\nexport { loader };\n',
    expected: `${BOUNDARY}: Unexpected path "./login" imported in restricted zone. Routes never import other routes`,
  },
  {
    rule: "routes never import other routes (through ~/)",
    file: "app/routes/lint-offender.tsx",
    code: 'import { loader } from "~/routes/login";\nexport { loader };\n',
    expected: "Routes never import other routes",
  },
  {
    rule: "modules never import routes",
    file: "app/modules/vendors/lint-offender.ts",
    code: 'import { loader } from "../../routes/login";\nexport { loader };\n',
    expected: `${BOUNDARY}: Unexpected path "../../routes/login" imported in restricted zone. Modules never import routes or components`,
  },
  {
    rule: "modules never import components",
    file: "app/modules/vendors/lint-offender.ts",
    code: 'import { AppShell } from "~/components/app-shell";\nexport { AppShell };\n',
    expected: "Modules never import routes or components",
  },
  {
    rule: "utils never import modules",
    file: "app/utils/lint-offender.ts",
    code: 'import { ROLES } from "../modules/auth/actor";\nexport { ROLES };\n',
    expected: "app/utils is the bottom layer",
  },
  {
    rule: "utils never import routes",
    file: "app/utils/lint-offender.ts",
    code: 'import { loader } from "~/routes/login";\nexport { loader };\n',
    expected: "app/utils is the bottom layer",
  },
  {
    rule: "reference data imports no app code",
    file: "app/reference-data/lint-offender.ts",
    code: 'import { translate } from "../utils/i18n";\nexport { translate };\n',
    expected: "Reference data and dictionaries are leaves",
  },
  {
    rule: "components never import routes",
    file: "app/components/lint-offender.tsx",
    code: 'import { loader } from "~/routes/login";\nexport { loader };\n',
    expected: "Components never import routes",
  },
  {
    rule: "components never import server modules",
    file: "app/components/lint-offender.tsx",
    code: 'import { db } from "~/utils/db.server";\nexport { db };\n',
    expected:
      "@typescript-eslint/no-restricted-imports: '~/utils/db.server' import is restricted from being used by a pattern. Components render in the browser too",
  },
  {
    rule: "the Express front never imports app sources",
    file: "server/lint-offender.js",
    code: 'import { bodyLimits } from "../app/modules/request-limits/body-limits.server";\nexport { bodyLimits };\n',
    expected: "server/ is the plain-JavaScript Express front",
  },
  {
    rule: "app never imports seeds",
    file: "app/modules/portal/lint-offender.ts",
    code: 'import { demoAnswers } from "../../../seeds/demo/demo-answers";\nexport { demoAnswers };\n',
    expected: "seeds/ may import app/, never the reverse",
  },
  {
    rule: "production code never imports test helpers (tests/support)",
    file: "app/modules/evidence/lint-offender.ts",
    code: 'import { createOrganization } from "../../../tests/support/factories";\nexport { createOrganization };\n',
    expected: "Production code never imports test helpers",
  },
  {
    rule: "production code never imports test files (*.test.ts)",
    file: "cli/lint-offender.ts",
    code: 'import "../app/utils/permissions.test";\n',
    expected: "Production code never imports test helpers",
  },
  {
    rule: "production code never imports e2e/",
    file: "seeds/demo/lint-offender.ts",
    code: 'import * as fixtures from "../../e2e/support/fixtures";\nexport { fixtures };\n',
    expected: "Production code never imports test helpers",
  },
  {
    rule: "scoring/ imports nothing from the app",
    file: "scoring/lint-offender.ts",
    code: 'import { db } from "../app/utils/db.server";\nexport { db };\n',
    expected:
      "no-restricted-imports: '../app/utils/db.server' import is restricted from being used by a pattern. scoring/ imports nothing from the app or frameworks.",
  },
  {
    rule: "scoring/ reads no reference data from seeds/",
    file: "scoring/lint-offender.ts",
    code: 'import { demoAnswers } from "../seeds/demo/demo-answers";\nexport { demoAnswers };\n',
    expected: "scoring/ is a library the app uses",
  },
  {
    rule: "scoring/ has no clock",
    file: "scoring/lint-offender.ts",
    code: "export const today = () => Date.now();\n",
    expected: "no-restricted-syntax: scoring/ has no clock: pass the date in.",
  },
  {
    rule: "scoring/ is deterministic",
    file: "scoring/lint-offender.ts",
    code: "export const pick = () => Math.random();\n",
    expected: "no-restricted-syntax: scoring/ is deterministic",
  },
  {
    rule: "scoring/ reads no environment",
    file: "scoring/lint-offender.ts",
    code: "export const mode = () => process.env.NODE_ENV;\n",
    expected: "no-restricted-globals: Unexpected use of 'process'. scoring/ reads no environment",
  },
  {
    rule: "no role comparison in a route",
    file: "app/routes/lint-offender.tsx",
    code: 'export const isAdmin = (actor: { role: string }) => actor.role === "ADMIN";\n',
    expected: ROLE_CHECK,
  },
  {
    rule: "no inline role list in a route",
    file: "app/routes/lint-offender.tsx",
    code: 'export const WRITERS = ["ADMIN", "ASSESSOR"] as const;\n',
    expected: ROLE_CHECK,
  },
  {
    rule: "no role list checked with includes in a component",
    file: "app/components/lint-offender.tsx",
    code: "export const allowed = (roles: string[], user: { role: string }) => roles.includes(user.role);\n",
    expected: ROLE_CHECK,
  },
  {
    rule: "no role switch in a module",
    file: "app/modules/review/lint-offender.ts",
    code: 'export function may(role: string) {\n  switch (role) {\n    case "DPO":\n      return true;\n    default:\n      return false;\n  }\n}\n',
    expected: ROLE_CHECK,
  },
  {
    rule: "no role list checked with includes(role) in a module",
    file: "app/modules/review/lint-offender.ts",
    code: "export const allowed = (roles: string[], role: string) => roles.includes(role);\n",
    expected: ROLE_CHECK,
  },
];

const allowed: { rule: string; file: string; code: string }[] = [
  {
    rule: "a route imports modules, components and utils",
    file: "app/routes/lint-offender.tsx",
    code: 'import { AppShell } from "~/components/app-shell";\nimport { requirePermission } from "~/modules/auth/guards.server";\nimport { can } from "~/utils/permissions";\nexport { AppShell, requirePermission, can };\n',
  },
  {
    rule: "a module imports utils and reference data",
    file: "app/modules/vendors/lint-offender.ts",
    code: 'import { db } from "../../utils/db.server";\nimport { COUNTRIES } from "../../reference-data/countries";\nexport { db, COUNTRIES };\n',
  },
  {
    rule: "a component imports the shape of a use case's result as a type",
    file: "app/components/lint-offender.tsx",
    code: 'import type { AssessmentView } from "~/modules/assessments/get-assessment.server";\nexport type View = AssessmentView;\n',
  },
  {
    rule: "a component asks the permission table",
    file: "app/components/lint-offender.tsx",
    code: 'import { can } from "~/utils/permissions";\nexport const show = (user: { role: "ADMIN" | "AUDITOR" }) => can(user.role, "audit:read");\n',
  },
  {
    rule: "seeds import the app",
    file: "seeds/demo/lint-offender.ts",
    code: 'import { COUNTRIES } from "../../app/reference-data/countries";\nexport { COUNTRIES };\n',
  },
  {
    rule: "tests use test helpers, routes and roles",
    file: "app/modules/admin/lint-offender.integration.test.ts",
    code: 'import { createOrganization } from "../../../tests/support/factories";\nimport { loader } from "../../routes/login";\nexport const roles = ["ADMIN", "DPO"];\nexport { createOrganization, loader };\n',
  },
  {
    rule: "benchmarks start the test app server",
    file: "bench/lint-offender.ts",
    code: 'import { ensureServerBuild } from "../tests/support/app-server";\nexport { ensureServerBuild };\n',
  },
];

describe("ESLint enforces the import boundaries and the permission table", () => {
  it.each(breaches)("refuses: $rule", async ({ file, code, expected }) => {
    const messages = await lint(file, code);
    expect(
      messages.some((m) => m.includes(expected)),
      messages.join("\n") || "(no messages)",
    ).toBe(true);
  });

  it.each(allowed)("allows: $rule", async ({ file, code }) => {
    const messages = await lint(file, code);
    expect(
      messages.filter(
        (m) => m.startsWith(BOUNDARY) || m.includes("no-restricted") || m.includes("no-cycle"),
      ),
    ).toEqual([]);
  });
});

describe("ESLint refuses import cycles in production code", () => {
  // A cycle needs two files on disk (the rule follows the import into the other file).
  const dir = path.join(root, "app", "utils", `lint-cycle-fixture-${process.pid}`);
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "first.ts"),
      'import { second } from "./second";\nexport const first = () => second();\n',
    );
    writeFileSync(
      path.join(dir, "second.ts"),
      'import { first } from "~/utils/' +
        path.basename(dir) +
        '/first";\nexport const second = () => (first ? 2 : 1);\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports a cycle between two modules, also through the ~/ alias", async () => {
    const [result] = await eslint.lintFiles([path.join(dir, "first.ts")]);
    expect((result?.messages ?? []).map((m) => m.ruleId)).toContain("import-x/no-cycle");
  });
});
