import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { AppLoadContext } from "@remix-run/node";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as signingRoute from "~/routes/admin.signing";
import { db } from "~/utils/db.server";
import { verifyAuditTrail } from "../audit/verify-audit-trail.server";
import { createSessionFor } from "../../../tests/support/admin-factories";
import { auditEventsOf } from "../../../tests/support/assessment-factories";
import { createOrganization, createUser } from "../../../tests/support/factories";
import {
  decidedAssessmentWithReport,
  useOperatorCertificate,
} from "../../../tests/support/signed-decisions";
import {
  certificateDer,
  createCertificate,
  createTestCertificateAuthority,
  createTestOperatorAuthority,
  parsePkcs12,
} from "./pkcs12";
import { identityOfStoredCertificate } from "./signing-certificate-record.server";
import { embeddedCertificates } from "./testing/cms-certificates";
import { toolWorkspace, type ToolWorkspace } from "./testing/test-pdf";

/**
 * Admin → Settings → Report signing certificate, through the route as Remix calls it with real
 * sessions: an ADMIN with a fresh second factor uploads the organisation's own PKCS#12 (the
 * passphrase is checked at once, the key stored encrypted and never sent back), replaces or
 * removes it; reports are then signed with it. Bad files get a message on the page, nothing else.
 */
const context = {
  requestId: "test-request",
  cspNonce: "nonce",
  clientIp: "192.0.2.50",
} as AppLoadContext;
const operator = createTestOperatorAuthority("Vetted Hosting GmbH — report signing");
let restore: () => void;
let tools: ToolWorkspace;

beforeAll(() => {
  restore = useOperatorCertificate(operator.p12, operator.passphrase);
  tools = toolWorkspace();
});
afterAll(() => {
  restore();
  tools.cleanup();
});

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
  if (value instanceof Response)
    return {
      status: value.status,
      body: await value.text(),
      location: value.headers.get("Location"),
    };
  const wrapped = value as { type?: string; data?: unknown; init?: { status?: number } | null };
  if (wrapped?.type === "DataWithResponseInit")
    return { status: wrapped.init?.status ?? 200, body: wrapped.data, location: null };
  return { status: 200, body: value, location: null };
}

function upload(cookie: string, file: Uint8Array, passphrase: string) {
  const form = new FormData();
  form.set("intent", "upload");
  form.set(
    "certificate",
    new File([Buffer.from(file)], "signing.p12", { type: "application/x-pkcs12" }),
  );
  form.set("passphrase", passphrase);
  const request = new Request("http://127.0.0.1/admin/signing", {
    method: "POST",
    headers: { Cookie: cookie },
    body: form,
  });
  return outcome(() => signingRoute.action({ request, params: {}, context }));
}

function remove(cookie: string, certificateId: string) {
  const request = new Request("http://127.0.0.1/admin/signing", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "remove", certificateId }).toString(),
  });
  return outcome(() => signingRoute.action({ request, params: {}, context }));
}

function page(cookie: string) {
  return outcome(() =>
    signingRoute.loader({
      request: new Request("http://127.0.0.1/admin/signing", { headers: { Cookie: cookie } }),
      params: {},
      context,
    }),
  );
}

async function organizationWithAdmin(options: { mfaVerified?: boolean; name?: string } = {}) {
  const org = await createOrganization({ name: options.name });
  const admin = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
  const session = await createSessionFor(admin.user.id, org.id, {
    mfaVerified: options.mfaVerified ?? true,
  });
  return { org, cookie: session.cookie };
}

/** A PKCS#12 file written by OpenSSL (an independent producer), with the given iteration count. */
function opensslPkcs12(
  cert: forge.pki.Certificate,
  key: forge.pki.rsa.PrivateKey,
  passphrase: string,
  iterations: number,
): Uint8Array {
  const certFile = tools.write(`cert-${iterations}.pem`, forge.pki.certificateToPem(cert));
  const keyFile = tools.write(`key-${iterations}.pem`, forge.pki.privateKeyToPem(key));
  const out = `${tools.dir}/bundle-${iterations}.p12`;
  execFileSync("openssl", [
    "pkcs12",
    "-export",
    "-in",
    certFile,
    "-inkey",
    keyFile,
    "-passout",
    `pass:${passphrase}`,
    "-iter",
    String(iterations),
    "-out",
    out,
  ]);
  return new Uint8Array(readFileSync(out));
}

describe("/admin/signing", () => {
  it("an ADMIN uploads the organisation's own certificate: the page shows its facts but no key, and the next report is signed with it", async () => {
    const { org, cookie } = await organizationWithAdmin({ name: "Eigene Signatur GmbH" });
    const own = createTestCertificateAuthority("Eigene Signatur GmbH — Berichte");
    const identity = parsePkcs12(own.p12, own.passphrase);
    expect(await upload(cookie, own.p12, own.passphrase)).toMatchObject({
      status: 200,
      body: { ok: true, message: "signing.uploaded" },
    });

    const shown = await page(cookie);
    expect(shown.body).toMatchObject({
      overview: {
        nextSigner: "UPLOADED",
        uploaded: {
          subject: "CN=Eigene Signatur GmbH — Berichte, O=Vetted Tests",
          issuer: "CN=Vetted Test CA, O=Vetted Tests",
          fingerprint: identity.fingerprint,
          expired: false,
        },
      },
    });
    const text = JSON.stringify(shown.body);
    expect(text).not.toMatch(/PRIVATE KEY|privateKey|v1\./);
    expect(text).not.toContain(own.passphrase);

    const row = await db().signingCertificate.findFirstOrThrow({
      where: { organizationId: org.id, source: "UPLOADED" },
    });
    expect(row.privateKeyEnc).toMatch(/^v1\./);
    expect(row.privateKeyEnc).not.toContain("PRIVATE KEY");
    const stored = identityOfStoredCertificate(row)!;
    expect(
      stored.privateKey
        .export({ type: "pkcs8", format: "der" })
        .equals(identity.privateKey.export({ type: "pkcs8", format: "der" })),
    ).toBe(true);
    const [event] = await auditEventsOf(org.id, "signing_certificate.uploaded");
    expect(JSON.parse(event!.payload)).toMatchObject({
      fingerprint: identity.fingerprint,
      replaces: null,
    });
    expect(event!.payload).not.toContain(own.passphrase);

    const { reportId } = await decidedAssessmentWithReport({ organizationId: org.id });
    const report = await db().signedReport.findUniqueOrThrow({ where: { id: reportId } });
    expect(report.certificateFingerprint).toBe(identity.fingerprint);
    const pdfsig = tools.pdfsig(
      tools.write("own.pdf", report.signedPdf),
      tools.nssTrusting(own.caPem),
    );
    expect(pdfsig).toContain("Signature Validation: Signature is Valid.");
    expect(pdfsig).toContain("Certificate Validation: Certificate is Trusted.");
    expect(pdfsig).toContain("Signer Certificate Common Name: Eigene Signatur GmbH — Berichte");
    expect((await verifyAuditTrail(db(), org.id)).ok).toBe(true);
  });

  it("refuses a wrong passphrase, a file that is no PKCS#12, an oversized body, an expired certificate and a file asking for too much key derivation", async () => {
    const { org, cookie } = await organizationWithAdmin();
    const own = createTestCertificateAuthority("Refused GmbH");
    expect(await upload(cookie, own.p12, "not the passphrase")).toMatchObject({
      status: 400,
      body: { ok: false, message: "signing.errorPassphrase" },
    });
    expect(
      await upload(cookie, new Uint8Array(Buffer.from("%PDF-1.7 not a certificate")), ""),
    ).toMatchObject({ status: 400, body: { message: "signing.errorUnreadable" } });
    expect(await upload(cookie, new Uint8Array(70 * 1024).fill(0x30), "")).toMatchObject({
      status: 413,
      body: { message: "signing.errorTooLarge" },
    });

    const expired = createCertificate({
      commonName: "Expired GmbH",
      years: 1,
      notBefore: new Date(Date.now() - 3 * 365 * 86_400_000),
    });
    expect(
      await upload(cookie, opensslPkcs12(expired.cert, expired.key, "pw", 2048), "pw"),
    ).toMatchObject({ status: 400, body: { message: "signing.errorExpired" } });
    const valid = createCertificate({ commonName: "Costly GmbH", years: 1 });
    expect(
      await upload(cookie, opensslPkcs12(valid.cert, valid.key, "pw", 200_000), "pw"),
    ).toMatchObject({ status: 400, body: { message: "signing.errorTooManyIterations" } });
    // The same certificate with the usual work factor is accepted: the limit is about the file, not the certificate.
    expect(
      await upload(cookie, opensslPkcs12(valid.cert, valid.key, "pw", 2048), "pw"),
    ).toMatchObject({ status: 200 });
    const rows = await db().signingCertificate.findMany({ where: { organizationId: org.id } });
    expect(rows.map((r) => r.subject)).toEqual(["CN=Costly GmbH"]);
    expect(
      Buffer.from(rows[0]!.certificateDer).equals(Buffer.from(certificateDer(valid.cert))),
    ).toBe(true);
  });

  it("needs a fresh second factor and the ADMIN role; another organisation's certificate is not found", async () => {
    const own = createTestCertificateAuthority("Guarded GmbH");
    const stale = await organizationWithAdmin({ mfaVerified: false });
    const redirected = await upload(stale.cookie, own.p12, own.passphrase);
    expect(redirected.status).toBe(302);
    expect(redirected.location).toMatch(/^\/auth\/step-up\?redirectTo=/);

    const a = await organizationWithAdmin();
    expect(await upload(a.cookie, own.p12, own.passphrase)).toMatchObject({ status: 200 });
    const certificate = await db().signingCertificate.findFirstOrThrow({
      where: { organizationId: a.org.id, source: "UPLOADED" },
    });
    const dpo = await createUser({ organizationId: a.org.id, role: "DPO", withTotp: true });
    const dpoSession = await createSessionFor(dpo.user.id, a.org.id, { mfaVerified: true });
    expect((await remove(dpoSession.cookie, certificate.id)).status).toBe(403);
    expect((await page(dpoSession.cookie)).status).toBe(403);

    const b = await organizationWithAdmin();
    expect((await remove(b.cookie, certificate.id)).status).toBe(404);
    expect((await page(b.cookie)).body).toMatchObject({ overview: { uploaded: null } });
    expect(
      await db().signingCertificate.findUniqueOrThrow({ where: { id: certificate.id } }),
    ).toMatchObject({ retiredAt: null });
  });

  it("replacing keeps the old certificate on record without its key; removing goes back to the operator-issued certificate; both audited", async () => {
    const { org, cookie } = await organizationWithAdmin({ name: "Wechselnde Signatur AG" });
    const first = createTestCertificateAuthority("Erste Signatur");
    const second = createTestCertificateAuthority("Zweite Signatur");
    await upload(cookie, first.p12, first.passphrase);
    await upload(cookie, second.p12, second.passphrase);
    const rows = await db().signingCertificate.findMany({
      where: { organizationId: org.id },
      orderBy: { createdAt: "asc" },
    });
    expect(
      rows.map((r) => [r.subject.split(",")[0], r.retiredAt !== null, r.privateKeyEnc !== null]),
    ).toEqual([
      ["CN=Erste Signatur", true, false],
      ["CN=Zweite Signatur", false, true],
    ]);
    const uploads = await auditEventsOf(org.id, "signing_certificate.uploaded");
    expect(JSON.parse(uploads[1]!.payload)).toMatchObject({ replaces: rows[0]!.fingerprint });

    expect(await remove(cookie, rows[1]!.id)).toMatchObject({
      status: 200,
      body: { message: "signing.removed" },
    });
    expect(await auditEventsOf(org.id, "signing_certificate.removed")).toHaveLength(1);
    expect((await page(cookie)).body).toMatchObject({
      overview: { uploaded: null, nextSigner: "ISSUED" },
    });
    expect((await remove(cookie, rows[1]!.id)).status).toBe(404);

    const { reportId } = await decidedAssessmentWithReport({ organizationId: org.id });
    const report = await db().signedReport.findUniqueOrThrow({ where: { id: reportId } });
    expect(embeddedCertificates(new Uint8Array(report.signedPdf))[0]!.subject).toBe(
      "CN=Wechselnde Signatur AG — assessment reports\nO=Wechselnde Signatur AG",
    );
  });
});
