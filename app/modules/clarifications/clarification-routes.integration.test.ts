import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { vendorSessionCookie } from "~/modules/auth/cookies.server";
import { questionsOf } from "~/modules/questionnaires/template-definition";
import * as staffRoute from "~/routes/assessments.$assessmentId.clarifications";
import * as portalRoute from "~/routes/portal.clarifications";
import { generateToken, sha256Hex } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { createSessionFor } from "../../../tests/support/admin-factories";
import {
  createAssessmentScenario,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { askClarification } from "./ask-clarification.server";

/**
 * The two action-only routes, called as Remix calls them with real sessions: 405 on GET, 400 on
 * malformed bodies (never 500), 404 for foreign ids before the form is read, redirects back to
 * the question for plain POSTs and data for fetcher POSTs.
 */
const context = {
  requestId: "test-request",
  cspNonce: "nonce",
  clientIp: "192.0.2.60",
} as AppLoadContext;

interface Outcome {
  status: number;
  body: unknown;
  location: string | null;
}

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
  }
  // JSON answers are Responses since the routes answer with their real status (ADR 0026).
  if (value instanceof Response) {
    const isJson = (value.headers.get("Content-Type") ?? "").startsWith("application/json");
    return {
      status: value.status,
      body: isJson ? await value.json() : await value.text(),
      location: value.headers.get("Location"),
    };
  }
  const wrapped = value as { type?: string; data?: unknown; init?: { status?: number } | null };
  if (wrapped?.type === "DataWithResponseInit")
    return { status: wrapped.init?.status ?? 200, body: wrapped.data, location: null };
  return { status: 200, body: value, location: null };
}

function post(path: string, cookie: string, fields: Record<string, string>) {
  return new Request(`http://127.0.0.1${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

function rawPost(path: string, cookie: string, contentType: string, body: string) {
  return new Request(`http://127.0.0.1${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": contentType },
    body,
  });
}

const staff = (request: Request, assessmentId: string) =>
  outcome(() => staffRoute.action({ request, context, params: { assessmentId } }));
const portal = (request: Request) =>
  outcome(() => portalRoute.action({ request, context, params: {} }));

async function userCookie(s: AssessmentScenario, actor: AssessmentScenario["assessor"]) {
  return (await createSessionFor(actor.userId, s.org.id, { mfaVerified: true })).cookie;
}

/** A verified vendor session for an invite (as after the invite exchange and the e-mailed code). */
async function vendorCookie(inviteId: string, organizationId: string) {
  const token = generateToken(32);
  await db().vendorSession.create({
    data: {
      id: sha256Hex(token),
      organizationId,
      inviteLinkId: inviteId,
      expiresAt: new Date(Date.now() + 3600_000),
      verifiedAt: new Date(),
    },
  });
  return (await vendorSessionCookie().serialize(token)).split(";")[0]!;
}

describe("clarification routes", () => {
  it("answer GET with 405 (and 404 for another organisation's assessment)", async () => {
    const s = await createAssessmentScenario();
    const other = await createAssessmentScenario();
    const cookie = await userCookie(s, s.auditor);
    const get = (assessmentId: string) =>
      outcome(() =>
        staffRoute.loader({
          request: new Request(`http://127.0.0.1/assessments/${assessmentId}/clarifications`, {
            headers: { Cookie: cookie },
          }),
          context,
          params: { assessmentId },
        }),
      );
    expect((await get(s.assessment.id)).status).toBe(405);
    expect((await get(other.assessment.id)).status).toBe(404);
    expect(portalRoute.loader().status).toBe(405);
  });

  it("assessor route: plain POST redirects back to the answer, a fetcher POST gets data", async () => {
    const s = await createAssessmentScenario();
    const cookie = await userCookie(s, s.assessor);
    const questionKey = questionsOf(s.definition)[0]!.key;
    const path = `/assessments/${s.assessment.id}/clarifications`;

    const asked = await staff(
      post(path, cookie, { intent: "ask", questionKey, body: "Which regions?" }),
      s.assessment.id,
    );
    expect(asked).toMatchObject({
      status: 303,
      location: `/assessments/${s.assessment.id}?tab=answers#answer-${questionKey}`,
    });
    const thread = await db().clarificationThread.findFirstOrThrow({
      where: { assessmentId: s.assessment.id },
    });

    const replied = await staff(
      post(path, cookie, {
        intent: "reply",
        questionKey,
        threadId: thread.id,
        body: "More",
        via: "fetcher",
      }),
      s.assessment.id,
    );
    expect(replied).toEqual({ status: 200, body: { ok: true, intent: "reply" }, location: null });
    const resolved = await staff(
      post(path, cookie, { intent: "resolve", questionKey, threadId: thread.id }),
      s.assessment.id,
    );
    expect(resolved.status).toBe(303);
    expect(
      (await db().clarificationThread.findUniqueOrThrow({ where: { id: thread.id } })).status,
    ).toBe("RESOLVED");
    expect(await db().clarificationMessage.count({ where: { threadId: thread.id } })).toBe(2);
  });

  it("assessor route: malformed bodies and bad input are 400 with a message, never 500", async () => {
    const s = await createAssessmentScenario();
    const cookie = await userCookie(s, s.assessor);
    const questionKey = questionsOf(s.definition)[0]!.key;
    const path = `/assessments/${s.assessment.id}/clarifications`;
    const cases: [string, Request][] = [
      [
        "broken multipart",
        rawPost(path, cookie, "multipart/form-data; boundary=x", "--x\r\nnot a part"),
      ],
      ["NUL byte", post(path, cookie, { intent: "ask", questionKey, body: "a\u0000b" })],
      ["no intent", post(path, cookie, { questionKey, body: "Hello" })],
      ["unknown intent", post(path, cookie, { intent: "delete", questionKey })],
      ["empty body", post(path, cookie, { intent: "ask", questionKey, body: "  " })],
      [
        "over-long body",
        post(path, cookie, { intent: "ask", questionKey, body: "z".repeat(5001) }),
      ],
      [
        "unknown question",
        post(path, cookie, { intent: "ask", questionKey: "no.such", body: "Hello" }),
      ],
      ["reply without thread", post(path, cookie, { intent: "reply", body: "Hello" })],
      ["resolve without thread", post(path, cookie, { intent: "resolve" })],
    ];
    for (const [label, request] of cases) {
      const result = await staff(request, s.assessment.id);
      expect(result.status, label).toBe(400);
      expect(
        String(typeof result.body === "string" ? result.body : JSON.stringify(result.body)).length,
        label,
      ).toBeGreaterThan(0);
    }
    const fetcher = await staff(
      post(path, cookie, { intent: "ask", questionKey, body: "", via: "fetcher" }),
      s.assessment.id,
    );
    expect(fetcher).toEqual({
      status: 400,
      body: { ok: false, intent: "ask", error: "body" },
      location: null,
    });
    expect(await db().clarificationThread.count({ where: { assessmentId: s.assessment.id } })).toBe(
      0,
    );
  });

  it("assessor route: another organisation's assessment or thread is 404, an auditor's ask is 403", async () => {
    const s = await createAssessmentScenario();
    const other = await createAssessmentScenario();
    const cookie = await userCookie(s, s.assessor);
    const questionKey = questionsOf(s.definition)[0]!.key;
    const foreignPath = `/assessments/${other.assessment.id}/clarifications`;
    // 404 before the form is read: a broken form does not reveal whether the id exists.
    expect(
      (
        await staff(
          post(foreignPath, cookie, { intent: "ask", questionKey, body: "Probe" }),
          other.assessment.id,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await staff(
          rawPost(foreignPath, cookie, "multipart/form-data; boundary=x", "--x"),
          other.assessment.id,
        )
      ).status,
    ).toBe(404);

    const { threadId } = await askClarification(other.assessor, {
      assessmentId: other.assessment.id,
      questionKey,
      body: "Theirs",
    });
    const ownPath = `/assessments/${s.assessment.id}/clarifications`;
    for (const intent of ["reply", "resolve"]) {
      const result = await staff(
        post(ownPath, cookie, { intent, threadId, questionKey, body: "Probe" }),
        s.assessment.id,
      );
      expect(result.status, intent).toBe(404);
    }
    expect(await db().clarificationMessage.count({ where: { threadId } })).toBe(1);

    // (An auditor needs no second factor to sign in; a DPO's 403 is the same role check, tested on the use case.)
    const auditorCookie = await userCookie(s, s.auditor);
    expect(
      (
        await staff(
          post(ownPath, auditorCookie, { intent: "ask", questionKey, body: "No" }),
          s.assessment.id,
        )
      ).status,
    ).toBe(403);
  });

  it("vendor route: a reply redirects to the question, fetcher gets data, other intents and bad bodies are 400", async () => {
    const s = await createAssessmentScenario();
    const { invite } = await s.invitedVendor();
    const cookie = await vendorCookie(invite.inviteId, s.org.id);
    const questionKey = questionsOf(s.definition)[0]!.key;
    const { threadId } = await askClarification(s.assessor, {
      assessmentId: s.assessment.id,
      questionKey,
      body: "Question",
    });

    const plain = await portal(
      post("/portal/clarifications", cookie, {
        intent: "reply",
        questionKey,
        threadId,
        body: "Answer",
      }),
    );
    expect(plain).toMatchObject({ status: 303, location: `/portal#q-${questionKey}` });
    const viaFetcher = await portal(
      post("/portal/clarifications", cookie, {
        intent: "reply",
        questionKey,
        threadId,
        body: "Again",
        via: "fetcher",
      }),
    );
    expect(viaFetcher).toEqual({
      status: 200,
      body: { ok: true, intent: "reply" },
      location: null,
    });

    const bad: [string, Request][] = [
      [
        "broken multipart",
        rawPost(
          "/portal/clarifications",
          cookie,
          "multipart/form-data; boundary=x",
          "--x\r\nbroken",
        ),
      ],
      [
        "ask is not for vendors",
        post("/portal/clarifications", cookie, { intent: "ask", questionKey, body: "Hi" }),
      ],
      [
        "resolve is not for vendors",
        post("/portal/clarifications", cookie, { intent: "resolve", threadId }),
      ],
      [
        "empty reply",
        post("/portal/clarifications", cookie, { intent: "reply", threadId, body: "" }),
      ],
      ["no thread", post("/portal/clarifications", cookie, { intent: "reply", body: "Hi" })],
    ];
    for (const [label, request] of bad) expect((await portal(request)).status, label).toBe(400);
    expect(
      (await db().clarificationThread.findUniqueOrThrow({ where: { id: threadId } })).status,
    ).toBe("OPEN");
    expect(await db().clarificationMessage.count({ where: { threadId } })).toBe(3);
    // A header-breaking question key is not echoed into the redirect.
    const odd = await portal(
      post("/portal/clarifications", cookie, {
        intent: "reply",
        questionKey: "x\r\nSet-Cookie: a=b",
        threadId,
        body: "Third",
      }),
    );
    expect(odd).toMatchObject({ status: 303, location: "/portal" });
  });

  it("vendor route: without a vendor session there is no reply; another organisation's thread is 404", async () => {
    const s = await createAssessmentScenario();
    const other = await createAssessmentScenario();
    const questionKey = questionsOf(other.definition)[0]!.key;
    const { threadId } = await askClarification(other.assessor, {
      assessmentId: other.assessment.id,
      questionKey,
      body: "Theirs",
    });
    const anonymous = await portal(
      post("/portal/clarifications", "", { intent: "reply", threadId, body: "Probe" }),
    );
    expect(anonymous).toMatchObject({ status: 302, location: "/portal/ended" });

    const { invite } = await s.invitedVendor();
    const cookie = await vendorCookie(invite.inviteId, s.org.id);
    expect(
      (
        await portal(
          post("/portal/clarifications", cookie, { intent: "reply", threadId, body: "Probe" }),
        )
      ).status,
    ).toBe(404);
    expect(await db().clarificationMessage.count({ where: { threadId } })).toBe(1);
  });
});
