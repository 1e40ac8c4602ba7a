import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssessmentScenario,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { createClient, startAppServer, type AppServer } from "../../../tests/support/app-server";
import { signPdf } from "./pades-sign";
import { createTestCertificateAuthority, parsePkcs12, type SigningIdentity } from "./pkcs12";
import { storeSignedReport } from "./testing/signed-report-fixture";
import { flipByteInSignedRange, makeUnsignedPdf, withAppendedBytes } from "./testing/test-pdf";
import { VERIFY_MAX_BYTES } from "./verify-limits";
import { VERIFY_RATE_LIMIT } from "./verify-upload.server";
import { clearRateLimit } from "../auth/rate-limit.server";
import { db } from "~/utils/db.server";

/**
 * The public /verify page over real HTTP (production build behind server/app.js): no login, every
 * upload gets a verdict panel (never a 500), the size limit holds before buffering.
 */
let app: AppServer;
let scenario: AssessmentScenario;
let stored: Awaited<ReturnType<typeof storeSignedReport>>;
let foreign: SigningIdentity;

beforeAll(async () => {
  app = await startAppServer();
  const ca = createTestCertificateAuthority("Prüfende Organisation GmbH");
  const identity = parsePkcs12(ca.p12, ca.passphrase);
  const other = createTestCertificateAuthority("Somebody Else Ltd");
  foreign = parsePkcs12(other.p12, other.passphrase);
  scenario = await createAssessmentScenario();
  stored = await storeSignedReport({
    organizationId: scenario.org.id,
    assessmentId: scenario.assessment.id,
    decidedById: scenario.dpo.userId,
    identity,
  });
});
afterAll(() => app.close());

function upload(
  bytes: Uint8Array | string,
  name = "report.pdf",
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.append(
    "file",
    new Blob([typeof bytes === "string" ? bytes : Buffer.from(bytes)], { type: "application/pdf" }),
    name,
  );
  // A fresh client per upload: each is an anonymous visitor.
  return createClient(app.baseUrl).post("/verify", form, { headers });
}

function verdictOf(body: string): string | null {
  return /data-verdict="([a-z_]+)"/.exec(body)?.[1] ?? null;
}

describe("/verify", () => {
  it("shows the upload form to anyone, in English and German", async () => {
    const page = await createClient(app.baseUrl).get("/verify");
    expect(page.status).toBe(200);
    expect(page.body).toContain("Verify a signed assessment report");
    expect(page.body).toMatch(/enctype="multipart\/form-data"/i);
    const german = await createClient(app.baseUrl).get("/verify", {
      headers: { "Accept-Language": "de-DE,de;q=0.9" },
    });
    expect(german.body).toContain("Signierten Bewertungsbericht prüfen");
  });

  it("accepts an issued, unchanged report and names organisation, assessment, vendor and signer", async () => {
    const res = await upload(stored.signed);
    expect(res.status).toBe(200);
    expect(verdictOf(res.body)).toBe("valid");
    expect(res.body).toContain("Valid and unchanged");
    expect(res.body).toContain(scenario.assessment.id);
    expect(res.body).toContain(scenario.vendor.name);
    expect(res.body).toContain("Prüfende Organisation GmbH");
  });

  it("rejects a tampered copy and an extended copy with a clear verdict", async () => {
    const tampered = await upload(flipByteInSignedRange(stored.signed));
    expect(tampered.status).toBe(200);
    expect(verdictOf(tampered.body)).toBe("modified");
    expect(tampered.body).toContain("Modified after signing");
    expect(tampered.body).toContain(scenario.assessment.id);
    const appended = await upload(withAppendedBytes(stored.signed));
    expect(verdictOf(appended.body)).toBe("modified");
  });

  it("calls a foreign signed file unknown, an unsigned PDF unsigned and garbage not a PDF", async () => {
    const foreignSigned = await signPdf(await makeUnsignedPdf("Foreign"), foreign, {
      signingTime: new Date(),
    });
    const unknown = await upload(foreignSigned);
    expect(unknown.status).toBe(200);
    expect(verdictOf(unknown.body)).toBe("unknown");
    expect(verdictOf((await upload(await makeUnsignedPdf())).body)).toBe("unsigned");
    const garbage = await upload("\u0000\u0001 definitely not a PDF", "garbage.pdf");
    expect(garbage.status).toBe(200);
    expect(verdictOf(garbage.body)).toBe("not_pdf");
    expect(garbage.body).toContain("Not a readable PDF");
  });

  it("answers a request without a file with 400, not an error page", async () => {
    const res = await createClient(app.baseUrl).post("/verify", { file: "x" });
    expect(res.status).toBe(400);
    expect(res.body).toContain("Choose a PDF file to verify.");
  });

  it("refuses an upload above the 25 MB limit with 413, not an error page", async () => {
    const res = await upload(new Uint8Array(VERIFY_MAX_BYTES + 1024 * 1024), "huge.pdf");
    expect(res.status).toBe(413);
    expect(res.body).toContain("The file is larger than 25 MB.");
  });

  // Last: it exhausts this IP's window.
  it("limits checks per IP with 429 and Retry-After", async () => {
    const bucket = await db().rateLimitBucket.findFirstOrThrow({
      where: { key: { startsWith: "verify:ip:" } },
    });
    await db().rateLimitBucket.update({
      where: { key: bucket.key },
      data: { count: VERIFY_RATE_LIMIT.limit },
    });
    const res = await upload(stored.signed);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(res.body).toContain("Too many checks from your network.");
    expect(verdictOf(res.body)).toBeNull();
    await clearRateLimit(bucket.key);
    expect(verdictOf((await upload(stored.signed)).body)).toBe("valid");
  });
});
