import { describe, expect, it } from "vitest";
import { DEFAULT_TEST_PASSWORD } from "../../tests/support/factories";
import { createAssessmentScenario } from "../../tests/support/assessment-factories";
import { db } from "../utils/db.server";
import { DomainError } from "../utils/errors";
import { translate } from "../utils/i18n";
import { changePassword } from "./auth/account.server";
import { logIn } from "./auth/log-in.server";
import { stepUp } from "./auth/verify-second-factor.server";
import { saveAnswers, type AnswerChange } from "./portal/save-answers.server";
import { submitAssessment } from "./portal/submit-assessment.server";
import { uploadSigningCertificate } from "./signing/upload-signing-certificate.server";
import { forwardToDpo } from "./assessments/forward-to-dpo.server";
import { deleteVendor } from "./vendors/delete-vendor.server";
import { deleteProduct } from "./vendors/delete-product.server";
import { createVendor } from "../../tests/support/factories";
import { getVendor } from "./vendors/get-vendor.server";
import { getVendorHistory } from "./history/get-vendor-history.server";
import { getAssessment } from "./assessments/get-assessment.server";
import { listInviteLinks } from "./assessments/list-invite-links.server";
import { listClarificationsForUser } from "./clarifications/list-clarifications.server";
import {
  listPendingReports,
  listSignedReports,
  readSignedReport,
} from "./reports/signed-reports.server";
import { diffVendorAssessments } from "./history/diff-vendor-assessments.server";
import { getTemplate } from "./templates/get-template.server";
import { completeLoginWithSecondFactor } from "./auth/verify-second-factor.server";
import { listAssessments } from "./assessments/list-assessments.server";
import { compareVendors } from "./comparison/compare-vendors.server";
import { listComparableVendors } from "./comparison/list-comparable-vendors.server";
import { viewInvitation } from "./admin/view-invitation.server";
import { visitorFrom } from "./admin/visitor";
import { createInvitationRecord } from "../../tests/support/admin-factories";

/**
 * Each use case parses its own input with its own zod schema (issue 12, item 8): malformed input
 * from any caller is a VALIDATION DomainError with a message key (DE/EN), never a ZodError or a
 * TypeError that answers 500, and it is refused before anything is counted or written.
 */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected a DomainError").toBeInstanceOf(DomainError);
  const domain = error as DomainError;
  // The key reads in both languages.
  expect(translate("de", domain.key, domain.params)).not.toBe(
    translate("en", domain.key, domain.params),
  );
  return { code: domain.code, key: domain.key, params: domain.params };
}

const bad = <T>(value: unknown) => value as T;

describe("malformed input is a readable VALIDATION error", () => {
  it("stepUp: a code that is no string or longer than any code is refused before an attempt is counted", async () => {
    const s = await createAssessmentScenario();
    expect(await refusal(stepUp(s.admin, bad<string>(123456)))).toMatchObject({
      code: "VALIDATION",
      key: "auth.invalidCode",
    });
    expect(await refusal(stepUp(s.admin, "1".repeat(65)))).toMatchObject({
      code: "VALIDATION",
      key: "auth.invalidCode",
    });
    expect(
      await db().rateLimitBucket.count({ where: { key: `code:account:${s.admin.userId}` } }),
    ).toBe(0);
  });

  it("changePassword: a new password below the policy is refused with its bound; nothing is counted or changed", async () => {
    const s = await createAssessmentScenario();
    const before = await db().user.findUniqueOrThrow({
      where: { id: s.assessor.userId },
      select: { passwordHash: true },
    });
    expect(await refusal(changePassword(s.assessor, DEFAULT_TEST_PASSWORD, "short"))).toMatchObject(
      { code: "VALIDATION", key: "auth.passwordTooShort", params: { min: expect.any(Number) } },
    );
    expect(
      await refusal(changePassword(s.assessor, bad<string>(null), "a long enough new password")),
    ).toMatchObject({ code: "VALIDATION", key: "auth.wrongCurrentPassword" });
    expect(
      (
        await db().user.findUniqueOrThrow({
          where: { id: s.assessor.userId },
          select: { passwordHash: true },
        })
      ).passwordHash,
    ).toBe(before.passwordHash);
    expect(
      await db().rateLimitBucket.count({
        where: { key: `password-change:account:${s.assessor.userId}` },
      }),
    ).toBe(0);
  });

  it("uploadSigningCertificate: a file that is no bytes, or a passphrase that is no text, is refused", async () => {
    const s = await createAssessmentScenario();
    const admin = { ...s.admin, mfaVerifiedAt: new Date() };
    expect(
      await refusal(
        uploadSigningCertificate(admin, bad({ file: "not a PKCS#12 file", passphrase: "x" })),
      ),
    ).toMatchObject({ code: "VALIDATION", key: "signing.errorNoFile" });
    expect(
      await refusal(
        uploadSigningCertificate(admin, bad({ file: new Uint8Array([1, 2, 3]), passphrase: 42 })),
      ),
    ).toMatchObject({ code: "VALIDATION", key: "signing.errorPassphrase" });
    expect(await db().signingCertificate.count({ where: { organizationId: s.org.id } })).toBe(0);
  });

  it("saveAnswers: changes without a question key or with a version that is no count are refused; nothing is written", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    const question = Object.keys(s.completeAnswers())[0]!;
    expect(
      await refusal(
        saveAnswers(
          vendor,
          bad<AnswerChange[]>([{ questionKey: question, value: "yes", baseVersion: "latest" }]),
        ),
      ),
    ).toMatchObject({ code: "VALIDATION", key: "answers.malformedChange" });
    expect(
      await refusal(saveAnswers(vendor, bad<AnswerChange[]>([{ value: "yes", baseVersion: 0 }]))),
    ).toMatchObject({ code: "VALIDATION", key: "answers.malformedChange" });
    expect(await refusal(saveAnswers(vendor, bad<AnswerChange[]>("everything")))).toMatchObject({
      code: "VALIDATION",
      key: "answers.malformedChange",
    });
    expect(await db().answer.count({ where: { assessmentId: vendor.assessmentId } })).toBe(0);
  });

  it("submitAssessment: takes nothing from the client, and refuses what it was not meant to get", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    expect(await refusal(submitAssessment(vendor, new Date(), bad({ score: 100 })))).toMatchObject({
      code: "VALIDATION",
      key: "errors.invalidInput",
    });
    expect(
      (
        await db().assessment.findUniqueOrThrow({
          where: { id: vendor.assessmentId },
          select: { status: true },
        })
      ).status,
    ).not.toBe("SUBMITTED");
  });

  it("forwardToDpo: a note that is no text is refused before the status changes", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    await s.answer(vendor, s.completeAnswers());
    expect(await submitAssessment(vendor)).toEqual({ ok: true });
    expect(
      await refusal(
        forwardToDpo(s.assessor, vendor.assessmentId, bad<string>({ text: "please decide" })),
      ),
    ).toMatchObject({ code: "VALIDATION", key: expect.stringMatching(/^errors\./) });
    expect(
      (
        await db().assessment.findUniqueOrThrow({
          where: { id: vendor.assessmentId },
          select: { status: true },
        })
      ).status,
    ).toBe("SUBMITTED");
  });

  it("deleteVendor / deleteProduct: a missing id never reaches the query (Prisma would read it as 'any row'); it is NOT_FOUND like a foreign one", async () => {
    const s = await createAssessmentScenario();
    const spare = await createVendor({ organizationId: s.org.id, name: "Spare vendor" });
    const admin = { ...s.admin, mfaVerifiedAt: new Date() };
    expect(await refusal(deleteVendor({ actor: admin, input: bad({}) }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await refusal(deleteProduct({ actor: admin, input: bad({ vendorId: spare.id }) })),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await db().vendor.count({ where: { id: spare.id } })).toBe(1);
  });

  it("logIn: credentials that are no text are refused like wrong ones, before an attempt is counted", async () => {
    const before = await db().rateLimitBucket.count();
    expect(
      await refusal(
        logIn(bad({ email: 42, password: "whatever", ip: "203.0.113.9", userAgent: null })),
      ),
    ).toMatchObject({ code: "VALIDATION", key: "auth.invalidCredentials" });
    expect(
      await refusal(
        logIn(
          bad({
            email: "someone@example.test",
            password: ["a"],
            ip: "203.0.113.9",
            userAgent: null,
          }),
        ),
      ),
    ).toMatchObject({ code: "VALIDATION", key: "auth.invalidCredentials" });
    expect(await db().rateLimitBucket.count()).toBe(before);
  });

  it("getVendor / getVendorHistory: a missing id is NOT_FOUND, never the organisation's first vendor", async () => {
    const s = await createAssessmentScenario();
    expect(await refusal(getVendor({ actor: s.assessor, input: bad({}) }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await refusal(getVendorHistory(s.assessor, bad({})))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("getAssessment / listInviteLinks: an id that is no text is NOT_FOUND, never the organisation's first assessment", async () => {
    const s = await createAssessmentScenario();
    expect(await refusal(getAssessment(s.assessor, bad<string>({})))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await refusal(listInviteLinks(s.assessor, bad<string>(42)))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("listClarificationsForUser: an id that is no text is NOT_FOUND, never the organisation's first assessment's threads", async () => {
    const s = await createAssessmentScenario();
    expect(await refusal(listClarificationsForUser(s.assessor, bad<string>({})))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("readSignedReport / listSignedReports / listPendingReports: ids that are no text are NOT_FOUND, never another assessment's reports", async () => {
    const s = await createAssessmentScenario();
    expect(
      await refusal(
        readSignedReport(s.assessor, bad({ assessmentId: s.assessment.id, reportId: 42 })),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(listSignedReports(s.assessor, bad<string>({})))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await refusal(listPendingReports(s.assessor, bad<string>(undefined)))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("diffVendorAssessments: ids that are no text are NOT_FOUND, never any assessment of the organisation", async () => {
    const s = await createAssessmentScenario();
    expect(
      await refusal(
        diffVendorAssessments(
          s.assessor,
          bad({ vendorId: {}, fromId: s.assessment.id, toId: s.assessment.id }),
        ),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await refusal(
        diffVendorAssessments(s.assessor, bad({ vendorId: s.vendor.id, fromId: 7, toId: 8 })),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
  });

  it("getTemplate: a template id that is no text is NOT_FOUND, never the organisation's first template", async () => {
    const s = await createAssessmentScenario();
    expect(await refusal(getTemplate(s.assessor, bad({ templateId: {} })))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await refusal(getTemplate(s.assessor, bad({ templateId: 42 })))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("completeLoginWithSecondFactor: a code that is no text is refused before an attempt is counted; an id that cannot be a user's is 'invalid'", async () => {
    const s = await createAssessmentScenario();
    const pending = {
      userId: s.admin.userId,
      organizationId: s.org.id,
      ip: "203.0.113.9",
      userAgent: null,
    };
    expect(
      await refusal(completeLoginWithSecondFactor({ ...pending, code: bad<string>(123456) })),
    ).toMatchObject({ code: "VALIDATION", key: "auth.invalidCode" });
    expect(
      await completeLoginWithSecondFactor({ ...pending, userId: bad<string>({}), code: "123456" }),
    ).toMatchObject({ kind: "invalid" });
    expect(
      await db().rateLimitBucket.count({ where: { key: `code:account:${s.admin.userId}` } }),
    ).toBe(0);
  });

  it("listAssessments: a page that is no whole number in range is refused with a message, never a database error", async () => {
    const s = await createAssessmentScenario();
    expect(await refusal(listAssessments(s.assessor, { page: Number("1e400") }))).toMatchObject({
      code: "VALIDATION",
      key: expect.stringMatching(/^errors\./),
    });
    expect(await refusal(listAssessments(s.assessor, bad({ status: ["DRAFT"] })))).toMatchObject({
      code: "VALIDATION",
    });
    expect((await listAssessments(s.assessor, {})).total).toBe(1);
  });

  it("compareVendors / listComparableVendors: ids that are no text are NOT_FOUND, and an over-long search is refused, never a database error", async () => {
    const s = await createAssessmentScenario();
    const other = await createVendor({ organizationId: s.org.id, name: "Other vendor" });
    expect(
      await refusal(compareVendors(s.assessor, bad({ vendorIds: [s.vendor.id, {}] }))),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await refusal(
        compareVendors(s.assessor, bad({ vendorIds: [s.vendor.id, other.id], profileId: 42 })),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await refusal(listComparableVendors(s.assessor, { search: "ab ".repeat(2000) })),
    ).toMatchObject({ code: "VALIDATION" });
    expect(await refusal(listComparableVendors(s.assessor, bad({ selected: [42] })))).toMatchObject(
      { code: "NOT_FOUND" },
    );
  });

  it("viewInvitation: a token that is no text is NOT_FOUND; a viewer without an address is refused, never a TypeError; nothing is recorded", async () => {
    const s = await createAssessmentScenario();
    const { token } = await createInvitationRecord({
      organizationId: s.org.id,
      invitedById: s.admin.userId,
    });
    const visitor = visitorFrom("203.0.113.9");
    const before = await db().auditEvent.count({ where: { organizationId: s.org.id } });
    expect(await refusal(viewInvitation(visitor, bad({ token: 42 })))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await refusal(viewInvitation(visitor, { token }, bad({ userId: s.assessor.userId }))),
    ).toMatchObject({ code: "VALIDATION" });
    expect(await db().auditEvent.count({ where: { organizationId: s.org.id } })).toBe(before);
  });
});
