import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkerPool } from "../../app/modules/parsing/worker-pool";
import { db } from "../../app/utils/db.server";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
  type HttpResponse,
} from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";

/**
 * The upload page /regulations/import over the real HTTP stack (production build, parser
 * workers), without JavaScript: upload → preview (nothing saved) → commit with the previewed
 * text from the hidden field; broken files are a 400 with the path inside the file; assessors
 * are refused.
 */
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/frameworks");
let app: AppServer;
let dpo: HttpClient;
let assessor: HttpClient;
let admin: HttpClient;
let orgId: string;
let pool: WorkerPool;

beforeAll(async () => {
  // One parser worker and no queue: holding the worker makes the next upload find the pool busy.
  process.env.PARSER_WORKERS = "1";
  process.env.PARSER_QUEUE_LIMIT = "0";
  app = await startAppServer();
  pool = (app.build.entry.module as unknown as { parserPool(): WorkerPool }).parserPool();
  const org = await createOrganization();
  orgId = org.id;
  const dpoUser = await createUser({ organizationId: org.id, role: "DPO", withTotp: true });
  const assessorUser = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  dpo = createClient(app.baseUrl);
  await dpo.login(dpoUser.user.email, dpoUser.password, dpoUser.totpKey);
  assessor = createClient(app.baseUrl);
  await assessor.login(assessorUser.user.email, assessorUser.password);
  const adminUser = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
  admin = createClient(app.baseUrl);
  await admin.login(adminUser.user.email, adminUser.password, adminUser.totpKey);
}, 180_000);
afterAll(async () => {
  await pool?.close();
  await app?.close();
  delete process.env.PARSER_WORKERS;
  delete process.env.PARSER_QUEUE_LIMIT;
});

function upload(client: HttpClient, fileName: string, text: string) {
  const form = new FormData();
  form.append("intent", "preview");
  form.append("file", new Blob([text], { type: "application/octet-stream" }), fileName);
  return client.post("/regulations/import", form);
}

/** The hidden field's value as the browser would send it back (React escapes it in the HTML). */
function hiddenContent(html: string): string {
  const match = /<textarea name="content" hidden="" readOnly="">([\s\S]*?)<\/textarea>/i.exec(html);
  if (!match) throw new Error("no hidden content field in the preview");
  return match[1]!
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

const frameworks = () => db().instrument.count({ where: { organizationId: orgId } });

describe("/regulations/import (no JavaScript)", () => {
  it("previews without saving, then imports what was previewed", async () => {
    const v1 = readFileSync(path.join(FIXTURES, "example-library-v1.yaml"), "utf8");
    const preview = await upload(dpo, "example-library-v1.yaml", v1);
    expect(preview.status).toBe(200);
    expect(preview.body).toContain("Preview: nothing is saved yet");
    expect(preview.body).toMatch(/Provisions<\/th><td[^>]*>10</);
    expect(await frameworks()).toBe(0);

    const form = new FormData();
    form.append("intent", "commit");
    form.append("fileName", "example-library-v1.yaml");
    form.append("content", hiddenContent(preview.body));
    const commit = await dpo.post("/regulations/import", form);
    expect(commit.status).toBe(200);
    expect(commit.body).toContain("Imported");
    expect(await frameworks()).toBe(1);
  });

  it("answers a broken file with 400 and the path inside the file, saving nothing", async () => {
    const broken = readFileSync(path.join(FIXTURES, "broken/missing-parent.yaml"), "utf8");
    const res = await upload(dpo, "missing-parent.yaml", broken);
    expect(res.status).toBe(400);
    expect(res.body).toContain("The file cannot be imported. Nothing was saved.");
    expect(res.body).toMatch(/objects\.framework\.requirement_nodes\[\d+\]\.parent_urn: /);
  });

  it("answers 503 with Retry-After while every parser worker is busy, in both languages", async () => {
    const signal = new SharedArrayBuffer(4);
    const held = pool.run("hold", { signal, maxMs: 60_000 });
    while (pool.stats().running !== 1) await new Promise((resolve) => setTimeout(resolve, 10));
    const v1 = readFileSync(path.join(FIXTURES, "example-library-v1.yaml"), "utf8");
    const busy = await upload(dpo, "example-library-v1.yaml", v1);
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("5");
    expect(busy.body).toContain("Many files are being checked right now.");
    const form = new FormData();
    form.append("intent", "preview");
    form.append("file", new Blob([v1]), "example-library-v1.yaml");
    const german = await dpo.post("/regulations/import", form, {
      headers: { "Accept-Language": "de-DE,de;q=0.9" },
    });
    expect(german.status).toBe(503);
    expect(german.body).toContain("Gerade werden viele Dateien geprüft.");
    Atomics.store(new Int32Array(signal), 0, 1);
    Atomics.notify(new Int32Array(signal), 0);
    expect((await held).status).toBe("done");
  });

  it("is not for assessors", async () => {
    expect((await assessor.get("/regulations/import")).status).toBe(403);
  });
});

// The template pages run their files through the same parser pool: their busy answers must carry
// Retry-After to a browser without JavaScript as well (a route without a `headers` function
// drops the action's headers from the document response).
describe("template pages while every parser worker is busy", () => {
  const TEMPLATE = readFileSync(
    path.resolve(
      import.meta.dirname,
      "../../app/reference-data/templates/ai-vendor-due-diligence.json",
    ),
    "utf8",
  );

  /** Runs `post` while the only parser worker is held, then lets the worker go. */
  async function whileBusy(post: () => Promise<HttpResponse>): Promise<HttpResponse> {
    const signal = new SharedArrayBuffer(4);
    const held = pool.run("hold", { signal, maxMs: 60_000 });
    while (pool.stats().running !== 1) await new Promise((resolve) => setTimeout(resolve, 10));
    try {
      return await post();
    } finally {
      Atomics.store(new Int32Array(signal), 0, 1);
      Atomics.notify(new Int32Array(signal), 0);
      expect((await held).status).toBe("done");
    }
  }

  it("/templates/import answers 503 with Retry-After", async () => {
    const form = new FormData();
    form.append("mode", "new");
    form.append("file", new Blob([TEMPLATE], { type: "application/json" }), "template.json");
    const busy = await whileBusy(() => admin.post("/templates/import", form));
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("5");
  });

  it("the editor's advanced (YAML) form answers 503 with Retry-After", async () => {
    const upload = new FormData();
    upload.append("mode", "new");
    upload.append("file", new Blob([TEMPLATE], { type: "application/json" }), "template.json");
    const imported = await admin.post("/templates/import", upload);
    expect(imported.status).toBe(302);
    const editor = new URL(imported.headers.get("location")!, app.baseUrl).pathname;
    const page = await admin.get(editor);
    const revision = /name="revision" value="(\d+)"/.exec(page.body)?.[1];
    expect(revision).toBeDefined();
    const form = new FormData();
    form.append("intent", "advanced");
    form.append("revision", revision!);
    form.append("yaml", "key: x\n");
    const busy = await whileBusy(() => admin.post(editor, form));
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("5");
  });
});
