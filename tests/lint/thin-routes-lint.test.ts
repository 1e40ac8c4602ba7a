import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The "no database in routes" rule (issue 12, item 8; ADR 0023) fires through the project's own
 * eslint.config.js: a route that imports the database client fails lint with the reason, the same
 * import in a module does not, and a type-only import of the generated client stays allowed.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const eslint = new ESLint({ cwd: root });

async function ruleHits(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports");
}

const dbQuery = `import { db } from "~/utils/db.server";\nexport async function loader() {\n  return db().user.count();\n}\n`;

describe("no database in app/routes", () => {
  it("refuses db() in a route, with the reason", async () => {
    const hits = await ruleHits(dbQuery, "app/routes/lint-probe.tsx");
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toContain("Routes do not query the database");
  });

  it("refuses transactions and the generated client in a route too", async () => {
    const code = `import { inTransaction } from "~/utils/transaction.server";\nimport { PrismaClient } from "~/generated/sqlite/client";\nexport const probe = [inTransaction, PrismaClient];\n`;
    expect(await ruleHits(code, "app/routes/lint-probe.tsx")).toHaveLength(2);
  });

  it("allows the same import in a module and a type-only import of the client in a route", async () => {
    expect(await ruleHits(dbQuery, "app/modules/lint-probe.server.ts")).toHaveLength(0);
    const typeOnly = `import type { Prisma } from "~/generated/sqlite/client";\nexport type Probe = Prisma.UserWhereInput;\n`;
    expect(await ruleHits(typeOnly, "app/routes/lint-probe.tsx")).toHaveLength(0);
  });
});
