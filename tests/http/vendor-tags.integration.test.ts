import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
  type HttpResponse,
} from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";
import { decodeEntities, marker, testIdText } from "./http-fixtures";

/**
 * Vendor tags through the real forms (no JavaScript: plain POSTs), the vendor page's tag links
 * and the portfolio they lead to. Runs on SQLite and PostgreSQL against the production build.
 */
let app: AppServer;
let client: HttpClient;
let german: HttpClient;
let organizationId: string;

beforeAll(async () => {
  app = await startAppServer();
  const org = await createOrganization();
  organizationId = org.id;
  const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  client = createClient(app.baseUrl, { headers: { "Accept-Language": "en" } });
  await client.login(assessor.user.email, assessor.password);
  german = createClient(app.baseUrl, { headers: { "Accept-Language": "de" } });
  await german.login(assessor.user.email, assessor.password);
}, 60_000);

afterAll(async () => {
  await app?.close();
});

/** The value attribute of the input named `name`, decoded. */
function inputValue(html: string, name: string): string | null {
  const tag = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  if (!tag) return null;
  const value = /value="([^"]*)"/.exec(tag)?.[1];
  return value === undefined ? "" : decodeEntities(value);
}

/** The hrefs of the vendor page's tag links, decoded. */
function tagLinks(html: string): string[] {
  const list = /data-testid="vendor-tags"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
  return [...list.matchAll(/href="([^"]*)"/g)].map((match) => decodeEntities(match[1]!));
}

function vendorIdOf(response: HttpResponse): string {
  expect(response.status, response.body.slice(0, 500)).toBe(302);
  const id = /^\/vendors\/([^/?]+)\?notice=/.exec(response.location ?? "")?.[1];
  expect(id, response.location ?? "").toBeTruthy();
  return id!;
}

async function storedTags(vendorId: string): Promise<unknown> {
  return JSON.parse(
    (await db().vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { tags: true } })).tags,
  );
}

describe("tags on the vendor forms", () => {
  it("the new-vendor form has a tags field with its help text", async () => {
    const page = await client.get("/vendors/new");
    expect(page.status).toBe(200);
    expect(inputValue(page.body, "tags")).toBe("");
    expect(page.body).toContain("Separate tags with commas, e.g. “strategic, llm”.");
    const de = await german.get("/vendors/new");
    expect(de.body).toContain("Schlagwörter durch Kommas trennen, z. B. „strategisch, llm“.");
  });

  it("creates a vendor with normalised tags and shows them as links to the portfolio", async () => {
    const name = marker("Tagged");
    const id = vendorIdOf(
      await client.post("/vendors/new", {
        name,
        criticality: "HIGH",
        tags: " strategic , LLM, llm,, eu   only, Über, a&b/c ",
      }),
    );
    expect(await storedTags(id)).toEqual(["strategic", "LLM", "eu only", "Über", "a&b/c"]);

    const page = await client.get(`/vendors/${id}`);
    expect(page.status).toBe(200);
    expect(tagLinks(page.body)).toEqual([
      "/portfolio?tag=strategic",
      "/portfolio?tag=LLM",
      "/portfolio?tag=eu%20only",
      "/portfolio?tag=%C3%9Cber",
      "/portfolio?tag=a%26b%2Fc",
    ]);
    expect(page.body).toContain("#Über");

    // Each link leads to a portfolio view that lists the vendor.
    for (const href of tagLinks(page.body)) {
      const portfolio = await client.get(href);
      expect(portfolio.status).toBe(200);
      expect(portfolio.body, href).toContain(`href="/vendors/${id}"`);
    }
  });

  it("refuses a too-long tag with a field error, keeps what the user typed and creates nothing", async () => {
    const name = marker("Too long");
    const typed = `strategic, ${"x".repeat(51)}, "quoted" <b>`;
    const response = await client.post("/vendors/new", { name, criticality: "LOW", tags: typed });
    expect(response.status).toBe(400);
    expect(response.body).toContain(
      "Each tag may have at most 50 characters. Shorten the longer ones.",
    );
    expect(response.body).toContain('aria-invalid="true"');
    expect(inputValue(response.body, "tags")).toBe(typed);
    expect(inputValue(response.body, "name")).toBe(name);
    expect(response.body).not.toContain("<b>");
    expect(await db().vendor.count({ where: { organizationId, name } })).toBe(0);

    const de = await german.post("/vendors/new", { name, criticality: "LOW", tags: typed });
    expect(de.status).toBe(400);
    expect(de.body).toContain(
      "Jedes Schlagwort darf höchstens 50 Zeichen lang sein. Kürzen Sie die längeren.",
    );
  });

  it("refuses more than 20 tags with its own message, and strips control characters", async () => {
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`).join(", ");
    const tooMany = await client.post("/vendors/new", {
      name: marker("Many"),
      criticality: "LOW",
      tags: many,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toContain("Use at most 20 different tags.");
    expect(inputValue(tooMany.body, "tags")).toBe(many);

    // Cleaned like every name (issue 11): the tags are stored without the control characters.
    const control = await client.post("/vendors/new", {
      name: marker("Bell"),
      criticality: "LOW",
      tags: "ring\u0007, esc\u001b",
    });
    expect(await storedTags(vendorIdOf(control))).toEqual(["ring", "esc"]);
  });

  it("edits tags with the version check: a stale form gets 409 with the current tags and saves nothing", async () => {
    const name = marker("Edit");
    const id = vendorIdOf(
      await client.post("/vendors/new", { name, criticality: "MEDIUM", tags: "strategic, llm" }),
    );
    const form = await client.get(`/vendors/${id}/edit`);
    expect(form.status).toBe(200);
    expect(inputValue(form.body, "tags")).toBe("strategic, llm");
    expect(inputValue(form.body, "version")).toBe("1");

    const saved = await client.post(`/vendors/${id}/edit`, {
      version: 1,
      name,
      criticality: "MEDIUM",
      tags: "llm-ops, Strategic",
    });
    expect(saved.location).toBe(`/vendors/${id}?notice=updated`);
    expect(await storedTags(id)).toEqual(["llm-ops", "Strategic"]);

    // A second editor still holds version 1.
    const stale = await client.post(`/vendors/${id}/edit`, {
      version: 1,
      name,
      criticality: "MEDIUM",
      tags: "other",
    });
    expect(stale.status).toBe(409);
    expect(testIdText(stale.body, "current-tags")).toBe("llm-ops, Strategic");
    expect(inputValue(stale.body, "tags")).toBe("other");
    expect(inputValue(stale.body, "version")).toBe("2");
    expect(
      await db().vendor.findUniqueOrThrow({ where: { id }, select: { version: true, tags: true } }),
    ).toEqual({
      version: 2,
      tags: JSON.stringify(["llm-ops", "Strategic"]),
    });

    // The same tags typed differently are no difference, and saving them changes nothing.
    const sameTags = await client.post(`/vendors/${id}/edit`, {
      version: 1,
      name: `${name} SE`,
      criticality: "MEDIUM",
      tags: " llm-ops,Strategic ",
    });
    expect(sameTags.status).toBe(409);
    expect(sameTags.body).toContain('data-testid="current-name"');
    expect(sameTags.body).not.toContain('data-testid="current-tags"');
    const unchanged = await client.post(`/vendors/${id}/edit`, {
      version: 2,
      name,
      criticality: "MEDIUM",
      tags: "llm-ops ,  Strategic, strategic",
    });
    expect(unchanged.status).toBe(302);
    expect(unchanged.location).toBe(`/vendors/${id}?notice=unchanged`);

    // A bad value on the edit form: 400, typed text and the loaded version kept.
    const tooLong = await client.post(`/vendors/${id}/edit`, {
      version: 2,
      name,
      criticality: "MEDIUM",
      tags: "z".repeat(60),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toContain("Each tag may have at most 50 characters.");
    expect(inputValue(tooLong.body, "tags")).toBe("z".repeat(60));
    expect(inputValue(tooLong.body, "version")).toBe("2");

    // The portfolio filter follows the edit.
    expect((await client.get("/portfolio?tag=llm-ops")).body).toContain(`href="/vendors/${id}"`);
    expect((await client.get("/portfolio?tag=llm")).body).not.toContain(`href="/vendors/${id}"`);
  });
});
