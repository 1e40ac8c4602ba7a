import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import * as pageRoute from "~/routes/assessments.$assessmentId";
import * as reviewRoute from "~/routes/assessments.$assessmentId.review";
import { db } from "~/utils/db.server";
import { createSessionFor } from "../../../tests/support/admin-factories";
import {
  createAssessmentScenario,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";

/**
 * The review route called as Remix calls it, with real sessions: malformed bodies and bad
 * values are never a 500 (fixable ones redirect back with a flash), a foreign assessment is a
 * 404 before the form is read, auditors get 403. Also the decide intent with malformed rows.
 */
const context = {
  requestId: "test-request",
  cspNonce: "nonce",
  clientIp: "192.0.2.61",
} as AppLoadContext;

async function outcome(
  run: () => Promise<unknown>,
): Promise<{ status: number; location: string | null }> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response)
    return { status: value.status, location: value.headers.get("Location") };
  const wrapped = value as { type?: string; init?: { status?: number } | null };
  if (wrapped?.type === "DataWithResponseInit")
    return { status: wrapped.init?.status ?? 200, location: null };
  return { status: 200, location: null };
}

const request = (
  path: string,
  cookie: string,
  body: string,
  contentType = "application/x-www-form-urlencoded",
) =>
  new Request(`http://127.0.0.1${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": contentType },
    body,
  });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function cookieFor(s: AssessmentScenario, actor: AssessmentScenario["assessor"]) {
  return (await createSessionFor(actor.userId, s.org.id, { mfaVerified: true })).cookie;
}

describe("assessments.$assessmentId.review", () => {
  it("never answers 500 to malformed or wrong forms; fixable errors redirect with a flash", async () => {
    const s = await createAssessmentScenario();
    const cookie = await cookieFor(s, s.assessor);
    const path = `/assessments/${s.assessment.id}/review`;
    const run = (body: string, contentType?: string) =>
      outcome(() =>
        reviewRoute.action({
          request: request(path, cookie, body, contentType),
          context,
          params: { assessmentId: s.assessment.id },
        }),
      );

    expect((await run("%%%", "multipart/form-data; boundary=x")).status).toBe(400);
    expect((await run(form({ intent: "nonsense" }))).status).toBe(400);
    const probes: Record<string, string>[] = [
      { intent: "createFinding" },
      { intent: "createFinding", title: "x", severity: "NOPE", description: "" },
      { intent: "updateFinding", findingId: "", expectedVersion: "abc" },
      { intent: "deleteFinding", findingId: "missing", expectedVersion: "1", confirm: "yes" },
      { intent: "addComment", visibility: "PUBLIC", body: "" },
      { intent: "requestChanges", message: "" },
    ];
    for (const fields of probes) {
      const result = await run(form(fields));
      expect(result.status, JSON.stringify(fields)).toBeLessThan(500);
    }
    const bad = await run(
      form({ intent: "createFinding", title: "x", severity: "HIGH", description: "d" }),
    );
    expect(bad.status).toBe(303);
    expect(bad.location).toContain("review=createFinding%3AtitleTooShort");
    const ok = await run(
      form({
        intent: "createFinding",
        title: "Weak logging",
        severity: "LOW",
        description: "No audit log export.",
      }),
    );
    expect(ok.status).toBe(303);
    expect(ok.location).toContain("review=createFinding%3Aok");
    expect(await db().finding.count({ where: { assessmentId: s.assessment.id } })).toBe(1);
  });

  it("a foreign assessment is 404 and an auditor's write is 403; nothing is written", async () => {
    const s = await createAssessmentScenario();
    const other = await createAssessmentScenario();
    const foreign = await cookieFor(other, other.assessor);
    const auditor = await cookieFor(s, s.auditor);
    const body = form({
      intent: "createFinding",
      title: "Probe finding",
      severity: "LOW",
      description: "probe",
    });
    const path = `/assessments/${s.assessment.id}/review`;
    expect(
      (
        await outcome(() =>
          reviewRoute.action({
            request: request(path, foreign, body),
            context,
            params: { assessmentId: s.assessment.id },
          }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await outcome(() =>
          reviewRoute.action({
            request: request(path, auditor, body),
            context,
            params: { assessmentId: s.assessment.id },
          }),
        )
      ).status,
    ).toBe(403);
    expect(await db().finding.count({ where: { assessmentId: s.assessment.id } })).toBe(0);
  });

  it("the decide intent with malformed condition rows is a 400, not a 500", async () => {
    const s = await createAssessmentScenario();
    // The form is validated before role and step-up checks; an assessor needs no TOTP enrolment.
    const cookie = await cookieFor(s, s.assessor);
    const body = new URLSearchParams([
      ["intent", "decide"],
      ["outcome", "APPROVED_WITH_CONDITIONS"],
      ["rationale", "Long enough rationale."],
      ["expectedVersion", "1"],
      ["conditionText", "Has no due date"],
      ["conditionDue", ""],
      ["conditionText", ""],
      ["conditionDue", "not-a-date"],
    ]).toString();
    const result = await outcome(() =>
      pageRoute.action({
        request: request(`/assessments/${s.assessment.id}`, cookie, body),
        context,
        params: { assessmentId: s.assessment.id },
      }),
    );
    expect(result.status).toBe(400);
  });
});
