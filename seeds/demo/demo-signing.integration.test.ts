import { X509Certificate } from "node:crypto";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditTrail } from "../../app/modules/audit/verify-audit-trail.server";
import { createOperatorPkcs12, parsePkcs12 } from "../../app/modules/signing/pkcs12";
import { embeddedCertificates } from "../../app/modules/signing/testing/cms-certificates";
import { verifyReport } from "../../app/modules/signing/verify-report.server";
import { db } from "../../app/utils/db.server";
import { useOperatorCertificate } from "../../tests/support/signed-decisions";
import { DEMO_OPERATOR_NAME } from "../../cli/demo-config";
import { seedDemo } from "./seed-demo.server";

/**
 * The demo as `npm run demo` sets it up: the demo operator's self-signed certificate issues
 * "Demo GmbH — assessment reports", which signs every seeded decision's report; the demo's audit
 * trail is anchored and verifies.
 */
const passphrase = randomBytes(12).toString("base64url");
const operatorP12 = createOperatorPkcs12(DEMO_OPERATOR_NAME, passphrase);
let restore: () => void;

beforeAll(() => {
  restore = useOperatorCertificate(operatorP12, passphrase);
});
afterAll(() => restore());

describe("demo signing", () => {
  it("signs the demo organisation's reports with a certificate the demo operator issued for it", async () => {
    const secret = () => randomBytes(12).toString("base64url");
    const { organizationId } = await seedDemo({
      passwords: { ADMIN: secret(), ASSESSOR: secret(), DPO: secret(), AUDITOR: secret() },
      totpKeys: {
        ADMIN: randomBytes(20).toString("base64"),
        DPO: randomBytes(20).toString("base64"),
      },
      inviteToken: randomBytes(32).toString("base64url"),
    });
    const operator = new X509Certificate(parsePkcs12(operatorP12, passphrase).certificate);
    const reports = await db().signedReport.findMany({
      where: { organizationId },
      select: { signedPdf: true, certificateFingerprint: true },
    });
    expect(reports.length).toBeGreaterThanOrEqual(3);
    expect(new Set(reports.map((r) => r.certificateFingerprint)).size).toBe(1);
    for (const report of reports) {
      const pdf = new Uint8Array(report.signedPdf);
      const [leaf] = embeddedCertificates(pdf);
      expect(leaf!.subject).toBe("CN=Demo GmbH — assessment reports\nO=Demo GmbH");
      expect(leaf!.checkIssued(operator)).toBe(true);
      expect((await verifyReport(pdf)).verdict).toBe("valid");
    }
    const trail = await verifyAuditTrail(db(), organizationId);
    expect(trail).toMatchObject({
      ok: true,
      problems: [],
      reports: { total: reports.length, verified: reports.length },
    });
    expect(trail.checkpoints.verified).toBeGreaterThan(0);
  });
});
