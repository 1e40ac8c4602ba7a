import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { de } from "~/locales/de";
import { en } from "~/locales/en";
import { db } from "~/utils/db.server";
import { vendorSessionCookie } from "~/modules/auth/cookies.server";
import { isLocalizedMessage, translate, translateMessage } from "~/utils/i18n";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { verifiedSession } from "../support/vendor-sessions";
import { createInviteRecord, startRealAssessment } from "./http-fixtures";

/**
 * Errors users can read in their language (issue 12, item 7): a German reader who runs into a
 * domain error (a use case refusing), a malformed form, or a validation rule sees German text,
 * and none of the English text of the same message. Rendered over real HTTP by the real server.
 */
let app: AppServer;
let staff: HttpClient;
let vendorId: string;
let vendor: HttpClient;
let yesNoQuestion: string;

beforeAll(async () => {
  app = await startAppServer({ mode: "production", trustProxy: true });
  const org = await createOrganization();
  const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  await db().user.update({ where: { id: assessor.user.id }, data: { locale: "de" } });
  vendorId = (await createVendor({ organizationId: org.id })).id;
  const assessment = await startRealAssessment({
    creator: assessor,
    organizationSlug: org.slug,
    vendorId,
    status: "IN_PROGRESS",
  });
  const version = await db().templateVersion.findUniqueOrThrow({
    where: { id: assessment.templateVersionId },
    select: { definition: true },
  });
  const definition = (
    typeof version.definition === "string" ? JSON.parse(version.definition) : version.definition
  ) as { sections: { questions: { key: string; type: string; showIf?: unknown }[] }[] };
  yesNoQuestion = definition.sections
    .flatMap((section) => section.questions)
    .find((q) => q.type === "yes_no" && !q.showIf)!.key;
  const { token } = await createInviteRecord({
    organizationId: org.id,
    assessmentId: assessment.id,
    createdById: assessor.user.id,
  });
  const [pair = ""] = (await vendorSessionCookie().serialize(await verifiedSession(token))).split(
    ";",
  );
  vendor = createClient(app.baseUrl, { headers: { "Accept-Language": "de" } });
  vendor.setCookie(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
  staff = createClient(app.baseUrl, {
    headers: { "X-Forwarded-For": "198.51.100.7", "Accept-Language": "de" },
  });
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

function expectGermanNotEnglish(
  body: string,
  key: Parameters<typeof translate>[1],
  params?: Record<string, string | number>,
) {
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
      const page = await staff.post(
        `/vendors/${vendorId}/delete`,
        { confirm: "yes" },
        { headers: { "Accept-Language": "en" } },
      );
      expect(page.status).toBe(409);
      expect(page.body).toContain(html(translate("en", "errors.vendorHasAssessments")));
    } finally {
      await db().user.updateMany({ where: { locale: "en" }, data: { locale: "de" } });
    }
  });
});

describe("errors in JSON answers (autosave) for a German reader", () => {
  async function refusal(fields: [string, string][]) {
    const response = await vendor.post("/portal/answer", fields);
    const body = JSON.parse(response.body) as { status: string; message: unknown; text: string };
    expect(body.status).toBe("invalid");
    expect(isLocalizedMessage(body.message)).toBe(true);
    const message = body.message as Parameters<typeof translateMessage>[1];
    expect(body.text).toBe(translateMessage("de", message));
    expect(body.text).not.toBe(translateMessage("en", message));
    return message;
  }

  it("an unknown question is refused with the key and the German text", async () => {
    expect(await refusal([["questionKey", "no.such.question"]])).toEqual({
      key: "answers.unknownQuestion",
    });
  });

  it("a value the question does not take is refused with the key and the German text", async () => {
    const message = await refusal([
      ["questionKey", yesNoQuestion],
      [`v.${yesNoQuestion}`, "0"],
      [`o.${yesNoQuestion}`, "null"],
      [`q.${yesNoQuestion}`, "maybe"],
    ]);
    expect(message.key.startsWith("answers.")).toBe(true);
  });
});

describe("error dictionaries", () => {
  it("every error message has a German text of its own (not the English one copied)", () => {
    const copied = Object.entries(en.errors).filter(
      ([key, text]) => de.errors[key as keyof typeof de.errors] === text,
    );
    expect(copied).toEqual([]);
  });
});
