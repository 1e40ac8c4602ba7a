import { decode } from "turbo-stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { vendorSessionCookie } from "~/modules/auth/cookies.server";
import { db } from "~/utils/db.server";
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
 * HTTP semantics of the JSON endpoints (issue 13, item 6): the autosave and the clarification
 * fetcher answer a version conflict with 409 and invalid input with 400, success with 200, with
 * the same JSON body the page's fetcher reads, whether called directly (a script, a proxy's
 * health check, the tests) or as Remix's single-fetch request (`/portal/answer.data`, what the
 * browser sends). And Remix announces no "future change" on the way (its warning was printed on
 * every direct call of a resource route that returned `data()` instead of a Response).
 */
let app: AppServer;
let vendor: HttpClient;
let textQuestion: string;

beforeAll(async () => {
  app = await startAppServer({ mode: "production" });
  const org = await createOrganization();
  const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  const vendorRow = await createVendor({ organizationId: org.id });
  const assessment = await startRealAssessment({
    creator: assessor,
    organizationSlug: org.slug,
    vendorId: vendorRow.id,
    status: "IN_PROGRESS",
  });
  const version = await db().templateVersion.findUniqueOrThrow({
    where: { id: assessment.templateVersionId },
    select: { definition: true },
  });
  const definition = (
    typeof version.definition === "string" ? JSON.parse(version.definition) : version.definition
  ) as { sections: { questions: { key: string; type: string; showIf?: unknown }[] }[] };
  textQuestion = definition.sections
    .flatMap((section) => section.questions)
    .find((q) => (q.type === "short_text" || q.type === "long_text") && !q.showIf)!.key;
  const { token } = await createInviteRecord({
    organizationId: org.id,
    assessmentId: assessment.id,
    createdById: assessor.user.id,
  });
  const [pair = ""] = (await vendorSessionCookie().serialize(await verifiedSession(token))).split(
    ";",
  );
  vendor = createClient(app.baseUrl);
  vendor.setCookie(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
});

afterAll(async () => {
  await app?.close();
});

function save(
  key: string,
  baseVersion: number,
  shown: unknown,
  value: string,
  path = "/portal/answer",
) {
  return vendor.post(path, [
    ["questionKey", key],
    [`v.${key}`, String(baseVersion)],
    [`o.${key}`, JSON.stringify(shown)],
    [`q.${key}`, value],
  ]);
}

/** What the browser's fetcher reads from a single-fetch answer (turbo-stream). */
async function decodeSingleFetch(body: string): Promise<unknown> {
  const decoded = await decode(
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body));
        controller.close();
      },
    }),
  );
  await decoded.done;
  return (decoded.value as { data?: unknown }).data;
}

describe("autosave called directly", () => {
  it("answers 200 with the saved version, 409 with both values on a version conflict, 400 for invalid input", async () => {
    const warn = vi.spyOn(console, "warn");
    const saved = await save(textQuestion, 0, null, "first answer");
    expect(saved.status).toBe(200);
    expect(saved.headers.get("content-type")).toMatch(/^application\/json/);
    expect(JSON.parse(saved.body)).toMatchObject({
      status: "saved",
      questionKey: textQuestion,
      version: 1,
      value: "first answer",
    });

    // Based on version 0 again: someone else's save (version 1) came first.
    const conflict = await save(textQuestion, 0, null, "second answer");
    expect(conflict.status).toBe(409);
    expect(JSON.parse(conflict.body)).toMatchObject({
      status: "conflict",
      questionKey: textQuestion,
      version: 1,
      currentValue: "first answer",
      yourValue: "second answer",
    });

    const unknown = await save("no.such.question", 0, null, "x");
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toMatchObject({
      status: "invalid",
      questionKey: "no.such.question",
      message: { key: "answers.unknownQuestion" },
      text: expect.any(String),
    });
    // Remix's multi-line "REMIX FUTURE CHANGE" text went to the log on every one of these.
    expect(warn.mock.calls.flat().join("\n")).not.toContain("REMIX FUTURE CHANGE");
  });
});

describe("autosave as the page's fetcher sends it (single fetch)", () => {
  it("carries the same statuses and bodies", async () => {
    const current = await db().answer.findFirstOrThrow({
      where: { questionKey: textQuestion },
      select: { version: true },
    });
    const conflict = await save(textQuestion, 0, null, "stale", "/portal/answer.data");
    expect(conflict.status).toBe(409);
    expect(await decodeSingleFetch(conflict.body)).toMatchObject({
      status: "conflict",
      questionKey: textQuestion,
      version: current.version,
    });
    const invalid = await save("no.such.question", 0, null, "x", "/portal/answer.data");
    expect(invalid.status).toBe(400);
    expect(await decodeSingleFetch(invalid.body)).toMatchObject({ status: "invalid" });
  });
});

describe("the clarification fetcher called directly", () => {
  it("answers an unusable form with 400 and its JSON body", async () => {
    const warn = vi.spyOn(console, "warn");
    const response = await vendor.post("/portal/clarifications", {
      intent: "delete-everything",
      via: "fetcher",
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      intent: "delete-everything",
      error: "invalid",
    });
    expect(warn.mock.calls.flat().join("\n")).not.toContain("REMIX FUTURE CHANGE");
  });

  it("answers a thread that does not exist with 404 and its JSON body", async () => {
    const response = await vendor.post("/portal/clarifications", {
      intent: "reply",
      threadId: "no-such-thread",
      body: "Hello",
      via: "fetcher",
    });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, intent: "reply" });
  });
});
