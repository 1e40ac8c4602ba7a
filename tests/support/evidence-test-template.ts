// Test-only: a small template of our own with evidence questions in two sections, independent
// of the bundled templates (whose keys may change). Used by integration and browser tests.
import { randomBytes } from "node:crypto";
import { db } from "../../app/utils/db.server";
import {
  parseTemplateDefinition,
  type TemplateDefinition,
} from "../../app/modules/questionnaires/template-definition";

const label = (en: string) => ({ en, de: en });

export const EVIDENCE_TEMPLATE = {
  key: "evidence-test",
  title: label("Evidence test"),
  sections: [
    {
      key: "security",
      title: label("Security"),
      weight: 1,
      questions: [
        {
          key: "security.certificate",
          type: "evidence",
          label: label("Upload your ISO 27001 certificate"),
          required: false,
          evidence: { documentTypes: ["iso27001_certificate", "other"], expiryRequired: true },
        },
        {
          key: "security.mfa",
          type: "yes_no",
          label: label("Do you enforce MFA?"),
          required: false,
        },
      ],
    },
    {
      key: "privacy",
      title: label("Privacy"),
      weight: 1,
      questions: [
        {
          key: "privacy.dpa",
          type: "evidence",
          label: label("Upload your DPA"),
          required: false,
          evidence: { documentTypes: ["dpa"], expiryRequired: false },
        },
      ],
    },
  ],
};

function evidenceDefinition(): TemplateDefinition {
  const parsed = parseTemplateDefinition(EVIDENCE_TEMPLATE);
  if (!parsed.ok) throw new Error(`test template invalid: ${JSON.stringify(parsed.errors[0])}`);
  return parsed.definition;
}

export async function createEvidenceTemplateVersion(organizationId: string) {
  const template = await db().questionnaireTemplate.create({
    data: {
      organizationId,
      key: `evidence-test-${randomBytes(4).toString("hex")}`,
      name: "Evidence test",
    },
  });
  return db().templateVersion.create({
    data: {
      templateId: template.id,
      version: 1,
      status: "PUBLISHED",
      definition: JSON.stringify(evidenceDefinition()),
      checksum: randomBytes(32).toString("hex"),
      publishedAt: new Date(),
    },
  });
}
