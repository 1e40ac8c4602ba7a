import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createClient, startAppServer, type AppServer } from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { decodeEntities, startRealAssessment } from "./http-fixtures";

/**
 * The decision page while a decision's signed report is pending or was given up (ADR 0020): it
 * says so in the user's language, without JavaScript too, and never answers 500.
 */
let app: AppServer;

/** The whole text of the paragraph carrying data-testid="<id>" (React splits it with comments). */
function paragraphText(html: string, id: string): string {
  const match = new RegExp(`data-testid="${id}"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  return match ? decodeEntities(match[1]!.replace(/<[^>]*>/g, "")) : "";
}

beforeAll(async () => {
  app = await startAppServer({ mode: "production" });
});

afterAll(async () => {
  await app?.close();
});

async function decidedWithPendingReport(status: "PENDING" | "FAILED", lastError: string | null) {
  const org = await createOrganization();
  const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  const dpo = await createUser({ organizationId: org.id, role: "DPO", withTotp: true });
  const vendor = await createVendor({ organizationId: org.id });
  const assessment = await startRealAssessment({
    creator: assessor,
    organizationSlug: org.slug,
    vendorId: vendor.id,
    status: "APPROVED",
  });
  const decision = await db().decision.create({
    data: {
      organizationId: org.id,
      assessmentId: assessment.id,
      outcome: "APPROVED",
      rationale: "Geeignet für den Einsatz.",
      decidedById: dpo.user.id,
    },
  });
  await db().pendingReport.create({
    data: {
      decisionId: decision.id,
      organizationId: org.id,
      assessmentId: assessment.id,
      reportInput: "{}",
      auditHeadSeq: 1,
      auditHeadHash: "0".repeat(64),
      status,
      attempts: status === "FAILED" ? 12 : 1,
      lastError,
      nextAttemptAt: new Date(Date.now() + 30_000),
    },
  });
  const client = createClient(app.baseUrl);
  await client.login(dpo.user.email, dpo.password, dpo.totpKey);
  return { client, assessmentId: assessment.id, dpoUserId: dpo.user.id };
}

describe("the decision page and a pending signed report", () => {
  it("says the report is being signed, why the last attempt failed, and refreshes itself without JavaScript", async () => {
    const { client, assessmentId } = await decidedWithPendingReport("PENDING", "fetch failed");
    const page = await client.get(`/assessments/${assessmentId}?tab=reports`);
    expect(page.status).toBe(200);
    const text = paragraphText(page.body, "report-pending");
    expect(text).toContain("is being signed");
    expect(text).toContain("The last attempt to sign it failed (fetch failed)");
    expect(page.body).toMatch(/<noscript><meta http-equiv="refresh" content="\d+"\/?><\/noscript>/);
    expect(page.body).toContain(`href="/assessments/${assessmentId}?tab=reports"`);
  });

  it("says in German that a given-up report could not be made, and that the decision stands", async () => {
    const { client, assessmentId, dpoUserId } = await decidedWithPendingReport(
      "FAILED",
      "the timestamp authority answered HTTP 503",
    );
    await db().user.update({ where: { id: dpoUserId }, data: { locale: "de" } });
    const page = await client.get(`/assessments/${assessmentId}?tab=reports`);
    expect(page.status).toBe(200);
    const text = paragraphText(page.body, "report-failed");
    expect(text).toContain("konnte nach 12 Versuchen nicht erstellt werden");
    expect(text).toContain("HTTP 503");
    expect(text).toContain("Die Entscheidung gilt.");
    // Nothing left to wait for: no refresh.
    expect(page.body).not.toContain('http-equiv="refresh"');
  });
});
