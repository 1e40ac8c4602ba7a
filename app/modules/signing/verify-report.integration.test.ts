import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import {
  createAssessmentScenario,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { signPdf } from "./pades-sign";
import { createTestCertificateAuthority, parsePkcs12, type SigningIdentity } from "./pkcs12";
import { storeSignedReport } from "./testing/signed-report-fixture";
import {
  flipByteInSignedRange,
  makeUnsignedPdf,
  toolWorkspace,
  withAppendedBytes,
  type ToolWorkspace,
} from "./testing/test-pdf";
import { verifyReport } from "./verify-report.server";

/**
 * The public verdict (database + signature) and the `vetted verify` / `vetted report` commands,
 * on both databases. Reports are stored as the decision use case stores them.
 */
const root = path.resolve(import.meta.dirname, "../../..");

function vetted(args: string[]) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["cli/vetted.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: process.env,
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let ours: SigningIdentity;
let foreign: SigningIdentity;
let scenario: AssessmentScenario;
let stored: Awaited<ReturnType<typeof storeSignedReport>>;
let tools: ToolWorkspace;

beforeAll(async () => {
  const ca = createTestCertificateAuthority("Prüfende Organisation GmbH");
  ours = parsePkcs12(ca.p12, ca.passphrase);
  const other = createTestCertificateAuthority("Somebody Else Ltd");
  foreign = parsePkcs12(other.p12, other.passphrase);
  scenario = await createAssessmentScenario();
  stored = await storeSignedReport({
    organizationId: scenario.org.id,
    assessmentId: scenario.assessment.id,
    decidedById: scenario.dpo.userId,
    identity: ours,
  });
  tools = toolWorkspace();
});
afterAll(() => tools.cleanup());

describe("verifyReport", () => {
  it("recognises an issued, unchanged report with its organisation, assessment, vendor and signer", async () => {
    const result = await verifyReport(stored.signed);
    expect(result.verdict).toBe("valid");
    expect(result.report).toMatchObject({
      organizationName: scenario.org.name,
      assessmentId: scenario.assessment.id,
      assessmentTitle: scenario.assessment.title,
      vendorName: scenario.vendor.name,
      decisionId: stored.decision.id,
      decisionOutcome: "APPROVED",
      signerName: "Prüfende Organisation GmbH",
      supersededAt: null,
    });
    expect(result.report!.signedAt.getTime()).toBe(stored.report.signedAt.getTime());
  });

  it("says when a later decision superseded the report", async () => {
    const other = await createAssessmentScenario({ organizationId: scenario.org.id });
    const old = await storeSignedReport({
      organizationId: scenario.org.id,
      assessmentId: other.assessment.id,
      decidedById: scenario.dpo.userId,
      identity: ours,
    });
    const supersededAt = new Date("2026-01-15T09:00:00Z");
    await db().decision.update({ where: { id: old.decision.id }, data: { supersededAt } });
    const result = await verifyReport(old.signed);
    expect(result.verdict).toBe("valid");
    expect(result.report?.supersededAt?.toISOString()).toBe(supersededAt.toISOString());
  });

  it("calls a changed byte 'modified' and names the report the file claims to be", async () => {
    const result = await verifyReport(flipByteInSignedRange(stored.signed));
    expect(result.verdict).toBe("modified");
    expect(result.report?.assessmentId).toBe(scenario.assessment.id);
  });

  it("calls appended bytes 'modified' and names the report the file starts with", async () => {
    const result = await verifyReport(withAppendedBytes(stored.signed));
    expect(result.verdict).toBe("modified");
    expect(result.report?.decisionId).toBe(stored.decision.id);
  });

  it("calls a validly signed file we did not issue 'unknown'", async () => {
    const signed = await signPdf(await makeUnsignedPdf("Foreign"), foreign, {
      signingTime: new Date(),
    });
    const result = await verifyReport(signed);
    expect(result.signature.kind).toBe("valid");
    expect(result.verdict).toBe("unknown");
    expect(result.report).toBeNull();
    // A tampered foreign file claims nothing of ours.
    const tampered = await verifyReport(flipByteInSignedRange(signed));
    expect(tampered).toMatchObject({ verdict: "modified", report: null });
  });

  it("reports unsigned PDFs and garbage without throwing", async () => {
    expect((await verifyReport(await makeUnsignedPdf())).verdict).toBe("unsigned");
    expect(
      (await verifyReport(new TextEncoder().encode("PK\u0003\u0004 a zip, not a pdf"))).verdict,
    ).toBe("not_pdf");
  });
});

describe("vetted verify / vetted report", () => {
  it("exits 0 for a valid, unchanged report, 1 for modified or unknown, 2 for a non-PDF", async () => {
    const valid = vetted(["verify", tools.write("valid.pdf", stored.signed)]);
    expect(valid.stdout).toContain("VALID");
    expect(valid.stdout).toContain(scenario.assessment.id);
    expect(valid.stdout).toContain(scenario.org.name);
    expect(valid.code).toBe(0);

    const tampered = vetted([
      "verify",
      tools.write("tampered.pdf", flipByteInSignedRange(stored.signed)),
    ]);
    expect(tampered.stdout).toContain("MODIFIED");
    expect(tampered.code).toBe(1);

    const appended = vetted([
      "verify",
      tools.write("appended.pdf", withAppendedBytes(stored.signed)),
    ]);
    expect(appended.stdout).toContain("MODIFIED");
    expect(appended.code).toBe(1);

    const foreignSigned = await signPdf(await makeUnsignedPdf("Foreign"), foreign, {
      signingTime: new Date(),
    });
    const unknown = vetted(["verify", tools.write("foreign.pdf", foreignSigned)]);
    expect(unknown.stdout).toContain("UNKNOWN");
    expect(unknown.code).toBe(1);

    const garbage = vetted(["verify", tools.write("garbage.pdf", "this is not a pdf")]);
    expect(garbage.stdout).toContain("NOT A READABLE PDF");
    expect(garbage.code).toBe(2);

    expect(vetted(["verify", path.join(tools.dir, "missing.pdf")]).code).toBe(2);
  }, 150_000); // six runs of the CLI, each a fresh process (tsx, migrations, a parser worker)

  it("report writes the organisation's signed reports, byte for byte, and nothing of other organisations", async () => {
    const otherOrg = await createAssessmentScenario();
    const theirs = await storeSignedReport({
      organizationId: otherOrg.org.id,
      assessmentId: otherOrg.assessment.id,
      decidedById: otherOrg.dpo.userId,
      identity: ours,
    });
    const outDir = mkdtempSync(path.join(tmpdir(), "vetted-reports-"));
    try {
      const all = vetted(["report", "--org", scenario.org.slug, "--out-dir", outDir]);
      expect(all.code).toBe(0);
      const expected = await db().signedReport.findMany({
        where: { organizationId: scenario.org.id },
        select: { assessmentId: true, decisionId: true, sha256: true },
      });
      expect(expected.length).toBeGreaterThanOrEqual(1);
      expect(readdirSync(outDir).sort()).toEqual(
        expected.map((r) => `${r.assessmentId}-${r.decisionId}.pdf`).sort(),
      );
      const file = path.join(outDir, `${scenario.assessment.id}-${stored.decision.id}.pdf`);
      expect(Buffer.from(readFileSync(file)).equals(Buffer.from(stored.signed))).toBe(true);
      expect(
        existsSync(path.join(outDir, `${otherOrg.assessment.id}-${theirs.decision.id}.pdf`)),
      ).toBe(false);

      // --assessment of another organisation finds nothing.
      const crossed = vetted([
        "report",
        "--org",
        scenario.org.slug,
        "--out-dir",
        outDir,
        "--assessment",
        otherOrg.assessment.id,
      ]);
      expect(crossed.code).toBe(1);
      const one = mkdtempSync(path.join(tmpdir(), "vetted-reports-one-"));
      const narrowed = vetted([
        "report",
        "--org",
        scenario.org.slug,
        "--out-dir",
        one,
        "--assessment",
        scenario.assessment.id,
      ]);
      expect(narrowed.code).toBe(0);
      expect(readdirSync(one)).toEqual([`${scenario.assessment.id}-${stored.decision.id}.pdf`]);
      rmSync(one, { recursive: true, force: true });

      expect(vetted(["report", "--org", "no-such-org", "--out-dir", outDir]).code).toBe(1);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
