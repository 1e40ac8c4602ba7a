import { createHash } from "node:crypto";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "~/modules/audit/verify-audit-chain.server";
import { saveAnswers } from "~/modules/portal/save-answers.server";
import { submitAssessment } from "~/modules/portal/submit-assessment.server";
import { requestChanges } from "~/modules/review/change-requests.server";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { DomainError } from "~/utils/errors";
import {
  auditEventsOf,
  createMemberActor,
  rejectionOf,
} from "../../../tests/support/assessment-factories";
import { createOrganization } from "../../../tests/support/factories";
import { evidencePathForTests, evidenceDir } from "./evidence-storage.server";
import {
  createEvidenceWorld,
  filesBelow,
  type EvidenceWorld,
} from "../../../tests/support/evidence-test-world";
import { listEvidence } from "./list-evidence.server";
import { readEvidence } from "./read-evidence.server";
import { removeEvidence } from "./remove-evidence.server";
import { tinyDocx, tinyPdf, tinyPng } from "./test-fixtures";
import { uploadEvidence } from "./upload-evidence.server";

/**
 * Evidence upload, removal, listing and download through the use cases, on SQLite and
 * PostgreSQL: bytes and checksums on disk, the answer that lists the files, audit events in the
 * same transaction, refusals that store nothing, delegation, read-only after submit, tenancy.
 */

// Lets one test make the audit write fail inside the upload's transaction.
const auditFailure = vi.hoisted(() => ({ action: null as string | null }));
vi.mock("../audit/record-audit-event.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../audit/record-audit-event.server")>();
  return {
    ...actual,
    recordAuditEvent: async (...args: Parameters<typeof actual.recordAuditEvent>) => {
      const event = await actual.recordAuditEvent(...args);
      if (auditFailure.action !== null && args[2].action === auditFailure.action)
        throw new Error("audit store unavailable (simulated)");
      return event;
    },
  };
});

let storage: string;
beforeAll(async () => {
  storage = await mkdtemp(path.join(tmpdir(), "vetted-evidence-"));
  process.env.EVIDENCE_DIR = storage;
  resetEnvForTests();
});
afterAll(async () => {
  delete process.env.EVIDENCE_DIR;
  resetEnvForTests();
  await rm(storage, { recursive: true, force: true });
});
afterEach(() => {
  auditFailure.action = null;
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function answerOf(world: EvidenceWorld, questionKey: string) {
  const row = await db().answer.findUnique({
    where: { assessmentId_questionKey: { assessmentId: world.assessmentId, questionKey } },
  });
  return row
    ? { value: JSON.parse(row.value) as unknown, version: row.version, updatedBy: row.updatedBy }
    : null;
}

describe("uploadEvidence", () => {
  it("stores the bytes outside the database with their SHA-256, attaches the file to the answer and audits it", async () => {
    const world = await createEvidenceWorld();
    const pdf = tinyPdf();
    const result = await uploadEvidence(world.vendor, {
      questionKey: "security.certificate",
      fileName: "ISO 27001.pdf",
      bytes: pdf,
    });

    const row = await db().evidenceFile.findUniqueOrThrow({ where: { id: result.file.id } });
    expect(row).toMatchObject({
      organizationId: world.org.id,
      assessmentId: world.assessmentId,
      questionKey: "security.certificate",
      fileName: "ISO 27001.pdf",
      contentType: "application/pdf",
      size: pdf.length,
      sha256: sha256(pdf),
      uploadedBy: `vendor:${world.inviteId}`,
      uploadedByLabel: world.vendor.email,
      deletedAt: null,
    });
    // A random key, not the name; in EVIDENCE_DIR; readable by the app's user only.
    expect(row.storageKey).toMatch(/^[0-9a-f]{64}$/);
    const onDisk = evidencePathForTests(row.storageKey);
    expect(onDisk.startsWith(evidenceDir() + path.sep)).toBe(true);
    expect(evidenceDir()).toBe(path.resolve(storage));
    expect((await stat(onDisk)).mode & 0o777).toBe(0o600);
    const download = await readEvidence(world.assessor, {
      assessmentId: world.assessmentId,
      fileId: row.id,
    });
    expect(Buffer.compare(download.bytes, pdf)).toBe(0);
    expect(download).toMatchObject({ fileName: "ISO 27001.pdf", contentType: "application/pdf" });

    // The first upload creates the answer with the question's first document type.
    expect(result.answer).toEqual({
      value: { documentType: "iso27001_certificate", files: [row.id] },
      version: 1,
    });
    expect(await answerOf(world, "security.certificate")).toEqual({
      ...result.answer,
      updatedBy: `vendor:${world.inviteId}`,
    });
    expect(
      (await db().assessment.findUniqueOrThrow({ where: { id: world.assessmentId } })).status,
    ).toBe("IN_PROGRESS");

    const [event] = await auditEventsOf(world.org.id, "evidence.uploaded");
    expect(event).toMatchObject({
      actorType: "vendor",
      actorId: world.inviteId,
      targetId: world.assessmentId,
    });
    expect(JSON.parse(event!.payload)).toMatchObject({
      fileId: row.id,
      fileName: "ISO 27001.pdf",
      size: pdf.length,
      sha256: sha256(pdf),
      contentType: "application/pdf",
    });
    expect((await verifyAuditChain(db(), world.org.id)).ok).toBe(true);
  });

  it("appends to an existing evidence answer (keeping type and date) and raises its version", async () => {
    const world = await createEvidenceWorld();
    const first = await uploadEvidence(world.vendor, {
      questionKey: "security.certificate",
      fileName: "cert.pdf",
      bytes: tinyPdf("one"),
    });
    const saved = await saveAnswers(world.vendor, [
      {
        questionKey: "security.certificate",
        baseVersion: 1,
        value: { documentType: "other", validUntil: "2027-06-30", files: [first.file.id] },
      },
    ]);
    expect(saved[0]).toMatchObject({ status: "saved", version: 2 });
    const second = await uploadEvidence(world.vendor, {
      questionKey: "security.certificate",
      fileName: "scope.docx",
      bytes: tinyDocx(),
    });
    expect(second.file.contentType).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(second.answer).toEqual({
      value: {
        documentType: "other",
        validUntil: "2027-06-30",
        files: [first.file.id, second.file.id],
      },
      version: 3,
    });
    // An autosave based on the version before the upload is a conflict, not a silent loss of the file.
    const stale = await saveAnswers(world.vendor, [
      {
        questionKey: "security.certificate",
        baseVersion: 2,
        value: { documentType: "other", validUntil: "2028-01-01", files: [first.file.id] },
      },
    ]);
    expect(stale[0]?.status).toBe("conflict");
  });

  it("refuses a fake PDF with the reason and stores nothing", async () => {
    const world = await createEvidenceWorld();
    const before = (await auditEventsOf(world.org.id)).length;
    const filesBefore = await filesBelow(storage);
    const error = await domainError(
      uploadEvidence(world.vendor, {
        questionKey: "security.certificate",
        fileName: "iso.pdf",
        bytes: tinyPng(),
      }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.key).toBe("evidence.err_name_mismatch");
    expect(error.details).toMatchObject({
      reason: "name_mismatch",
      params: { extension: "pdf", expected: "pdf", actual: "png" },
    });
    expect(await db().evidenceFile.count({ where: { assessmentId: world.assessmentId } })).toBe(0);
    expect(await answerOf(world, "security.certificate")).toBeNull();
    expect(await auditEventsOf(world.org.id)).toHaveLength(before);
    expect(await filesBelow(storage)).toEqual(filesBefore);
  });

  it("deletes the stored bytes again when the database write fails", async () => {
    const world = await createEvidenceWorld();
    const filesBefore = await filesBelow(storage);
    auditFailure.action = "evidence.uploaded";
    await expect(
      uploadEvidence(world.vendor, {
        questionKey: "security.certificate",
        fileName: "cert.pdf",
        bytes: tinyPdf(),
      }),
    ).rejects.toThrow(/simulated/);
    expect(await db().evidenceFile.count({ where: { assessmentId: world.assessmentId } })).toBe(0);
    expect(await answerOf(world, "security.certificate")).toBeNull();
    expect(await filesBelow(storage)).toEqual(filesBefore);
  });

  it("takes files only for evidence questions of the questionnaire", async () => {
    const world = await createEvidenceWorld();
    expect(
      (
        await domainError(
          uploadEvidence(world.vendor, {
            questionKey: "security.mfa",
            fileName: "a.pdf",
            bytes: tinyPdf(),
          }),
        )
      ).details,
    ).toMatchObject({ reason: "not_evidence_question" });
    expect(
      (
        await domainError(
          uploadEvidence(world.vendor, {
            questionKey: "nope",
            fileName: "a.pdf",
            bytes: tinyPdf(),
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await domainError(
          uploadEvidence(world.vendor, {
            questionKey: "security.certificate",
            fileName: "a.pdf",
            bytes: new Uint8Array(0),
          }),
        )
      ).details,
    ).toMatchObject({ reason: "empty" });
    expect(await db().evidenceFile.count({ where: { assessmentId: world.assessmentId } })).toBe(0);
  });

  it("a delegated colleague uploads and removes only in the sections delegated to them", async () => {
    const world = await createEvidenceWorld();
    const owned = await uploadEvidence(world.vendor, {
      questionKey: "security.certificate",
      fileName: "cert.pdf",
      bytes: tinyPdf(),
    });
    const colleague = { ...world.vendor, sections: ["privacy"] };
    const error = await domainError(
      uploadEvidence(colleague, {
        questionKey: "security.certificate",
        fileName: "cert.pdf",
        bytes: tinyPdf(),
      }),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect(error.details).toMatchObject({ reason: "section_not_delegated" });
    // A file of a section that was not delegated is not found at all (issue 11).
    expect((await domainError(removeEvidence(colleague, { fileId: owned.file.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      await db().evidenceFile.count({
        where: { assessmentId: world.assessmentId, deletedAt: null },
      }),
    ).toBe(1);
    const allowed = await uploadEvidence(colleague, {
      questionKey: "privacy.dpa",
      fileName: "dpa.pdf",
      bytes: tinyPdf(),
    });
    expect(allowed.answer.value).toEqual({ documentType: "dpa", files: [allowed.file.id] });
  });

  it("after 'request changes' files change only on reopened questions, like answers", async () => {
    const world = await createEvidenceWorld();
    const certificate = await uploadEvidence(world.vendor, {
      questionKey: "security.certificate",
      fileName: "cert.pdf",
      bytes: tinyPdf(),
    });
    await saveAnswers(world.vendor, [
      {
        questionKey: "security.certificate",
        value: {
          documentType: "iso27001_certificate",
          validUntil: "2030-01-01",
          files: [certificate.file.id],
        },
        baseVersion: certificate.answer.version,
      },
    ]);
    expect((await submitAssessment(world.vendor)).ok).toBe(true);
    await requestChanges(world.assessor, {
      assessmentId: world.assessmentId,
      questionKeys: ["privacy.dpa"],
      message: "Please add the DPA",
    });
    const upload = await domainError(
      uploadEvidence(world.vendor, {
        questionKey: "security.certificate",
        fileName: "new.pdf",
        bytes: tinyPdf(),
      }),
    );
    expect([upload.code, upload.details?.reason]).toEqual(["FORBIDDEN", "not_reopened"]);
    const removal = await domainError(
      removeEvidence(world.vendor, { fileId: certificate.file.id }),
    );
    expect([removal.code, removal.details?.reason]).toEqual(["FORBIDDEN", "not_reopened"]);
    expect(
      (await db().evidenceFile.findUniqueOrThrow({ where: { id: certificate.file.id } })).deletedAt,
    ).toBeNull();
    const dpa = await uploadEvidence(world.vendor, {
      questionKey: "privacy.dpa",
      fileName: "dpa.pdf",
      bytes: tinyPdf(),
    });
    expect(dpa.answer.value).toEqual({ documentType: "dpa", files: [dpa.file.id] });
  });

  it("is read-only after submit: no upload, no removal", async () => {
    const world = await createEvidenceWorld();
    const file = await uploadEvidence(world.vendor, {
      questionKey: "security.certificate",
      fileName: "cert.pdf",
      bytes: tinyPdf(),
    });
    const submitted = await submitAssessment(world.vendor);
    expect(submitted.ok).toBe(true);
    const upload = await domainError(
      uploadEvidence(world.vendor, {
        questionKey: "security.certificate",
        fileName: "b.pdf",
        bytes: tinyPdf(),
      }),
    );
    expect(upload.code).toBe("INVALID_STATE");
    expect(upload.details).toMatchObject({ reason: "read_only" });
    expect((await domainError(removeEvidence(world.vendor, { fileId: file.file.id }))).code).toBe(
      "INVALID_STATE",
    );
    expect(
      await db().evidenceFile.findMany({
        where: { assessmentId: world.assessmentId },
        select: { id: true, deletedAt: true },
      }),
    ).toEqual([{ id: file.file.id, deletedAt: null }]);
  });
});

describe("removeEvidence", () => {
  it("marks the file deleted, takes it out of the answer (version + 1) and audits it", async () => {
    const world = await createEvidenceWorld();
    const a = await uploadEvidence(world.vendor, {
      questionKey: "security.certificate",
      fileName: "a.pdf",
      bytes: tinyPdf("a"),
    });
    const b = await uploadEvidence(world.vendor, {
      questionKey: "security.certificate",
      fileName: "b.pdf",
      bytes: tinyPdf("b"),
    });
    const removed = await removeEvidence(world.vendor, { fileId: a.file.id });
    expect(removed).toEqual({
      questionKey: "security.certificate",
      answer: { value: { documentType: "iso27001_certificate", files: [b.file.id] }, version: 3 },
    });
    expect(
      (await db().evidenceFile.findUniqueOrThrow({ where: { id: a.file.id } })).deletedAt,
    ).not.toBeNull();
    expect((await answerOf(world, "security.certificate"))?.version).toBe(3);
    const [event] = await auditEventsOf(world.org.id, "evidence.removed");
    expect(JSON.parse(event!.payload)).toMatchObject({ fileId: a.file.id, sha256: a.file.sha256 });
    // Gone for everyone, and cannot be removed twice.
    expect(
      (
        await domainError(
          readEvidence(world.assessor, { assessmentId: world.assessmentId, fileId: a.file.id }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (await listEvidence(world.assessor, { assessmentId: world.assessmentId })).map((f) => f.id),
    ).toEqual([b.file.id]);
    expect((await domainError(removeEvidence(world.vendor, { fileId: a.file.id }))).code).toBe(
      "NOT_FOUND",
    );
    // The last file: the answer keeps its type but lists no file (so it no longer counts as given).
    expect((await removeEvidence(world.vendor, { fileId: b.file.id })).answer?.value).toEqual({
      documentType: "iso27001_certificate",
      files: [],
    });
    expect((await verifyAuditChain(db(), world.org.id)).ok).toBe(true);
  });
});

describe("who may list and read evidence", () => {
  it("every member of the organisation; a vendor contact only for their own assessment; nobody else", async () => {
    const world = await createEvidenceWorld();
    const file = (
      await uploadEvidence(world.vendor, {
        questionKey: "security.certificate",
        fileName: "cert.pdf",
        bytes: tinyPdf(),
      })
    ).file;
    const ids = (files: { id: string }[]) => files.map((f) => f.id);

    for (const actor of [world.assessor, world.auditor, world.vendor]) {
      expect(ids(await listEvidence(actor, { assessmentId: world.assessmentId }))).toEqual([
        file.id,
      ]);
      expect(
        (await readEvidence(actor, { assessmentId: world.assessmentId, fileId: file.id })).fileName,
      ).toBe("cert.pdf");
    }
    // The contact of another assessment of the same organisation.
    const otherVendor = world.other.vendor;
    expect(
      (await domainError(listEvidence(otherVendor, { assessmentId: world.assessmentId }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await domainError(
          readEvidence(otherVendor, { assessmentId: world.assessmentId, fileId: file.id }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await domainError(
          readEvidence(otherVendor, { assessmentId: otherVendor.assessmentId, fileId: file.id }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect((await domainError(removeEvidence(otherVendor, { fileId: file.id }))).code).toBe(
      "NOT_FOUND",
    );
    // The right organisation but the wrong assessment in the URL.
    expect(
      (
        await domainError(
          readEvidence(world.assessor, { assessmentId: world.other.assessmentId, fileId: file.id }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    // A member of another organisation.
    const stranger = await createMemberActor(await createOrganization(), "ADMIN");
    expect(
      (await domainError(listEvidence(stranger, { assessmentId: world.assessmentId }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await domainError(
          readEvidence(stranger, { assessmentId: world.assessmentId, fileId: file.id }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(await db().evidenceFile.count({ where: { id: file.id, deletedAt: null } })).toBe(1);
  });

  it("never serves bytes that changed on disk after the upload", async () => {
    const world = await createEvidenceWorld();
    const file = (
      await uploadEvidence(world.vendor, {
        questionKey: "security.certificate",
        fileName: "cert.pdf",
        bytes: tinyPdf(),
      })
    ).file;
    const row = await db().evidenceFile.findUniqueOrThrow({ where: { id: file.id } });
    await writeFile(evidencePathForTests(row.storageKey), tinyPdf("tampered"));
    await expect(
      readEvidence(world.assessor, { assessmentId: world.assessmentId, fileId: file.id }),
    ).rejects.toThrow(/checksum/);
  });
});
