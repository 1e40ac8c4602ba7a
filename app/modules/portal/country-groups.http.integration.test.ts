import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vendorSessionCookie } from "~/modules/auth/cookies.server";
import { db } from "~/utils/db.server";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../../../tests/support/app-server";
import { createAssessmentScenario } from "../../../tests/support/assessment-factories";
import { verifiedSession } from "../../../tests/support/vendor-sessions";

/**
 * Issue 11, item 18: the countries input groups countries into EU/EEA, adequacy decision and the
 * rest of the world with the residency rating's own data and rules, on the assessment's date
 * (not today): the United Kingdom's decision runs until 2031-12-27, Brazil's starts 2026-01-26.
 */
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

/** The vendor's portal for an assessment started on `startedOn`. */
async function portalOfAssessmentStarted(startedOn: string): Promise<HttpClient> {
  const s = await createAssessmentScenario();
  await db().assessment.update({
    where: { id: s.assessment.id },
    data: { createdAt: new Date(`${startedOn}T09:00:00Z`) },
  });
  const invite = await s.createInvite();
  const serialized = await vendorSessionCookie().serialize(await verifiedSession(invite.token));
  const [pair = ""] = serialized.split(";");
  const client = createClient(app.baseUrl);
  client.setCookie(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
  return client;
}

/** Country codes per group ("EU / EEA", adequacy, other) of one countries question on the page. */
async function groupsOn(
  client: HttpClient,
  questionKey: string,
): Promise<Record<string, string[]>> {
  const page = await client.get("/portal");
  expect(page.status).toBe(200);
  const start = page.body.indexOf(`data-question-key="${questionKey}"`);
  expect(start).toBeGreaterThan(-1);
  const fieldset = page.body.slice(start, page.body.indexOf("</fieldset>", start));
  // Groups are told apart by their (English) headings.
  const titles: Record<string, string> = {
    "EU / EEA": "eu_eea",
    "Countries with an EU adequacy decision": "adequacy",
    "Other countries": "world",
  };
  const groups: Record<string, string[]> = {};
  for (const details of fieldset.matchAll(
    /<details\b[^>]*>\s*<summary[^>]*>([^<(]*)[\s\S]*?<\/details>/g,
  )) {
    const group = titles[details[1]!.trim()];
    expect(group, `a known group heading: ${details[1]}`).toBeDefined();
    groups[group!] = [...details[0].matchAll(/type="checkbox"[^>]*value="([A-Z]{2})"/g)].map(
      (m) => m[1]!,
    );
  }
  expect(Object.keys(groups).sort()).toEqual(["adequacy", "eu_eea", "world"]);
  return groups;
}

describe("country groups in the vendor portal", () => {
  it("an assessment dated December 2026: the United Kingdom is grouped with the adequacy decisions", async () => {
    const groups = await groupsOn(
      await portalOfAssessmentStarted("2026-12-01"),
      "residency.storage_countries",
    );
    expect(groups.adequacy).toContain("GB");
    expect(groups.adequacy).toContain("CH");
    expect(groups.adequacy).toContain("BR");
    expect(groups.world).not.toContain("GB");
    expect(groups.eu_eea).toContain("DE");
    expect(groups.eu_eea).toContain("NO");
    expect(groups.world).toContain("CN");
  });

  it("a decision not in force on the assessment's date does not count, whatever today is", async () => {
    // Brazil's decision starts on 2026-01-26: not yet for an assessment of June 2025.
    const before = await groupsOn(
      await portalOfAssessmentStarted("2025-06-15"),
      "residency.storage_countries",
    );
    expect(before.adequacy).not.toContain("BR");
    expect(before.world).toContain("BR");
    expect(before.adequacy).toContain("GB");
    // The United Kingdom's decision ends on 2031-12-27.
    const after = await groupsOn(
      await portalOfAssessmentStarted("2032-01-10"),
      "residency.storage_countries",
    );
    expect(after.adequacy).not.toContain("GB");
    expect(after.world).toContain("GB");
  });
});
