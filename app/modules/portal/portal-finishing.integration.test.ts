import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extendInviteToDueDate } from "~/modules/assessments/extend-invite-to-due-date.server";
import { listInviteLinks } from "~/modules/assessments/list-invite-links.server";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { DomainError } from "~/utils/errors";
import {
  auditEventsOf,
  createAssessmentScenario,
  rejectionOf,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { startSmtpCatcher, type SmtpCatcher } from "../../../tests/support/smtp-catcher";
import { answersCopyCsv, answersCopyPdf, getAnswersCopy } from "./answers-copy.server";
import { delegateSections } from "./delegate-sections.server";
import { delegationStatus } from "./delegation-status.server";
import { savePortalForm } from "./save-portal-form.server";

/**
 * Issue 15, item 7 (vendor portal finishing), on SQLite and PostgreSQL: a delegated colleague's
 * "done" (stored, audited, mailed to the main contact in their language, shown to them), the
 * confirmation before the final submit, the vendor's CSV copy (formula injection neutralised),
 * sub-processor rows added and removed with plain form posts, and the warning (with a one-click
 * extension) for invite links that expire before the due date.
 */
let smtp: SmtpCatcher;
const previousMailUrl = process.env.MAIL_URL;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  process.env.MAIL_URL = smtp.url;
  resetEnvForTests();
});

afterAll(async () => {
  process.env.MAIL_URL = previousMailUrl;
  resetEnvForTests();
  await smtp.stop();
});

const TABLE = "residency.subprocessors";
const TEXT = "compliance.dpo_contact";

/** The plain questionnaire form as the portal renders it: value, version (v.) and shown value (o.). */
function plainForm(
  intent: string,
  fields: [string, string][] = [],
  base: Record<string, number> = {},
) {
  const form = new FormData();
  form.set("intent", intent);
  const keys = new Set<string>();
  for (const [name, value] of fields) {
    form.append(name, value);
    keys.add(name.split(".").slice(1, 3).join("."));
  }
  for (const key of keys) {
    form.set(`v.${key}`, String(base[key] ?? 0));
    form.set(`o.${key}`, "null");
  }
  return form;
}

function row(name: string, country: string): [string, string][] {
  return [
    [`q.${TABLE}.name`, name],
    [`q.${TABLE}.purpose`, "Hosting"],
    [`q.${TABLE}.country`, country],
    [`q.${TABLE}.mechanism`, "scc"],
  ];
}

async function storedValue(s: AssessmentScenario, key: string) {
  return (await s.storedAnswers())[key];
}

describe("a delegated colleague says they are done", () => {
  it("refuses while a required answer of their sections is missing; then stores, audits and mails the main contact", async () => {
    const s = await createAssessmentScenario();
    const main = await s.invitedVendor({ contactName: "Mia Main", locale: "de" });
    const sectionKey = s.definition.sections[0]!.key;
    const email = `colleague-${Date.now()}@acme.example`;
    const delegated = await delegateSections(main.vendor, {
      contactEmail: email,
      contactName: "Sam Security",
      locale: "en",
      sections: [sectionKey],
    });
    const colleague = { ...(await s.vendorActorFor(delegated.inviteId)), sections: [sectionKey] };

    const early = await savePortalForm(colleague, { form: plainForm("sections_done") });
    expect(early).toMatchObject({ kind: "summary", status: 400 });
    if (early.kind !== "summary") throw new Error("expected a summary");
    const ownRequired = s.definition.sections[0]!.questions.filter((q) => q.required);
    expect(early.summary.missingRequired.length).toBeGreaterThan(0);
    expect(early.summary.missingRequired.every((k) => ownRequired.some((q) => q.key === k))).toBe(
      true,
    );
    expect(early.summary.sectionsDone).toBe(false);

    const own = Object.fromEntries(
      Object.entries(s.completeAnswers()).filter(([key]) =>
        s.definition.sections[0]!.questions.some((q) => q.key === key),
      ),
    );
    await s.answer(colleague, own);
    const done = await savePortalForm(colleague, { form: plainForm("sections_done") });
    expect(done).toMatchObject({ kind: "summary", status: 200, summary: { sectionsDone: true } });

    const link = await db().inviteLink.findUniqueOrThrow({ where: { id: delegated.inviteId } });
    expect(link.sectionsDoneAt).not.toBeNull();
    const events = (await auditEventsOf(s.org.id, "invite.sectionsDone")).filter(
      (e) => e.targetId === delegated.inviteId,
    );
    expect(events).toHaveLength(1);
    // The main contact chose German: the mail is German and names the colleague and section.
    const mail = await smtp.waitFor(
      (m) => m.to.includes(main.invite.contactEmail) && /Sam Security/.test(m.subject),
    );
    expect(mail.subject).toContain("hat die eigenen Abschnitte abgeschlossen");
    expect(mail.text).toContain("Guten Tag Mia Main");
    expect(mail.text).toContain(s.definition.sections[0]!.title.de);

    // The main contact's portal shows the colleague as done.
    const status = await delegationStatus(main.vendor);
    expect(status.colleagues).toEqual([
      expect.objectContaining({
        contactEmail: email,
        sections: [sectionKey],
        doneAt: link.sectionsDoneAt,
      }),
    ]);

    // Saying it twice sends no second mail and records no second event.
    await savePortalForm(colleague, { form: plainForm("sections_done") });
    expect(await auditEventsOf(s.org.id, "invite.sectionsDone")).toHaveLength(1);
  });

  it("the main contact cannot say 'done' (they submit): 403, nothing stored", async () => {
    const s = await createAssessmentScenario();
    const { vendor, invite } = await s.invitedVendor();
    await s.answer(vendor, s.completeAnswers());
    const response = await rejectionOf(
      savePortalForm(vendor, { form: plainForm("sections_done") }),
    );
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(403);
    const link = await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } });
    expect(link.sectionsDoneAt).toBeNull();
  });
});

describe("confirm before the final submit", () => {
  it("'submit' with nothing missing asks first (N answers) and submits nothing; 'confirm_submit' submits", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    await s.answer(vendor, s.completeAnswers());
    const asked = await savePortalForm(vendor, { form: plainForm("submit") });
    expect(asked).toMatchObject({ kind: "summary", status: 200 });
    if (asked.kind !== "summary") throw new Error("expected a summary");
    const stored = Object.values(await s.storedAnswers()).filter((v) => v !== null).length;
    expect(asked.summary.confirm?.answered).toBeGreaterThan(0);
    expect(asked.summary.confirm!.answered).toBeLessThanOrEqual(stored);
    expect((await s.reload()).status).not.toBe("SUBMITTED");

    expect(await savePortalForm(vendor, { form: plainForm("confirm_submit") })).toEqual({
      kind: "submitted",
    });
    expect((await s.reload()).status).toBe("SUBMITTED");
  });

  it("'submit' with required answers missing lists them and asks nothing", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    const result = await savePortalForm(vendor, { form: plainForm("submit") });
    expect(result).toMatchObject({ kind: "summary", status: 400, summary: { confirm: null } });
    if (result.kind !== "summary") throw new Error("expected a summary");
    expect(result.summary.missingRequired.length).toBeGreaterThan(0);
  });
});

describe("the vendor's copy of their answers", () => {
  it("CSV: every visible question in the vendor's language, formula injection neutralised", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    await s.answer(vendor, { [TEXT]: '=HYPERLINK("http://evil.example","Click")' });
    const copy = await getAnswersCopy(vendor, "de");
    const csv = answersCopyCsv(copy, "de");
    expect(csv.startsWith("\uFEFFAbschnitt,Frage,Antwort,Dateien\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const label = s.definition.sections
      .flatMap((section) => section.questions)
      .find((q) => q.key === TEXT)!.label.de;
    expect(csv).toContain(label);
  });

  it("PDF: a bounded PDF with the answers", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    await s.answer(vendor, s.completeAnswers());
    const pdf = await answersCopyPdf(await getAnswersCopy(vendor, "en"), "en");
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(pdf.byteLength).toBeLessThan(2_000_000);
  });
});

describe("sub-processor rows without JavaScript", () => {
  it("removeRow:<key>:<i> saves the table without that row; addRow:<key> saves and shows one blank row more", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    const three = [
      ...row("Alpha Cloud", "DE"),
      ...row("Beta Mail", "US"),
      ...row("Gamma CDN", "FR"),
    ];
    const saved = await savePortalForm(vendor, { form: plainForm("save", three) });
    expect(saved).toMatchObject({ kind: "summary", status: 200, summary: { saved: 1 } });
    expect(((await storedValue(s, TABLE)) as { name: string }[]).map((r) => r.name)).toEqual([
      "Alpha Cloud",
      "Beta Mail",
      "Gamma CDN",
    ]);

    const version = (
      await db().answer.findFirstOrThrow({
        where: { assessmentId: s.assessment.id, questionKey: TABLE },
      })
    ).version;
    const removed = await savePortalForm(vendor, {
      form: plainForm(`removeRow:${TABLE}:1`, three, { [TABLE]: version }),
    });
    expect(removed).toMatchObject({ kind: "summary", status: 200 });
    if (removed.kind !== "summary") throw new Error("expected a summary");
    expect(((await storedValue(s, TABLE)) as { name: string }[]).map((r) => r.name)).toEqual([
      "Alpha Cloud",
      "Gamma CDN",
    ]);
    expect(removed.summary.rows?.values.map((r) => r.name)).toEqual(["Alpha Cloud", "Gamma CDN"]);
    expect((await s.reload()).status).not.toBe("SUBMITTED");

    // Add: a half-filled row cannot be saved yet, but nothing typed is lost and a blank row follows.
    const half = [...row("Alpha Cloud", "DE"), ...row("Gamma CDN", "FR"), ...row("Delta AI", "")];
    const added = await savePortalForm(vendor, {
      form: plainForm(`addRow:${TABLE}`, half, { [TABLE]: version + 1 }),
    });
    if (added.kind !== "summary") throw new Error("expected a summary");
    expect(added.summary.rows?.values.map((r) => r.name)).toEqual([
      "Alpha Cloud",
      "Gamma CDN",
      "Delta AI",
      "",
    ]);
    expect(added.summary.confirm).toBeNull();
  });
});

describe("invite links that expire before the due date", () => {
  it("are flagged for the assessor and extended to the end of the due day in one click, audited", async () => {
    const s = await createAssessmentScenario();
    // The scenario's due date is 2027-03-31; a 7-day link from today ends long before.
    const { invite } = await s.invitedVendor({ ttlDays: 7 });
    const listed = await listInviteLinks(s.assessor, s.assessment.id);
    expect(listed.dueDate?.toISOString().slice(0, 10)).toBe("2027-03-31");
    expect(listed.links.find((l) => l.id === invite.inviteId)?.expiresBeforeDue).toBe(true);

    const extended = await extendInviteToDueDate(s.assessor, { inviteId: invite.inviteId });
    expect(extended.expiresAt.toISOString()).toBe("2027-04-01T00:00:00.000Z");
    const after = await listInviteLinks(s.assessor, s.assessment.id);
    expect(after.links.find((l) => l.id === invite.inviteId)?.expiresBeforeDue).toBe(false);
    const events = (await auditEventsOf(s.org.id, "invite.extended")).filter(
      (e) => e.targetId === invite.inviteId,
    );
    expect(events).toHaveLength(1);
  });

  it("a foreign organisation's link is NOT_FOUND; an auditor may not extend", async () => {
    const s = await createAssessmentScenario();
    const other = await createAssessmentScenario();
    const { invite } = await s.invitedVendor({ ttlDays: 7 });
    const foreign = await rejectionOf(
      extendInviteToDueDate(other.assessor, { inviteId: invite.inviteId }),
    );
    expect((foreign as DomainError).code).toBe("NOT_FOUND");
    const auditor = await rejectionOf(
      extendInviteToDueDate(s.auditor, { inviteId: invite.inviteId }),
    );
    expect(auditor).toBeInstanceOf(DomainError);
    const link = await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } });
    expect(link.expiresAt.getTime()).toBe(invite.expiresAt.getTime());
  });
});
