import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vendorSessionCookie } from "~/modules/auth/cookies.server";
import { requestChanges } from "~/modules/review/change-requests.server";
import { db } from "~/utils/db.server";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../../../tests/support/app-server";
import {
  createAssessmentScenario,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { formsIn, successfulControls, withField } from "../../../tests/support/browser-form";
import { setupSmtpCatcher } from "../../../tests/support/mail";
import { verifiedSession } from "../../../tests/support/vendor-sessions";
import { delegateSections } from "./delegate-sections.server";
import { submitAssessment } from "./submit-assessment.server";

/**
 * The blocker of issue 11: after "request changes" the vendor could not resubmit. The page is
 * fetched over real HTTP, its questionnaire form is posted exactly as a browser without
 * JavaScript would post it (every enabled field, checked boxes, selected options), with the
 * reopened answer edited. The submit must succeed and leave every other answer untouched.
 */
const smtp = setupSmtpCatcher();
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer({ mode: "production" });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const REOPENED = "data_use.retention_days";

async function portalClient(token: string): Promise<HttpClient> {
  const sessionToken = await verifiedSession(token);
  const serialized = await vendorSessionCookie().serialize(sessionToken);
  const [pair = ""] = serialized.split(";");
  const client = createClient(app.baseUrl);
  client.setCookie(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
  return client;
}

/** The questionnaire form of /portal as a browser would submit it. */
async function questionnaireForm(client: HttpClient): Promise<[string, string][]> {
  const page = await client.get("/portal");
  expect(page.status).toBe(200);
  const form = formsIn(page.body).find((f) => f.html.includes('data-testid="question"'));
  expect(form, "the questionnaire form").toBeDefined();
  return successfulControls(form!.html);
}

/** "Submit" asks first (issue 15): the confirmation page (200), then the confirmed submit. */
async function submitConfirmed(client: HttpClient, fields: [string, string][]) {
  const asked = await client.post("/portal", [...fields, ["intent", "submit"]]);
  expect(asked.body).not.toContain("not reopened");
  expect(asked.status).toBe(200);
  expect(asked.body).toContain('data-testid="confirm-submit"');
  return client.post("/portal", [["intent", "confirm_submit"]]);
}

/** A submitted assessment on which the assessor requested changes to REOPENED. */
async function changesRequested(): Promise<{
  s: AssessmentScenario;
  token: string;
  before: Map<string, { value: string; version: number }>;
}> {
  const s = await createAssessmentScenario();
  const { invite, vendor } = await s.invitedVendor();
  await s.answer(vendor, s.completeAnswers({ [REOPENED]: 90 }));
  expect(await submitAssessment(vendor)).toEqual({ ok: true });
  await requestChanges(s.assessor, {
    assessmentId: s.assessment.id,
    questionKeys: [REOPENED],
    message: "Please check the retention period",
  });
  expect((await s.reload()).status).toBe("CHANGES_REQUESTED");
  const rows = await db().answer.findMany({
    where: { assessmentId: s.assessment.id },
    select: { questionKey: true, value: true, version: true },
  });
  return {
    s,
    token: invite.token,
    before: new Map(rows.map((r) => [r.questionKey, { value: r.value, version: r.version }])),
  };
}

async function expectOnlyReopenedChanged(
  s: AssessmentScenario,
  before: Map<string, { value: string; version: number }>,
  value: unknown,
) {
  const after = await db().answer.findMany({
    where: { assessmentId: s.assessment.id },
    select: { questionKey: true, value: true, version: true },
  });
  expect(after.length).toBe(before.size);
  for (const row of after) {
    if (row.questionKey === REOPENED) {
      expect(JSON.parse(row.value)).toEqual(value);
      expect(row.version).toBe(before.get(REOPENED)!.version + 1);
    } else {
      expect({ key: row.questionKey, value: row.value, version: row.version }).toEqual({
        key: row.questionKey,
        ...before.get(row.questionKey),
      });
    }
  }
}

describe("resubmitting after 'request changes' (plain form, no JavaScript)", () => {
  it("the whole page posted with the reopened answer edited: saved, resubmitted, nothing else touched", async () => {
    const { s, token, before } = await changesRequested();
    const vendor = await portalClient(token);
    const fields = await questionnaireForm(vendor);
    // Only the reopened question is in the form at all; read-only questions send nothing.
    const keys = new Set(fields.map(([name]) => name.split(".").slice(1, 3).join(".")));
    expect([...keys].sort()).toEqual([REOPENED].sort());

    smtp().clear();
    const response = await submitConfirmed(vendor, withField(fields, `q.${REOPENED}`, ["30"]));
    expect(response.body).not.toContain("not reopened");
    expect(response.status).toBe(302);
    expect(response.location).toBe("/portal");
    expect((await s.reload()).status).toBe("SUBMITTED");
    await expectOnlyReopenedChanged(s, before, 30);
    const open = await db().changeRequest.count({
      where: { assessmentId: s.assessment.id, closedAt: null },
    });
    expect(open).toBe(0);
  });

  it("a stale or hand-made form naming questions that were not reopened is not refused: they are ignored", async () => {
    const { s, token, before } = await changesRequested();
    const vendor = await portalClient(token);
    // What the page sent before the fix: version and shown value of every question, no value for the read-only ones.
    const stale: [string, string][] = [];
    for (const [key, answer] of before) {
      stale.push([`v.${key}`, String(answer.version)], [`o.${key}`, answer.value]);
    }
    stale.push([`q.${REOPENED}`, "45"], ["q.security.encryption", "no"]);
    const response = await submitConfirmed(vendor, stale);
    expect(response.body).not.toContain("not reopened");
    expect(response.status).toBe(302);
    expect((await s.reload()).status).toBe("SUBMITTED");
    await expectOnlyReopenedChanged(s, before, 45);
  });

  it("a fresh contact invited after the change request resubmits the same way", async () => {
    const { s, before } = await changesRequested();
    const fresh = await s.createInvite({ contactEmail: "new-contact@acme.example" });
    const vendor = await portalClient(fresh.token);
    const fields = await questionnaireForm(vendor);
    const response = await submitConfirmed(vendor, withField(fields, `q.${REOPENED}`, ["14"]));
    expect(response.status).toBe(302);
    expect((await s.reload()).status).toBe("SUBMITTED");
    await expectOnlyReopenedChanged(s, before, 14);
  });

  it("autosave (the JavaScript path) saves the reopened question and refuses one that was not reopened", async () => {
    const { s, token, before } = await changesRequested();
    const vendor = await portalClient(token);
    const version = before.get(REOPENED)!.version;
    const saved = await vendor.post("/portal/answer", [
      ["questionKey", REOPENED],
      [`v.${REOPENED}`, String(version)],
      [`o.${REOPENED}`, before.get(REOPENED)!.value],
      [`q.${REOPENED}`, "60"],
    ]);
    expect(JSON.parse(saved.body)).toMatchObject({
      status: "saved",
      questionKey: REOPENED,
      version: version + 1,
    });
    const other = before.get("security.encryption")!;
    const refused = await vendor.post("/portal/answer", [
      ["questionKey", "security.encryption"],
      ["v.security.encryption", String(other.version)],
      ["o.security.encryption", other.value],
      ["q.security.encryption", "no"],
    ]);
    // (Called directly, outside Remix's single fetch, the resource route answers 200 with the outcome.)
    expect(JSON.parse(refused.body)).toMatchObject({
      status: "invalid",
      questionKey: "security.encryption",
    });
    // The JavaScript Submit button posts the same form as above (intent=submit, then confirm).
    const fields = await questionnaireForm(vendor);
    const submitted = await submitConfirmed(vendor, fields);
    expect(submitted.status).toBe(302);
    await expectOnlyReopenedChanged(s, before, 60);
    // A save that changes nothing and arrives after the submit (its timer was still running when
    // the contact pressed Submit) is answered "unchanged", not refused as read-only.
    const late = await vendor.post("/portal/answer", [
      ["questionKey", REOPENED],
      [`v.${REOPENED}`, String(version + 1)],
      [`o.${REOPENED}`, "60"],
      [`q.${REOPENED}`, "60"],
    ]);
    expect(JSON.parse(late.body)).toMatchObject({ status: "unchanged", questionKey: REOPENED });
  });

  it("a delegated colleague saves the whole page of their sections during a change request without errors", async () => {
    const { s, token, before } = await changesRequested();
    const contact = await s.vendorActorFor(
      (await db().inviteLink.findFirstOrThrow({ where: { assessmentId: s.assessment.id } })).id,
    );
    expect(contact).toBeDefined();
    // The request reopened a question of "data_use"; the colleague has "data_use" and "security".
    await delegateSections(contact, {
      contactEmail: "colleague@acme.example",
      sections: ["security", "data_use"],
      locale: "en",
    });
    const mail = await smtp().waitFor((m) => m.to.includes("colleague@acme.example"));
    const colleagueToken = /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    const colleague = await portalClient(colleagueToken);
    const fields = await questionnaireForm(colleague);
    const response = await colleague.post("/portal", [
      ...withField(fields, `q.${REOPENED}`, ["21"]),
      ["intent", "save"],
    ]);
    expect(response.status).toBe(200);
    expect(response.body).not.toContain("not reopened");
    expect(response.body).not.toContain("was not delegated");
    await expectOnlyReopenedChanged(s, before, 21);
    expect(token).not.toBe(colleagueToken);
  });
});
