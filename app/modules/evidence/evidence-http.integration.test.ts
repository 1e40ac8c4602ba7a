import { createHash } from "node:crypto";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../../../tests/support/app-server";
import { createOrganization, createUser } from "../../../tests/support/factories";
import {
  createEvidenceWorld,
  filesBelow,
  vendorSessionCookieValue,
  type EvidenceWorld,
} from "../../../tests/support/evidence-test-world";
import { tinyPdf, tinyPng } from "./test-fixtures";

/**
 * Evidence over real HTTP (production build behind server/app.js): upload, the download headers,
 * refusals with their reasons, the size limit enforced before the body is read, and 404 for
 * files of other assessments and organisations.
 */
const LIMIT = 100_000;
// The route allows this much multipart framing around the file (MULTIPART_OVERHEAD_BYTES).
const DECLARED_LIMIT = LIMIT + 64 * 1024;

let app: AppServer;
let storage: string;
let world: EvidenceWorld;
let vendor: HttpClient;
let auditor: HttpClient;

beforeAll(async () => {
  storage = await mkdtemp(path.join(tmpdir(), "vetted-evidence-http-"));
  process.env.EVIDENCE_DIR = storage;
  process.env.EVIDENCE_MAX_BYTES = String(LIMIT);
  resetEnvForTests();
  app = await startAppServer();
  world = await createEvidenceWorld();
  vendor = createClient(app.baseUrl);
  vendor.setCookie("vetted_vendor", await vendorSessionCookieValue(world.vendor));
  const staff = await createUser({ organizationId: world.org.id, role: "AUDITOR" });
  auditor = createClient(app.baseUrl);
  await auditor.login(staff.user.email, staff.password);
}, 120_000);

afterAll(async () => {
  await app?.close();
  delete process.env.EVIDENCE_DIR;
  delete process.env.EVIDENCE_MAX_BYTES;
  resetEnvForTests();
  await rm(storage, { recursive: true, force: true });
});

function uploadForm(
  questionKey: string,
  bytes: Uint8Array | null,
  fileName = "file.pdf",
): FormData {
  const form = new FormData();
  form.set("questionKey", questionKey);
  if (bytes)
    form.set("file", new File([new Uint8Array(bytes)], fileName, { type: "application/pdf" }));
  return form;
}

const json = { Accept: "application/json" };
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function uploadPdf(client: HttpClient, bytes = tinyPdf()) {
  const response = await client.request("POST", "/portal/evidence", {
    body: uploadForm("security.certificate", bytes, "Prüfbericht (ISO).pdf"),
    headers: json,
  });
  expect(response.status, response.body).toBe(200);
  return JSON.parse(response.body) as {
    ok: true;
    file: { id: string; sha256: string };
    answer: { value: unknown; version: number };
  };
}

describe("upload and download", () => {
  it("uploads a PDF, attaches it to the answer, and serves it back as a sandboxed attachment", async () => {
    const pdf = tinyPdf("over http");
    const uploaded = await uploadPdf(vendor, pdf);
    expect(uploaded.file.sha256).toBe(sha256(pdf));
    expect(uploaded.answer).toEqual({
      value: { documentType: "iso27001_certificate", files: [uploaded.file.id] },
      version: expect.any(Number),
    });

    for (const [client, url] of [
      [vendor, `/portal/evidence/${uploaded.file.id}`],
      [auditor, `/assessments/${world.assessmentId}/evidence/${uploaded.file.id}`],
    ] as const) {
      const download = await client.get(url);
      expect(download.status, url).toBe(200);
      expect(download.headers.get("content-type")).toBe("application/pdf");
      expect(download.headers.get("content-disposition")).toBe(
        `attachment; filename="Pr_fbericht (ISO).pdf"; filename*=UTF-8''Pr%C3%BCfbericht%20%28ISO%29.pdf`,
      );
      expect(download.headers.get("x-content-type-options")).toContain("nosniff");
      // Every CSP header is enforced; the one of the download carries the sandbox.
      expect(
        download.headers
          .get("content-security-policy")
          ?.split(",")
          .map((p) => p.trim()),
      ).toContain("sandbox");
      // (server/app.js may add its own no-store: every value must say so.)
      expect(
        new Set(
          download.headers
            .get("cache-control")
            ?.split(",")
            .map((v) => v.trim()),
        ),
      ).toEqual(new Set(["no-store"]));
      expect(download.body).toBe(pdf.toString("utf8"));
    }
  });

  it("without JavaScript, the form post is sent back to the question with the outcome", async () => {
    const response = await vendor.request("POST", "/portal/evidence?questionKey=privacy.dpa", {
      body: uploadForm("privacy.dpa", tinyPdf(), "dpa.pdf"),
    });
    expect(response.status).toBe(302);
    expect(response.location).toBe(
      "/portal?evidence=uploaded&evidenceQuestion=privacy.dpa#q-privacy.dpa",
    );
  });
});

/** A multipart body written by hand: the file part's Content-Disposition exactly as given (bytes). */
function rawUpload(
  disposition: Buffer | string,
  bytes: Uint8Array = tinyPdf(),
): { body: Uint8Array; contentType: string } {
  const boundary = "----vetted-raw-boundary";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="questionKey"\r\n\r\nsecurity.certificate\r\n--${boundary}\r\nContent-Disposition: `,
    ),
    Buffer.isBuffer(disposition) ? disposition : Buffer.from(disposition, "utf8"),
    Buffer.from("\r\nContent-Type: application/pdf\r\n\r\n"),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body: new Uint8Array(body), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function storedNameOf(response: { status: number; body: string }): Promise<string> {
  expect(response.status, response.body).toBe(200);
  const { file } = JSON.parse(response.body) as { file: { id: string; fileName: string } };
  const row = await db().evidenceFile.findUniqueOrThrow({
    where: { id: file.id },
    select: { fileName: true },
  });
  expect(file.fileName).toBe(row.fileName);
  // A question takes at most 10 files: make room for the next case.
  expect(
    (await vendor.post(`/portal/evidence/${file.id}`, { intent: "remove" }, { headers: json }))
      .status,
  ).toBe(200);
  return row.fileName;
}

describe("any file name a browser or another client sends is accepted, and stored cleaned", () => {
  it("names with =, ;, quotes, bidi overrides and zero-width characters, as a browser encodes them", async () => {
    const cases: [string, string][] = [
      ["a=b.pdf", "a=b.pdf"],
      ["Bericht; final.pdf", "Bericht_ final.pdf"],
      ['Bericht "final".pdf', "Bericht _final_.pdf"],
      ["\u202Efdp.exe.pdf", "fdp.exe.pdf"],
      ["re\u200Bpo\u200Crt\u2060\uFEFF.pdf", "report.pdf"],
      ["x=1;y=2;filename=evil.exe.pdf", "x=1_y=2_filename=evil.exe.pdf"],
    ];
    for (const [sent, stored] of cases) {
      const response = await vendor.request("POST", "/portal/evidence", {
        body: uploadForm("security.certificate", tinyPdf(), sent),
        headers: json,
      });
      expect(await storedNameOf(response), JSON.stringify(sent)).toBe(stored);
    }
  });

  it("backslash-escaped quotes, RFC 5987 filename*, unquoted tokens, Latin-1 bytes and very long names", async () => {
    const cases: [Buffer | string, string][] = [
      ['form-data; name="file"; filename="a\\"b\\".pdf"', "a_b_.pdf"],
      [
        `form-data; name="file"; filename="fallback.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%3B%20%3D%E2%80%AE.pdf`,
        "Résumé_ =.pdf",
      ],
      [`form-data; name="file"; filename*=utf-8''%E2%80%AEfdp.exe.pdf`, "fdp.exe.pdf"],
      ["form-data; name=file; filename=plain.pdf", "plain.pdf"],
      ['form-data; name="file"; filename="semi;colon=equals.pdf"', "semi_colon=equals.pdf"],
      [
        Buffer.concat([
          Buffer.from('form-data; name="file"; filename="Pr'),
          Buffer.from([0xfc]),
          Buffer.from('fung.pdf"'),
        ]),
        "Prüfung.pdf",
      ],
      [`form-data; name="file"; filename="${"ü".repeat(3000)}.pdf"`, `${"ü".repeat(176)}.pdf`],
    ];
    for (const [disposition, stored] of cases) {
      const { body, contentType } = rawUpload(disposition);
      const response = await vendor.request("POST", "/portal/evidence", {
        body,
        contentType,
        headers: json,
      });
      expect(await storedNameOf(response), String(disposition).slice(0, 80)).toBe(stored);
    }
  });

  it("the type and size checks still hold for such names", async () => {
    const png = rawUpload('form-data; name="file"; filename="a;b=c.pdf"', tinyPng());
    const refused = await vendor.request("POST", "/portal/evidence", {
      body: png.body,
      contentType: png.contentType,
      headers: json,
    });
    expect([refused.status, JSON.parse(refused.body).code]).toEqual([400, "name_mismatch"]);
    const big = rawUpload(
      'form-data; name="file"; filename="a;b=c.pdf"',
      Buffer.concat([tinyPdf(), Buffer.alloc(LIMIT, 0x20)]),
    );
    const tooLarge = await vendor.request("POST", "/portal/evidence", {
      body: big.body,
      contentType: big.contentType,
      headers: json,
    });
    expect([tooLarge.status, JSON.parse(tooLarge.body).code]).toEqual([413, "too_large"]);
  });
});

describe("refusals say why and store nothing", () => {
  it("a fake PDF (PNG bytes) is refused with the reason, as JSON and for a plain form", async () => {
    const before = await filesBelow(storage);
    const count = await db().evidenceFile.count({ where: { assessmentId: world.assessmentId } });
    const refused = await vendor.request("POST", "/portal/evidence", {
      body: uploadForm("security.certificate", tinyPng(), "certificate.pdf"),
      headers: json,
    });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({
      ok: false,
      code: "name_mismatch",
      params: { extension: "pdf", expected: "pdf", actual: "png" },
      message: "A file named .pdf that is not a PDF: its content is a PNG image.",
    });
    const plain = await vendor.request(
      "POST",
      "/portal/evidence?questionKey=security.certificate",
      { body: uploadForm("security.certificate", tinyPng(), "certificate.pdf") },
    );
    expect(plain.status).toBe(302);
    expect(plain.location).toBe(
      "/portal?evidence=name_mismatch&evidenceQuestion=security.certificate&evidence_extension=pdf&evidence_expected=pdf&evidence_actual=png#q-security.certificate",
    );
    expect(await filesBelow(storage)).toEqual(before);
    expect(await db().evidenceFile.count({ where: { assessmentId: world.assessmentId } })).toBe(
      count,
    );
  });

  it("no file, an empty file and a body that is not multipart are 400 with a reason, never 500", async () => {
    const none = await vendor.request("POST", "/portal/evidence", {
      body: uploadForm("security.certificate", null),
      headers: json,
    });
    expect([none.status, JSON.parse(none.body).code]).toEqual([400, "no_file"]);
    const empty = await vendor.request("POST", "/portal/evidence", {
      body: uploadForm("security.certificate", new Uint8Array(0), "empty.pdf"),
      headers: json,
    });
    expect([empty.status, JSON.parse(empty.body).code]).toEqual([400, "empty"]);
    const urlencoded = await vendor.post(
      "/portal/evidence",
      { questionKey: "security.certificate", file: "x" },
      { headers: json },
    );
    expect([urlencoded.status, JSON.parse(urlencoded.body).code]).toEqual([400, "no_file"]);
    const broken = await vendor.request("POST", "/portal/evidence", {
      body: "--x\r\ngarbage",
      contentType: "multipart/form-data; boundary=x",
      headers: json,
    });
    expect(broken.status).toBe(400);
    const wrongQuestion = await vendor.request("POST", "/portal/evidence", {
      body: uploadForm("security.mfa", tinyPdf()),
      headers: json,
    });
    expect([wrongQuestion.status, JSON.parse(wrongQuestion.body).code]).toEqual([
      400,
      "not_evidence_question",
    ]);
  });
});

/** Sends the request head now; `write` sends body bytes; `response` resolves with the answer. */
function openUpload(headers: Record<string, string>) {
  const req = httpRequest(new URL("/portal/evidence", app.baseUrl), {
    method: "POST",
    headers: { Origin: app.appUrl, Accept: "application/json", ...headers },
    agent: false,
  });
  const response = new Promise<{ status: number; body: string; message: IncomingMessage }>(
    (resolve, reject) => {
      req.on("response", (message) => {
        const chunks: Buffer[] = [];
        message.on("data", (c: Buffer) => chunks.push(c));
        message.on("end", () =>
          resolve({
            status: message.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            message,
          }),
        );
        message.on("error", reject);
      });
      // The server closes the connection after its early answer; later writes may fail.
      req.on("error", (error: NodeJS.ErrnoException) =>
        ["EPIPE", "ECONNRESET"].includes(error.code ?? "") ? undefined : reject(error),
      );
    },
  );
  req.flushHeaders();
  return { req, response };
}

describe("the size limit holds before the body is read", () => {
  it("a declared Content-Length above the limit gets 413 without the server waiting for a single body byte", async () => {
    const before = await filesBelow(storage);
    const cookie = `vetted_vendor=${vendor.cookie("vetted_vendor")}`;
    const { req, response } = openUpload({
      Cookie: cookie,
      "Content-Type": "multipart/form-data; boundary=vetted",
      "Content-Length": String(DECLARED_LIMIT + 1),
    });
    // No body is ever sent: only a server that answers from the headers alone can respond.
    const answer = await response;
    req.destroy();
    expect(answer.status).toBe(413);
    expect(answer.message.headers.connection).toBe("close");
    expect(JSON.parse(answer.body)).toMatchObject({
      ok: false,
      code: "too_large",
      params: { max: String(LIMIT) },
    });
    expect(await filesBelow(storage)).toEqual(before);
  });

  it("a declared Content-Length within the limit still gets through (the check is not a blanket refusal)", async () => {
    const uploaded = await uploadPdf(
      vendor,
      Buffer.concat([tinyPdf(), Buffer.alloc(LIMIT - tinyPdf().length - 10, 0x20)]),
    );
    expect(uploaded.ok).toBe(true);
  });

  it("a chunked body (no Content-Length) is cut off at the limit: the 413 comes while the client is still sending", async () => {
    const before = await filesBelow(storage);
    const { req, response } = openUpload({
      Cookie: `vetted_vendor=${vendor.cookie("vetted_vendor")}`,
      "Content-Type": "multipart/form-data; boundary=vetted",
      "Transfer-Encoding": "chunked",
    });
    let answered = false;
    void response.then(
      () => (answered = true),
      () => (answered = true),
    );
    req.write(
      '--vetted\r\nContent-Disposition: form-data; name="questionKey"\r\n\r\nsecurity.certificate\r\n' +
        '--vetted\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n',
    );
    // Keep sending (50 × the limit at most) until the server answers; never end the body.
    const chunk = Buffer.alloc(8 * 1024, 0x41);
    let sent = 0;
    const cap = LIMIT * 50;
    while (!answered && sent < cap && !req.destroyed) {
      const flushed = req.write(chunk);
      sent += chunk.length;
      if (!flushed) {
        await new Promise<void>((resolve) => {
          req.once("drain", () => resolve());
          req.once("close", () => resolve());
          void response.finally(() => resolve());
        });
      }
    }
    const answer = await response;
    req.destroy();
    expect(answered).toBe(true);
    expect(sent).toBeLessThan(cap);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: "too_large" });
    expect(await filesBelow(storage)).toEqual(before);
  });
});

describe("files of other assessments and organisations are not found", () => {
  it("for the contact of another assessment, a stranger, staff of another organisation and the wrong assessment in the URL", async () => {
    const { file } = await uploadPdf(vendor);
    const otherContact = createClient(app.baseUrl);
    otherContact.setCookie("vetted_vendor", await vendorSessionCookieValue(world.other.vendor));
    expect((await otherContact.get(`/portal/evidence/${file.id}`)).status).toBe(404);
    expect(
      (await otherContact.post(`/portal/evidence/${file.id}`, { intent: "remove" })).status,
    ).toBe(404);
    expect(
      (
        await otherContact.post(
          `/portal/evidence/${file.id}`,
          { intent: "remove" },
          { headers: json },
        )
      ).status,
    ).toBe(404);

    const anonymous = createClient(app.baseUrl);
    expect((await anonymous.get(`/portal/evidence/${file.id}`)).status).toBe(404);

    expect(
      (await auditor.get(`/assessments/${world.other.assessmentId}/evidence/${file.id}`)).status,
    ).toBe(404);
    expect(
      (await auditor.get(`/assessments/${world.assessmentId}/evidence/nonexistent00000000000`))
        .status,
    ).toBe(404);
    // Staff are no vendor contacts.
    expect((await auditor.get(`/portal/evidence/${file.id}`)).status).toBe(404);

    const foreignOrg = await createOrganization();
    const foreignUser = await createUser({ organizationId: foreignOrg.id, role: "AUDITOR" });
    const foreign = createClient(app.baseUrl);
    await foreign.login(foreignUser.user.email, foreignUser.password);
    const probe = await foreign.get(`/assessments/${world.assessmentId}/evidence/${file.id}`);
    expect(probe.status).toBe(404);
    expect(probe.body).not.toContain("%PDF");
    expect(
      (await db().evidenceFile.findUniqueOrThrow({ where: { id: file.id } })).deletedAt,
    ).toBeNull();
  });

  it("the contact removes their own file (JSON), then it is gone", async () => {
    const { file } = await uploadPdf(vendor);
    const removed = await vendor.post(
      `/portal/evidence/${file.id}`,
      { intent: "remove" },
      { headers: json },
    );
    expect(removed.status).toBe(200);
    expect(JSON.parse(removed.body)).toMatchObject({
      ok: true,
      questionKey: "security.certificate",
    });
    expect((await vendor.get(`/portal/evidence/${file.id}`)).status).toBe(404);
    expect(
      (await auditor.get(`/assessments/${world.assessmentId}/evidence/${file.id}`)).status,
    ).toBe(404);
  });

  it("after submit the portal refuses uploads (409, read-only)", async () => {
    const submitted = await createEvidenceWorld();
    await db().assessment.update({
      where: { id: submitted.assessmentId },
      data: { status: "SUBMITTED", submittedAt: new Date() },
    });
    const client = createClient(app.baseUrl);
    client.setCookie("vetted_vendor", await vendorSessionCookieValue(submitted.vendor));
    const response = await client.request("POST", "/portal/evidence", {
      body: uploadForm("security.certificate", tinyPdf()),
      headers: json,
    });
    expect(response.status).toBe(409);
    expect(JSON.parse(response.body)).toMatchObject({ code: "read_only" });
    expect(await db().evidenceFile.count({ where: { assessmentId: submitted.assessmentId } })).toBe(
      0,
    );
  });
});
