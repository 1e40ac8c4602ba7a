import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vendorSessionCookie } from "~/modules/auth/cookies.server";
import { generateToken, sha256Hex } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { questionsOf } from "~/modules/questionnaires/template-definition";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../support/app-server";
import { createAssessmentScenario, type AssessmentScenario } from "../support/assessment-factories";

/**
 * Property tests over real HTTP: random answer payloads thrown at the two save actions (the
 * autosave endpoint and the plain form submit) are answered with a 4xx or a success, never a 500,
 * and never change another assessment. The vendor session is created directly (already past
 * the e-mailed code), so every request reaches the save logic.
 */
let app: AppServer;
let scenario: AssessmentScenario;
let vendor: HttpClient;
let questionKeys: string[];

beforeAll(async () => {
  app = await startAppServer({ mode: "production" });
  scenario = await createAssessmentScenario();
  const invite = await scenario.createInvite();
  const token = generateToken(32);
  await db().vendorSession.create({
    data: {
      id: sha256Hex(token),
      organizationId: scenario.org.id,
      inviteLinkId: invite.inviteId,
      expiresAt: new Date(Date.now() + 3600_000),
      verifiedAt: new Date(),
    },
  });
  const serialized = await vendorSessionCookie().serialize(token);
  const [pair = ""] = serialized.split(";");
  const separator = pair.indexOf("=");
  vendor = createClient(app.baseUrl);
  vendor.setCookie(pair.slice(0, separator), pair.slice(separator + 1));
  questionKeys = questionsOf(scenario.definition).map((q) => q.key);
  const page = await vendor.get("/portal");
  expect(page.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    "na",
    "unknown",
    "yes",
    "no",
    "partial",
    "DE",
    "us",
    "1e309",
    "-0",
    "NaN",
    "null",
    "[]",
    "{}",
    '{"files":["x"]}',
    "\u0000",
    "\uFFFF",
    "a".repeat(20_000),
    "2026-02-30",
    "0001-01-01",
    "<script>alert(1)</script>",
  ),
  fc.integer().map(String),
  fc.double().map(String),
);

/** A random form: the question's own field(s), sub-fields of tables and evidence, versions and shown values. */
function randomFields(keys: string[]) {
  const key = fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 30 }));
  const suffix = fc.constantFrom(
    "",
    ".name",
    ".purpose",
    ".country",
    ".mechanism",
    ".documentType",
    ".validUntil",
    ".file",
  );
  const field = fc
    .tuple(fc.constantFrom("q.", "v.", "o.", ""), key, suffix, nasty)
    .map(
      ([prefix, k, sub, value]) =>
        [`${prefix}${k}${prefix === "q." ? sub : ""}`, value] as [string, string],
    );
  return fc.tuple(key, fc.array(field, { maxLength: 25 }));
}

describe("random answer payloads", () => {
  it("the autosave action never answers 500", async () => {
    const before = await db().answer.count({
      where: { assessmentId: { not: scenario.assessment.id } },
    });
    await fc.assert(
      fc.asyncProperty(randomFields(questionKeys), async ([questionKey, fields]) => {
        const response = await vendor.post("/portal/answer", [
          ["questionKey", questionKey],
          ...fields,
        ]);
        expect([200, 400, 409]).toContain(response.status);
      }),
      { numRuns: 150 },
    );
    expect(
      await db().answer.count({ where: { assessmentId: { not: scenario.assessment.id } } }),
    ).toBe(before);
  }, 120_000);

  it("the plain form save never answers 500", async () => {
    await fc.assert(
      fc.asyncProperty(
        randomFields(questionKeys),
        fc.constantFrom("save", "submit", "other"),
        async ([, fields], intent) => {
          const response = await vendor.post("/portal", [["intent", intent], ...fields]);
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    // The questionnaire still renders after all of it.
    expect((await vendor.get("/portal")).status).toBe(200);
  }, 120_000);

  it("malformed bodies are refused with a 4xx", async () => {
    // Broken percent-escapes are decoded leniently (as U+FFFD), which is no reason to fail.
    const lenient = await vendor.request("POST", "/portal/answer", {
      body: "%E0%A4%A=broken",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(lenient.status).toBeLessThan(500);
    for (const [contentType, body] of [
      ["multipart/form-data; boundary=nope", "--x\r\nnot a part"],
      ["application/json", '{"questionKey":'],
      ["text/plain", "\u0000\u0001"],
    ] as const) {
      const response = await vendor.request("POST", "/portal/answer", { body, contentType });
      expect(response.status, contentType).toBeGreaterThanOrEqual(400);
      expect(response.status, contentType).toBeLessThan(500);
    }
  });
});
