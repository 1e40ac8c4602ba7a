import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { translate, type MessageKey, type MessageParams } from "~/utils/i18n";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";

/**
 * Errors users can read in their language (issue 12, item 7) for the two places that still
 * answered in English or with a generic text: a malformed template import (file syntax and
 * definition errors) and a bad weight profile. A German reader gets German messages with their
 * parameters (line, column, bound), none of the English text. Real server, real HTTP.
 */
let app: AppServer;
let assessor: HttpClient;
let admin: HttpClient;

beforeAll(async () => {
  app = await startAppServer({ mode: "production", trustProxy: true });
  const org = await createOrganization();
  const assessorUser = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  const adminUser = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
  await db().user.updateMany({
    where: { id: { in: [assessorUser.user.id, adminUser.user.id] } },
    data: { locale: "de" },
  });
  assessor = createClient(app.baseUrl, {
    headers: { "X-Forwarded-For": "198.51.100.21", "Accept-Language": "de" },
  });
  await assessor.login(assessorUser.user.email, assessorUser.password);
  admin = createClient(app.baseUrl, {
    headers: { "X-Forwarded-For": "198.51.100.22", "Accept-Language": "de" },
  });
  await admin.login(adminUser.user.email, adminUser.password, adminUser.totpKey);
});

afterAll(async () => {
  await app?.close();
});

/** The text as the page renders it (React escapes quotes and ampersands). */
function html(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

/** What the reader sees: the document without its scripts (the hydration data carries the keys). */
function visible(body: string): string {
  return body.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
}

function expectGermanNotEnglish(body: string, key: MessageKey, params?: MessageParams) {
  const german = translate("de", key, params);
  const english = translate("en", key, params);
  expect(german).not.toBe(english);
  expect(visible(body)).toContain(html(german));
  expect(visible(body)).not.toContain(html(english));
}

function templateWithOneOption() {
  return {
    key: "one-option",
    title: { en: "One option", de: "Eine Option" },
    sections: [
      {
        key: "security",
        title: { en: "Security", de: "Sicherheit" },
        weight: 1,
        questions: [
          {
            key: "security.level",
            type: "single_choice",
            label: { en: "Level?", de: "Stufe?" },
            required: true,
            weight: 1,
            options: [{ value: "high", label: { en: "High", de: "Hoch" }, points: 1 }],
          },
        ],
      },
    ],
  };
}

describe("a malformed template import on a German page", () => {
  it("a definition error names its path and reads in German", async () => {
    const page = await assessor.post("/templates/import", {
      mode: "new",
      text: JSON.stringify(templateWithOneOption()),
    });
    expect(page.status).toBe(400);
    expect(page.body).toContain('<html lang="de"');
    expectGermanNotEnglish(page.body, "templateErrors.tooFewOptions", {
      type: "single_choice",
      count: 2,
    });
    expect(visible(page.body)).toContain("sections[0].questions[0].options");
  });

  it("a JSON syntax error names line and column in German", async () => {
    const page = await assessor.post("/templates/import", {
      mode: "new",
      text: '{\n  "key": "x",\n  "title": }\n',
    });
    expect(page.status).toBe(400);
    expectGermanNotEnglish(page.body, "templateErrors.jsonUnexpectedCharacter", {
      line: 3,
      column: 12,
      character: '"}"',
    });
  });

  it("a YAML syntax error names its line in German", async () => {
    const page = await assessor.post("/templates/import", {
      mode: "new",
      text: "key: a\nkey: b\n",
    });
    expect(page.status).toBe(400);
    expect(visible(page.body)).not.toMatch(/invalid YAML/);
    expect(visible(page.body)).toMatch(/YAML.*Zeile 2/);
  });
});

describe("a bad weight profile on a German page", () => {
  it("a description over its limit is explained in German with its bound, on its own field", async () => {
    const page = await admin.post("/admin/weight-profiles", {
      intent: "create",
      name: "Health data",
      description: "x".repeat(501),
      questionWeights: "",
    });
    expect(page.status).toBe(400);
    expectGermanNotEnglish(page.body, "errors.tooLong", { max: 500 });
    expect(visible(page.body)).not.toContain(html(translate("de", "errors.invalidInput")));
  });

  it("a weight above the limit is explained in German with its bound", async () => {
    const page = await admin.post("/admin/weight-profiles", {
      intent: "create",
      name: "Heavy",
      questionWeights: "security.level = 5000",
    });
    expect(page.status).toBe(400);
    expectGermanNotEnglish(page.body, "weights.weightTooLarge", { max: 1000 });
    expect(visible(page.body)).not.toContain(html(translate("de", "errors.invalidInput")));
  });

  it("a question key longer than keys may be is named as an invalid key in German, not as a generic error", async () => {
    const page = await admin.post("/admin/weight-profiles", {
      intent: "create",
      name: "Long key",
      questionWeights: `${"a".repeat(130)} = 2`,
    });
    expect(page.status).toBe(400);
    expectGermanNotEnglish(page.body, "weights.weightKeyInvalid");
    expect(visible(page.body)).not.toContain(html(translate("de", "errors.invalidInput")));
  });
});
