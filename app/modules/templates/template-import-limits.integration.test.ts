import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../../../tests/support/app-server";
import { createOrganization, createUser } from "../../../tests/support/factories";
import { db } from "../../utils/db.server";
import { HOSTILE_TEMPLATE_FILES } from "./testing/hostile-template-files";

/**
 * Hostile template files over the real HTTP stack (production build, parser workers) and the CLI
 * (issue 11, item 3): each one gets a 400 with the limit and its line in the user's language,
 * and the server answers /healthz afterwards; real imports still work.
 */
const root = path.resolve(import.meta.dirname, "../../..");
let app: AppServer;
let client: HttpClient;
let orgSlug: string;
let orgId: string;

beforeAll(async () => {
  app = await startAppServer();
  const org = await createOrganization();
  orgSlug = org.slug;
  orgId = org.id;
  const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  client = createClient(app.baseUrl);
  const login = await client.login(assessor.user.email, assessor.password);
  expect(login.status).toBe(302);
}, 120_000);
afterAll(() => app?.close());

function importFile(text: string, fileName: string, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append("mode", "new");
  form.append("file", new Blob([text], { type: "application/octet-stream" }), fileName);
  return client.post("/templates/import", form, { headers });
}

const EXPECTED: Record<string, (line: number) => string> = {
  depth: (line) => `The file nests deeper than 32 levels (at line ${line}).`,
  aliases: (line) => `The file uses more than 100 aliases (*name), at line ${line}.`,
  keyLength: (line) => `A key at line ${line} is longer than 1024 characters.`,
  entries: (line) => `The file has more than 100000 entries (at line ${line}).`,
};

describe("template import of hostile files", () => {
  it("answers each with 400 and the limit, and the server lives on", async () => {
    for (const file of HOSTILE_TEMPLATE_FILES) {
      const res = await importFile(file.text, `hostile.${file.format}`);
      expect(res.status, file.name).toBe(400);
      expect(res.body, file.name).toContain(EXPECTED[file.limit]!(file.line));
      expect((await createClient(app.baseUrl).get("/healthz")).status).toBe(200);
    }
    expect(await db().questionnaireTemplate.count({ where: { organizationId: orgId } })).toBe(0);
  });

  it("in German", async () => {
    const res = await importFile(HOSTILE_TEMPLATE_FILES[0].text, "tief.yaml", {
      "Accept-Language": "de-DE,de;q=0.9",
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain("Die Datei ist tiefer als 32 Ebenen verschachtelt (in Zeile 1).");
  });

  it("the YAML editor refuses the same files, and a real template still imports", async () => {
    const bundled = readFileSync(
      path.join(root, "app/reference-data/templates/data-residency-transfers.json"),
      "utf8",
    );
    const imported = await importFile(bundled, "residency.json");
    expect(imported.status).toBe(302);
    const draft = await db().templateVersion.findFirstOrThrow({
      where: { status: "DRAFT", template: { organizationId: orgId } },
      select: { templateId: true, revision: true },
    });
    const deep = `key: residency\nx: ${"{a: ".repeat(40)}1${"}".repeat(40)}\n`;
    const res = await client.post(`/templates/${draft.templateId}/edit`, {
      intent: "advanced",
      revision: draft.revision,
      yaml: deep,
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain("The file nests deeper than 32 levels (at line 2).");
    expect((await createClient(app.baseUrl).get("/healthz")).status).toBe(200);
  });
});

describe("vetted template import", () => {
  it("exits 1 naming the limit and the line", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vetted-hostile-"));
    try {
      const file = path.join(dir, "deep.yaml");
      writeFileSync(file, HOSTILE_TEMPLATE_FILES[0].text);
      const result = spawnSync(
        path.join(root, "node_modules/.bin/tsx"),
        ["cli/vetted.ts", "template", "import", file, "--org", orgSlug],
        {
          cwd: root,
          encoding: "utf8",
          env: process.env,
          timeout: 60_000,
        },
      );
      expect(result.stderr).toContain("nesting deeper than 32 levels at line 1");
      expect(result.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
