import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSESSMENT_TABS } from "~/modules/assessments/assessment-tabs";
import { db } from "~/utils/db.server";
import { createClient, startAppServer, type AppServer } from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { startRealAssessment } from "./http-fixtures";

/**
 * The assessment page in tabs (issue 15 item 4), over HTTP against the production server: each
 * tab is its own address that renders only its own part (the links work without JavaScript, the
 * active one is aria-current="page"), an unknown tab is the overview, another organisation's
 * assessment is 404 on every tab, and every form comes back to the tab it was posted from.
 */
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer({ mode: "production" });
});

afterAll(async () => {
  await app?.close();
});

async function world() {
  const org = await createOrganization();
  const other = await createOrganization();
  const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  const outsider = await createUser({ organizationId: other.id, role: "ASSESSOR" });
  const vendor = await createVendor({ organizationId: org.id });
  const assessment = await startRealAssessment({
    creator: assessor,
    organizationSlug: org.slug,
    vendorId: vendor.id,
    status: "SUBMITTED",
  });
  const client = createClient(app.baseUrl);
  await client.login(assessor.user.email, assessor.password);
  const foreignClient = createClient(app.baseUrl);
  await foreignClient.login(outsider.user.email, outsider.password);
  return { assessment, client, foreignClient };
}

/** The opening tags of the tab links that carry aria-current="page" (there must be exactly one). */
function currentTabLinks(html: string): string[] {
  const nav =
    /<nav\b[^>]*data-testid="assessment-tabs"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? "";
  return [...nav.matchAll(/<a\b[^>]*aria-current="page"[^>]*>/g)].map((m) => m[0]);
}

/** Something only the given tab shows (its own card), to prove the others are not rendered. */
const MARKER: Record<(typeof ASSESSMENT_TABS)[number], string> = {
  overview: 'data-testid="overview-tab"',
  answers: 'data-testid="answer-row"',
  findings: 'id="findings"',
  conversation: 'id="comments"',
  "vendor-access": 'id="invite-links"',
  decision: 'data-testid="forward-disclosure"',
  reports: 'data-testid="reports-tab"',
};

describe("the assessment page in tabs", () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  });

  it("renders each tab at its own address, with only that tab's part and the tab marked current", async () => {
    for (const tab of ASSESSMENT_TABS) {
      const page = await w.client.get(`/assessments/${w.assessment.id}?tab=${tab}`);
      expect(page.status, tab).toBe(200);
      expect(page.body, tab).toContain(`data-tab="${tab}"`);
      expect(page.body, tab).toContain(MARKER[tab]);
      const current = currentTabLinks(page.body);
      expect(current, tab).toHaveLength(1);
      const href =
        tab === "overview"
          ? `href="/assessments/${w.assessment.id}"`
          : `href="/assessments/${w.assessment.id}?tab=${tab}"`;
      expect(current[0], tab).toContain(href);
      // Every tab is a plain link in the server-rendered page (no JavaScript needed).
      for (const other of ASSESSMENT_TABS.filter((t) => t !== "overview"))
        expect(page.body, `${tab} links ${other}`).toContain(
          `href="/assessments/${w.assessment.id}?tab=${other}"`,
        );
      for (const [markerTab, marker] of Object.entries(MARKER))
        if (markerTab !== tab)
          expect(page.body, `${tab} shows no ${markerTab}`).not.toContain(marker);
    }
  });

  it("an unknown or missing tab is the overview; the next step leads the assessor to the forward form", async () => {
    for (const query of ["", "?tab=nope", "?tab=%3Cscript%3E", "?tab=Answers&tab=answers"]) {
      const page = await w.client.get(`/assessments/${w.assessment.id}${query}`);
      expect(page.status, query).toBe(200);
      expect(page.body, query).toContain('data-tab="overview"');
      expect(page.body).toContain('data-step="reviewAndForward"');
      expect(page.body).toContain(
        `href="/assessments/${w.assessment.id}?tab=decision&amp;open=forward#forward"`,
      );
    }
  });

  it("another organisation's assessment is 404 on every tab", async () => {
    for (const tab of [...ASSESSMENT_TABS, "nope"]) {
      const page = await w.foreignClient.get(`/assessments/${w.assessment.id}?tab=${tab}`);
      expect(page.status, tab).toBe(404);
      expect(page.body).not.toContain(w.assessment.title);
    }
  });

  it("a review form comes back to the tab it posted from; without one (or a bogus one), to the form's own tab", async () => {
    const review = `/assessments/${w.assessment.id}/review`;
    const general = await w.client.post(`${review}?tab=conversation`, {
      intent: "addComment",
      body: "Looks complete.",
      visibility: "INTERNAL",
    });
    expect(general.status).toBe(303);
    expect(general.location).toBe(
      `/assessments/${w.assessment.id}?tab=conversation&review=addComment%3Aok#comments`,
    );
    const finding = await w.client.post(`${review}?tab=evil`, {
      intent: "createFinding",
      title: "x",
      severity: "LOW",
    });
    expect(finding.status).toBe(303);
    expect(finding.location).toMatch(
      new RegExp(`^/assessments/${w.assessment.id}\\?tab=findings&review=createFinding%3A`),
    );
    const foreign = await w.foreignClient.post(`${review}?tab=findings`, {
      intent: "addComment",
      body: "Probe",
      visibility: "INTERNAL",
    });
    expect(foreign.status).toBe(404);
  });

  it("a clarification asked on the Conversation or Answers tab comes back there", async () => {
    const answers = await w.client.get(`/assessments/${w.assessment.id}?tab=answers`);
    const questionKey = /data-question-key="([^"]+)"/.exec(answers.body)![1]!;
    const path = `/assessments/${w.assessment.id}/clarifications`;
    const asked = await w.client.post(`${path}?tab=answers`, {
      intent: "ask",
      questionKey,
      body: "Which regions?",
    });
    expect(asked.status).toBe(303);
    expect(asked.location).toBe(
      `/assessments/${w.assessment.id}?tab=answers#answer-${questionKey}`,
    );
    const thread = await db().clarificationThread.findFirstOrThrow({
      where: { assessmentId: w.assessment.id },
    });
    const replied = await w.client.post(`${path}?tab=conversation`, {
      intent: "reply",
      questionKey,
      threadId: thread.id,
      body: "And sub-processors?",
    });
    expect(replied.location).toBe(
      `/assessments/${w.assessment.id}?tab=conversation#answer-${questionKey}`,
    );
    const conversation = await w.client.get(`/assessments/${w.assessment.id}?tab=conversation`);
    expect(conversation.body).toContain("And sub-processors?");
  });

  it("the page's own forms answer on their tab; the note to the DPO then shows on the overview", async () => {
    const forwarded = await w.client.post(`/assessments/${w.assessment.id}?tab=decision`, {
      intent: "forward",
      note: "Please check the sub-processors in the US.",
    });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body).toContain('data-tab="decision"');
    const overview = await w.client.get(`/assessments/${w.assessment.id}`);
    expect(overview.body).toContain('data-testid="forward-note"');
    expect(overview.body).toContain("Please check the sub-processors in the US.");
    expect(overview.body).toContain('data-step="waitForDecision"');
  });
});
