import { X509Certificate } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createOrganization } from "../../../tests/support/factories";
import { auditEventsOf } from "../../../tests/support/assessment-factories";
import {
  decidedAssessmentWithReport,
  useOperatorCertificate,
} from "../../../tests/support/signed-decisions";
import { createTestCertificateAuthority, createTestOperatorAuthority } from "./pkcs12";
import { embeddedCertificates } from "./testing/cms-certificates";
import { toolWorkspace, type ToolWorkspace } from "./testing/test-pdf";
import { verifyPdfSignature } from "./verify-pdf-signature";
import { verifyReport } from "./verify-report.server";

/**
 * One deployment serves many organisations: each organisation's reports are signed with a
 * certificate of its own that the operator's certificate issued for it (subject O=<organisation>,
 * CN="<organisation> — assessment reports", issuer the operator), created on first use and reused.
 * pdfsig, given only the operator's root as trusted, must accept each report and name the
 * organisation; the CMS carries the chain up to the operator.
 */
const operator = createTestOperatorAuthority("Vetted Hosting GmbH — report signing");
let restore: () => void;
let tools: ToolWorkspace;

beforeAll(() => {
  tools = toolWorkspace();
});
afterEach(() => restore?.());
afterAll(() => tools.cleanup());

function signedPdfOf(reportId: string) {
  return db().signedReport.findUniqueOrThrow({
    where: { id: reportId },
    select: { signedPdf: true, certificateFingerprint: true },
  });
}

describe("per-organisation signing certificates", () => {
  it("two organisations' reports carry different signer certificates naming their organisation, issued by the operator, chain embedded", async () => {
    restore = useOperatorCertificate(operator.p12, operator.passphrase);
    const operatorCert = new X509Certificate(operator.operatorPem);
    const root = new X509Certificate(operator.rootPem);
    const nss = tools.nssTrusting(operator.rootPem);
    const names = ["Müller & Söhne Versicherung AG", "Nordlicht Bank eG"];
    const fingerprints: string[] = [];
    for (const name of names) {
      const org = await createOrganization({ name });
      const { reportId } = await decidedAssessmentWithReport({ organizationId: org.id });
      const report = await signedPdfOf(reportId);
      const pdf = new Uint8Array(report.signedPdf);
      fingerprints.push(report.certificateFingerprint);

      const [leaf, ...chain] = embeddedCertificates(pdf);
      expect(leaf!.subject).toBe(`CN=${name} — assessment reports\nO=${name}`);
      expect(leaf!.issuer).toBe(operatorCert.subject);
      expect(leaf!.checkIssued(operatorCert) && leaf!.verify(operatorCert.publicKey)).toBe(true);
      expect(leaf!.ca).toBe(false);
      expect(chain.map((c) => c.fingerprint256)).toEqual([
        operatorCert.fingerprint256,
        root.fingerprint256,
      ]);

      const ours = await verifyPdfSignature(pdf);
      expect(ours).toMatchObject({
        kind: "valid",
        signerName: `${name} — assessment reports`,
        certificateFingerprint: report.certificateFingerprint,
      });
      expect((await verifyReport(pdf)).verdict).toBe("valid");

      const out = tools.pdfsig(tools.write(`${org.slug}.pdf`, pdf), nss);
      expect(out).toContain("Signature Validation: Signature is Valid.");
      expect(out).toContain("Certificate Validation: Certificate is Trusted.");
      expect(out).toContain(`Signer Certificate Common Name: ${name} — assessment reports`);
      expect(out).toContain("Total document signed");
    }
    expect(new Set(fingerprints).size).toBe(2);
  });

  it("issues an organisation's certificate once, audited, and reuses it for its next reports", async () => {
    restore = useOperatorCertificate(operator.p12, operator.passphrase);
    const org = await createOrganization({ name: "Einmal Ausgestellt GmbH" });
    const first = await decidedAssessmentWithReport({ organizationId: org.id });
    const second = await decidedAssessmentWithReport({ organizationId: org.id });
    const [a, b] = await Promise.all([signedPdfOf(first.reportId), signedPdfOf(second.reportId)]);
    expect(b.certificateFingerprint).toBe(a.certificateFingerprint);
    const rows = await db().signingCertificate.findMany({ where: { organizationId: org.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: "ISSUED",
      fingerprint: a.certificateFingerprint,
      retiredAt: null,
    });
    // The key is stored encrypted (AES-256-GCM "v1.…"), never as a PEM.
    expect(rows[0]!.privateKeyEnc).toMatch(/^v1\./);
    expect(rows[0]!.privateKeyEnc).not.toContain("PRIVATE KEY");
    const issued = await auditEventsOf(org.id, "signing_certificate.issued");
    expect(issued).toHaveLength(1);
    expect(JSON.parse(issued[0]!.payload)).toMatchObject({
      fingerprint: a.certificateFingerprint,
      subject: "CN=Einmal Ausgestellt GmbH — assessment reports, O=Einmal Ausgestellt GmbH",
    });
    // Issued before the decision's transaction: the report's chain head is still the decision's event.
    const decided = (await auditEventsOf(org.id, "assessment.decided"))[0]!;
    expect(issued[0]!.seq).toBeLessThan(decided.seq);
  });

  it("a new operator certificate leads to a new certificate for the organisation; the old one keeps verifying", async () => {
    restore = useOperatorCertificate(operator.p12, operator.passphrase);
    const org = await createOrganization({ name: "Wechsel AG" });
    const before = await decidedAssessmentWithReport({ organizationId: org.id });
    restore();
    const successor = createTestOperatorAuthority("Vetted Hosting GmbH — 2027");
    restore = useOperatorCertificate(successor.p12, successor.passphrase);
    const after = await decidedAssessmentWithReport({ organizationId: org.id });
    const [old, fresh] = await Promise.all([
      signedPdfOf(before.reportId),
      signedPdfOf(after.reportId),
    ]);
    expect(fresh.certificateFingerprint).not.toBe(old.certificateFingerprint);
    expect(embeddedCertificates(new Uint8Array(fresh.signedPdf))[0]!.issuer).toBe(
      new X509Certificate(successor.operatorPem).subject,
    );
    const rows = await db().signingCertificate.findMany({
      where: { organizationId: org.id },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => [r.source, r.retiredAt === null, r.privateKeyEnc === null])).toEqual([
      ["ISSUED", false, true],
      ["ISSUED", true, false],
    ]);
    expect((await verifyReport(new Uint8Array(old.signedPdf))).verdict).toBe("valid");
  });

  it("an operator certificate that cannot issue (no CA) signs directly, and is recorded for the organisation", async () => {
    const leafOnly = createTestCertificateAuthority("Vetted Hosting GmbH (leaf only)");
    restore = useOperatorCertificate(leafOnly.p12, leafOnly.passphrase);
    const org = await createOrganization({ name: "Ohne Ausstellung GmbH" });
    const { reportId } = await decidedAssessmentWithReport({ organizationId: org.id });
    const report = await signedPdfOf(reportId);
    expect((await verifyPdfSignature(new Uint8Array(report.signedPdf))).signerName).toBe(
      "Vetted Hosting GmbH (leaf only)",
    );
    const rows = await db().signingCertificate.findMany({ where: { organizationId: org.id } });
    expect(rows.map((r) => [r.source, r.fingerprint, r.privateKeyEnc])).toEqual([
      ["OPERATOR", report.certificateFingerprint, null],
    ]);
    expect(await auditEventsOf(org.id, "signing_certificate.operator_used")).toHaveLength(1);
  });
});
