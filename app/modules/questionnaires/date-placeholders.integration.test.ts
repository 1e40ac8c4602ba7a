import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createMemberActor,
  createAssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { createOrganization } from "../../../tests/support/factories";
import { db } from "../../utils/db.server";
import { getAssessment } from "../assessments/get-assessment.server";
import { startAssessment } from "../assessments/start-assessment.server";
import { getPortalPage } from "../portal/get-portal-page.server";
import { createTemplate } from "../templates/create-template.server";
import { findDraft } from "../templates/find-template.server";
import { importTemplate } from "../templates/import-template.server";
import { saveTemplateDraft } from "../templates/save-template-draft.server";
import { parseTemplateDefinition, type TemplateDefinitionInput } from "./template-definition";

// Issue 21 items 1 and 6 through the real loaders: a definition's date placeholders read as the
// catalogue's day on every page, its references as citations in the reader's language, and a
// placeholder or reference the catalogue cannot resolve is a template error when saved.

const fixture = (key: string, label: { en: string; de: string }, references: string[] = []) =>
  ({
    key,
    title: { en: "Placeholder probe", de: "Platzhalter-Probe" },
    sections: [
      {
        key: "ai",
        title: { en: "AI Act", de: "KI-VO" },
        weight: 1,
        questions: [
          {
            key: "ai.high_risk",
            type: "yes_no",
            label,
            help: {
              en: "Annex III obligations apply from {{applies:eu:2024/1689:art:6:par:2}}.",
              de: "Die Pflichten für Anhang-III-Systeme gelten ab dem {{applies:eu:2024/1689:art:6:par:2}}.",
            },
            required: true,
            references,
          },
        ],
      },
    ],
  }) satisfies TemplateDefinitionInput;

describe("date placeholders and references on the pages", () => {
  it("read as the catalogue's day and as citations on the assessment page and in the portal", async () => {
    const s = await createAssessmentScenario();
    const parsed = parseTemplateDefinition(
      fixture(
        `placeholder-${randomBytes(4).toString("hex")}`,
        {
          en: "Will the system be conformity-assessed by {{applies:eu:2024/1689:art:6:par:2}}?",
          de: "Ist die Konformitätsbewertung bis zum {{applies:eu:2024/1689:art:6:par:2}} abgeschlossen?",
        },
        ["eu:2024/1689:art:43", "eu:2016/679:art:28:par:3:pt:a"],
      ),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const template = await db().questionnaireTemplate.create({
      data: { organizationId: s.org.id, key: parsed.definition.key, name: "Placeholder probe" },
    });
    const version = await db().templateVersion.create({
      data: {
        templateId: template.id,
        version: 1,
        status: "PUBLISHED",
        definition: JSON.stringify(parsed.definition),
        checksum: randomBytes(32).toString("hex"),
        publishedAt: new Date(),
      },
    });
    const assessment = await startAssessment(s.assessor, {
      vendorId: s.vendor.id,
      productId: s.product.id,
      templateVersionId: version.id,
      title: "Placeholder probe",
      dueDate: "2027-03-31",
    });

    const view = await getAssessment(s.assessor, assessment.id);
    const question = view.questions.find((q) => q.key === "ai.high_risk")!;
    expect(question.label).toEqual({
      en: "Will the system be conformity-assessed by 2 December 2027?",
      de: "Ist die Konformitätsbewertung bis zum 2. Dezember 2027 abgeschlossen?",
    });
    expect(question.references).toEqual([
      { en: "AI Act Art. 43", de: "Art. 43 KI-VO" },
      { en: "GDPR Art. 28(3)(a)", de: "Art. 28 Abs. 3 lit. a DSGVO" },
    ]);

    const invite = await db().inviteLink.create({
      data: {
        organizationId: s.org.id,
        assessmentId: assessment.id,
        contactEmail: "probe@acme.example",
        tokenHash: randomBytes(32).toString("hex"),
        expiresAt: new Date(Date.now() + 86_400_000),
        locale: "de",
      },
    });
    const vendor = await s.vendorActorFor(invite.id);
    const page = await getPortalPage(vendor, { url: "http://localhost/portal" });
    const portalQuestion = page.sections[0]!.questions[0]!;
    expect(portalQuestion.help?.de).toBe(
      "Die Pflichten für Anhang-III-Systeme gelten ab dem 2. Dezember 2027.",
    );
    expect(portalQuestion.references.map((r) => r.de)).toEqual([
      "Art. 43 KI-VO",
      "Art. 28 Abs. 3 lit. a DSGVO",
    ]);
    // The stored definition keeps the placeholder.
    const stored = await db().templateVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(stored.definition).toContain("{{applies:eu:2024/1689:art:6:par:2}}");
  });

  it("shows a legacy version's reference strings as citations in both languages, free text as written", async () => {
    const s = await createAssessmentScenario();
    const raw = fixture(`legacy-${randomBytes(4).toString("hex")}`, { en: "Q", de: "F" });
    const parsed = parseTemplateDefinition({
      ...raw,
      sections: raw.sections.map((section) => ({
        ...section,
        questions: section.questions.map((q) => ({
          ...q,
          regulationRefs: ["GDPR Art. 28(3)(a)", "Konzernrichtlinie IT-7"],
        })),
      })),
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const template = await db().questionnaireTemplate.create({
      data: { organizationId: s.org.id, key: parsed.definition.key, name: "Legacy probe" },
    });
    const version = await db().templateVersion.create({
      data: {
        templateId: template.id,
        version: 1,
        status: "PUBLISHED",
        definition: JSON.stringify(parsed.definition),
        checksum: randomBytes(32).toString("hex"),
        publishedAt: new Date(),
      },
    });
    const assessment = await startAssessment(s.assessor, {
      vendorId: s.vendor.id,
      productId: s.product.id,
      templateVersionId: version.id,
      title: "Legacy probe",
      dueDate: "2027-03-31",
    });
    const view = await getAssessment(s.assessor, assessment.id);
    expect(view.questions[0]!.references).toEqual([
      { en: "GDPR Art. 28(3)(a)", de: "Art. 28 Abs. 3 lit. a DSGVO" },
      { en: "Konzernrichtlinie IT-7", de: "Konzernrichtlinie IT-7" },
    ]);
  });

  it("refuses to save a draft whose placeholder or reference the catalogue cannot resolve (DE/EN), storing nothing", async () => {
    const organization = await createOrganization();
    const org = { id: organization.id, slug: organization.slug, name: organization.name };
    const actor = await createMemberActor(org, "ASSESSOR", { mfaVerifiedAt: null });
    const template = await createTemplate(actor, {
      key: `placeholder-draft-${Date.now()}`,
      titleEn: "Probe",
      titleDe: "Probe",
    });
    const draft = (await findDraft(template.id))!;
    const result = await saveTemplateDraft(actor, {
      templateId: template.id,
      revision: draft.revision,
      change: "question.updated",
      definition: fixture(
        template.key,
        { en: "By {{applies:eu:2024/1689:art:6}}?", de: "Bis {{applies:eu:2024/1689:art:999}}?" },
        ["eu:2016/679:art:999"],
      ),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path, e.key])).toEqual([
      ["sections[0].questions[0].references[0]", "templateErrors.referenceUnknown"],
      ["sections[0].questions[0].label.en", "templateErrors.placeholderAmbiguous"],
      ["sections[0].questions[0].label.de", "templateErrors.placeholderUnknownProvision"],
    ]);
    expect((await findDraft(template.id))!.revision).toBe(draft.revision);
  });

  it("refuses to import a file whose placeholder names no provision: a template error, nothing created", async () => {
    const organization = await createOrganization();
    const org = { id: organization.id, slug: organization.slug, name: organization.name };
    const actor = await createMemberActor(org, "ASSESSOR", { mfaVerifiedAt: null });
    const key = `placeholder-import-${randomBytes(4).toString("hex")}`;
    const result = await importTemplate(actor, {
      text: JSON.stringify(
        fixture(key, { en: "By {{applies:eu:2024/1689:art:999}}?", de: "Bis?" }),
      ),
      format: "json",
      mode: "new",
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => [e.path, e.key])).toEqual([
        ["sections[0].questions[0].label.en", "templateErrors.placeholderUnknownProvision"],
      ]);
    expect(await db().questionnaireTemplate.count({ where: { organizationId: org.id, key } })).toBe(
      0,
    );
  });
});
