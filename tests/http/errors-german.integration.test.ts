import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { de } from "~/locales/de";
import { en } from "~/locales/en";
import { db } from "~/utils/db.server";
import { translate } from "~/utils/i18n";
import { createClient, startAppServer, type AppServer, type HttpClient } from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { startRealAssessment } from "./http-fixtures";

/**
 * Errors users can read in their language (issue 12, item 7): a German reader who runs into a
 * domain error (a use case refusing), a malformed form, or a validation rule sees German text,
 * and none of the English text of the same message. Rendered over real HTTP by the real server.
 */
let app: AppServer;
let staff: HttpClient;
let vendorId: string;

beforeAll(async () => {
  app = await startAppServer({ mode: "production", trustProxy: true });
  const org = await createOrganization();
  const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  await db().user.update({ where: { id: assessor.user.id }, data: { locale: "de" } });
  vendorId = (await createVendor({ organizationId: org.id })).id;
  await startRealAssessment({ creator: assessor, organizationSlug: org.slug, vendorId });
  staff = createClient(app.baseUrl, { headers: { "X-Forwarded-For": "198.51.100.7", "Accept-Language": "de" } });
  await staff.login(assessor.user.email, assessor.password);
});

afterAll(async () => {
  await app?.close();
});

/** What the reader sees: the document without its scripts (the hydration data carries the key). */
function visible(body: string): string {
  return body.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
}

/** The text as the page renders it (React escapes quotes and ampersands). */
function html(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

function expectGermanNotEnglish(body: string, key: Parameters<typeof translate>[1], params?: Record<string, string | number>) {
  const german = translate("de", key, params);
  const english = translate("en", key, params);
  expect(german).not.toBe(english);
  expect(body).toContain(html(german));
  expect(body).not.toContain(html(english));
}

describe("errors on a German page", () => {
  it("a domain error from a use case (409: a vendor with assessments cannot be deleted) is shown in German", async () => {
    const page = await staff.post(`/vendors/${vendorId}/delete`, { confirm: "yes" });
    expect(page.status).toBe(409);
    expectGermanNotEnglish(page.body, "errors.vendorHasAssessments");
    expect(visible(page.body)).not.toContain("errors.vendorHasAssessments");
    expect(page.body).toContain('<html lang="de"');
  });

  it("a malformed form (400) is explained in German", async () => {
    const page = await staff.post(`/vendors/${vendorId}/delete`, { confirm: "yes\u0000" });
    expect(page.status).toBe(400);
    expectGermanNotEnglish(page.body, "errors.formInvalidCharacters");
  });

  it("the same error reads in English for an English reader", async () => {
    await db().user.updateMany({ where: { locale: "de" }, data: { locale: "en" } });
    try {
      const page = await staff.post(`/vendors/${vendorId}/delete`, { confirm: "yes" }, { headers: { "Accept-Language": "en" } });
      expect(page.status).toBe(409);
      expect(page.body).toContain(html(translate("en", "errors.vendorHasAssessments")));
    } finally {
      await db().user.updateMany({ where: { locale: "en" }, data: { locale: "de" } });
    }
  });
});

describe("error dictionaries", () => {
  it("every error message has a German text of its own (not the English one copied)", () => {
    const copied = Object.entries(en.errors).filter(([key, text]) => de.errors[key as keyof typeof de.errors] === text);
    expect(copied).toEqual([]);
  });
});
