import { base32 } from "../../app/modules/auth/totp.server";
import type { Actor, Role, UserActor } from "../../app/modules/auth/actor";
import { hashPassword } from "../../app/modules/auth/password.server";
import { encryptTotpKey } from "../../app/modules/auth/totp.server";
import { recordAuditEvent } from "../../app/modules/audit/record-audit-event.server";
import { computeScore, recommendationFor } from "../../app/modules/assessments/compute-score";
import { finishPendingReport } from "../../app/modules/reports/finish-pending-report.server";
import { recordPendingReport } from "../../app/modules/reports/record-pending-report.server";
import { installBundledTemplates } from "../../app/modules/questionnaires/bundled-templates.server";
import { seedRegulations } from "../regulations/seed-regulations.server";
import { parseStoredDefinition } from "../../app/modules/questionnaires/load-template-version.server";
import { canonicalJson } from "../../app/utils/canonical-json";
import { sha256Hex } from "../../app/utils/crypto.server";
import { db, type Tx } from "../../app/utils/db.server";
import { inTransaction } from "../../app/utils/transaction.server";
import type { SubprocessorRow } from "../../app/modules/questionnaires/answer-value";
import { demoAnswers, type AnswerProfile } from "./demo-answers";

export const DEMO_ORG = { slug: "demo", name: "Demo GmbH" };
/** The bundled template the demo assessments are sent with. */
export const DEMO_TEMPLATE_KEY = "ai-vendor-due-diligence";

/** Secrets of the demo installation, generated once and kept in .data/ (outside git). */
export interface DemoSecrets {
  passwords: Record<Role, string>;
  totpKeys: { ADMIN: string; DPO: string }; // base64 of the raw key
  inviteToken: string;
}

export const DEMO_USERS: { role: Role; email: string; name: string; totp: boolean }[] = [
  { role: "ADMIN", email: "admin@demo.example", name: "Anna Admin", totp: true },
  { role: "ASSESSOR", email: "assessor@demo.example", name: "Bernd Bewerter", totp: false },
  { role: "DPO", email: "dpo@demo.example", name: "Dana Datenschutz", totp: true },
  { role: "AUDITOR", email: "auditor@demo.example", name: "Paul Prüfer", totp: false },
];

type DemoStatus =
  | "DRAFT"
  | "INVITED"
  | "IN_PROGRESS"
  | "SUBMITTED"
  | "AWAITING_DECISION"
  | "APPROVED"
  | "APPROVED_WITH_CONDITIONS"
  | "REJECTED";

interface DemoVendor {
  name: string;
  website: string;
  country: string;
  criticality: string;
  description: string;
  product: {
    name: string;
    foundationModel: string;
    hostingRegions: string[];
    dataCategories: string[];
  };
  status: DemoStatus;
  profile: AnswerProfile;
}

/** The same countries for every data flow of the residency rating, and the vendor's sub-processors. */
const eu = (countries: string[], subprocessors?: SubprocessorRow[]) => ({
  "residency.storage_countries": countries,
  "residency.processing_countries": countries,
  "residency.support_countries": countries,
  "residency.inference_countries": countries,
  "residency.backup_countries": countries,
  "residency.dpf_certified": countries.includes("US") ? "no" : "na",
  ...(subprocessors ? { "residency.subprocessors": subprocessors } : {}),
});

/** A sub-processor row of the residency table (invented companies). */
const sub = (
  name: string,
  purpose: string,
  country: string,
  mechanism: SubprocessorRow["mechanism"],
): SubprocessorRow => ({ name, purpose, country, mechanism });

export const VENDORS: DemoVendor[] = [
  {
    name: "Acme AI",
    website: "https://acme.example",
    country: "US",
    criticality: "HIGH",
    description: "LLM assistant for sales and service teams.",
    product: {
      name: "Acme Assist",
      foundationModel: "GPT-4o",
      hostingRegions: ["US", "IE"],
      dataCategories: ["customer_contact", "content_documents"],
    },
    status: "INVITED",
    profile: {
      quality: 0.6,
      overrides: {
        ...eu(
          ["US", "IE"],
          [
            sub("Emerald Cloud Ltd", "Hosting and inference", "IE", "not_needed"),
            sub("Helpdesk Corp.", "Support tickets", "US", "dpf"),
          ],
        ),
        "residency.dpf_certified": "yes",
        "residency.foreign_access_laws": "subject_mitigated",
        "ai_act.eu_representative": "representative_appointed",
      },
    },
  },
  {
    name: "Nordlicht Analytics GmbH",
    website: "https://nordlicht.example",
    country: "DE",
    criticality: "MEDIUM",
    description: "Churn prediction for CRM data.",
    product: {
      name: "Nordlicht Predict",
      foundationModel: "Own gradient-boosting models",
      hostingRegions: ["DE"],
      dataCategories: ["customer_contact", "usage_telemetry"],
    },
    status: "APPROVED",
    profile: { quality: 0.95, overrides: eu(["DE"]) },
  },
  {
    name: "Bavaria Speech AG",
    website: "https://bavaria-speech.example",
    country: "DE",
    criticality: "HIGH",
    description: "Call transcription and summaries.",
    product: {
      name: "Bavaria Transcribe",
      foundationModel: "Whisper large-v3 (self-hosted)",
      hostingRegions: ["DE", "AT"],
      dataCategories: ["customer_contact", "content_documents"],
    },
    status: "SUBMITTED",
    profile: {
      quality: 0.8,
      overrides: eu(
        ["DE", "AT"],
        [
          sub("Hetzner Online GmbH", "Hosting", "DE", "not_needed"),
          sub("Alpen GPU Cloud GmbH", "Speech recognition (GPU inference)", "AT", "not_needed"),
        ],
      ),
    },
  },
  {
    name: "Helvetia LLM SA",
    website: "https://helvetia-llm.example",
    country: "CH",
    criticality: "CRITICAL",
    description: "Private LLM hosting for regulated industries.",
    product: {
      name: "Helvetia Private GPT",
      foundationModel: "Mistral Large",
      hostingRegions: ["CH"],
      dataCategories: ["financial", "content_documents"],
    },
    status: "AWAITING_DECISION",
    profile: {
      quality: 0.7,
      sectionQuality: { data_use: 0.95, transparency: 0.95 },
      overrides: {
        ...eu(
          ["CH"],
          [sub("Swiss Sovereign Hosting AG", "Hosting and inference", "CH", "adequacy")],
        ),
        "residency.transfer_safeguards": "adequacy_decision",
        "ai_act.eu_representative": "representative_appointed",
      },
    },
  },
  {
    name: "Pacific Insights Inc.",
    website: "https://pacific-insights.example",
    country: "US",
    criticality: "HIGH",
    description: "Marketing attribution with generative AI.",
    product: {
      name: "Pacific Attribution",
      foundationModel: "Claude 3.5 Sonnet",
      hostingRegions: ["US"],
      dataCategories: ["customer_contact", "usage_telemetry"],
    },
    status: "REJECTED",
    profile: {
      quality: 0.35,
      overrides: {
        ...eu(
          ["US"],
          [
            sub("Cloudline Hosting Inc.", "Hosting and inference", "US", "none"),
            sub("Insight Labelers LLC", "Labelling of customer prompts", "PH", "none"),
          ],
        ),
        "residency.transfer_safeguards": "no_safeguards",
        "residency.foreign_access_laws": "subject",
        "data_use.model_training": "no_opt_out",
        "data_use.human_review": "sampling",
        "ai_act.eu_representative": "not_appointed",
      },
    },
  },
  {
    name: "Lumen Translate BV",
    website: "https://lumen.example",
    country: "NL",
    criticality: "LOW",
    description: "Machine translation for support tickets.",
    product: {
      name: "Lumen MT",
      foundationModel: "Own NMT models",
      hostingRegions: ["NL"],
      dataCategories: ["content_documents"],
    },
    status: "IN_PROGRESS",
    profile: {
      quality: 0.85,
      overrides: eu(
        ["NL"],
        [sub("Polder Datacenters B.V.", "Hosting and backups", "NL", "not_needed")],
      ),
    },
  },
  {
    name: "Datenwerk KI GmbH",
    website: "https://datenwerk.example",
    country: "DE",
    criticality: "MEDIUM",
    description: "Document extraction for invoices.",
    product: {
      name: "Datenwerk Extract",
      foundationModel: "Llama 3.1 70B (self-hosted)",
      hostingRegions: ["DE"],
      dataCategories: ["financial"],
    },
    status: "DRAFT",
    profile: { quality: 0.9 },
  },
  {
    name: "Orbit CRM AI Ltd",
    website: "https://orbit-crm.example",
    country: "GB",
    criticality: "HIGH",
    description: "Lead scoring inside the CRM.",
    product: {
      name: "Orbit Score",
      foundationModel: "Gemini 1.5 Pro",
      hostingRegions: ["GB", "DE"],
      dataCategories: ["customer_contact"],
    },
    status: "APPROVED_WITH_CONDITIONS",
    profile: {
      quality: 0.72,
      sectionQuality: { security: 0.95, access_control: 0.95, monitoring: 0.95 },
      overrides: {
        ...eu(
          ["GB", "DE"],
          [
            sub("Thames Cloud Ltd", "Hosting and inference", "GB", "adequacy"),
            sub("Hetzner Online GmbH", "Backups", "DE", "not_needed"),
          ],
        ),
        "residency.transfer_safeguards": "adequacy_decision",
        "ai_act.eu_representative": "representative_appointed",
        // Lead scoring prepares decisions about people; sales staff review every score.
        "data_use.automated_decisions": "decision_support_human_review",
      },
    },
  },
  {
    name: "Sakura Vision KK",
    website: "https://sakura-vision.example",
    country: "JP",
    criticality: "LOW",
    description: "Image tagging for the product catalogue.",
    product: {
      name: "Sakura Tagger",
      foundationModel: "Own vision models",
      hostingRegions: ["JP"],
      dataCategories: ["content_documents"],
    },
    status: "SUBMITTED",
    profile: {
      quality: 0.55,
      overrides: {
        ...eu(["JP"], [sub("Tokyo Vision Cloud KK", "Hosting and inference", "JP", "adequacy")]),
        "residency.transfer_safeguards": "adequacy_decision",
        "ai_act.eu_representative": "not_appointed",
      },
    },
  },
];

const SCORED: readonly DemoStatus[] = [
  "SUBMITTED",
  "AWAITING_DECISION",
  "APPROVED",
  "APPROVED_WITH_CONDITIONS",
  "REJECTED",
];
const ANSWERED: readonly DemoStatus[] = ["IN_PROGRESS", ...SCORED];

/** Creates "Demo GmbH" with its users, vendors and assessments once; later calls change nothing. */
export async function seedDemo(
  secrets: DemoSecrets,
): Promise<{ created: boolean; organizationId: string; inviteAssessmentId: string | null }> {
  const existing = await db().organization.findUnique({
    where: { slug: DEMO_ORG.slug },
    select: { id: true },
  });
  if (existing) {
    const acme = await db().assessment.findFirst({
      where: { organizationId: existing.id, vendor: { name: "Acme AI" } },
      select: { id: true },
    });
    return { created: false, organizationId: existing.id, inviteAssessmentId: acme?.id ?? null };
  }
  const passwordHashes = Object.fromEntries(
    await Promise.all(
      DEMO_USERS.map(async (u) => [u.role, await hashPassword(secrets.passwords[u.role])] as const),
    ),
  ) as Record<Role, string>;

  const seeded = await inTransaction(async (tx) => {
    const org = await tx.organization.create({
      data: { slug: DEMO_ORG.slug, name: DEMO_ORG.name },
    });
    const system: Actor = { kind: "system", organizationId: org.id, label: "demo seed" };
    await recordAuditEvent(tx, system, {
      action: "org.created",
      target: { type: "organization", id: org.id },
      payload: { slug: org.slug },
    });
    const userIds = {} as Record<Role, string>;
    for (const u of DEMO_USERS) {
      const key = u.totp
        ? Buffer.from(secrets.totpKeys[u.role as "ADMIN" | "DPO"], "base64")
        : null;
      const user = await tx.user.create({
        data: {
          email: u.email,
          name: u.name,
          passwordHash: passwordHashes[u.role],
          locale: "de",
          totpSecretEnc: key ? encryptTotpKey(new Uint8Array(key)) : null,
          totpEnabledAt: key ? new Date() : null,
          memberships: { create: { organizationId: org.id, role: u.role } },
        },
      });
      userIds[u.role] = user.id;
      await recordAuditEvent(tx, system, {
        action: "user.created",
        target: { type: "user", id: user.id },
        payload: { email: u.email, role: u.role },
      });
    }
    await installBundledTemplates(tx, system);
    await seedRegulations(tx);
    // Several templates are bundled; the demo assessments use the due-diligence questionnaire.
    const version = await tx.templateVersion.findFirstOrThrow({
      where: { template: { organizationId: org.id, key: DEMO_TEMPLATE_KEY } },
      orderBy: { version: "desc" },
      select: { id: true, templateId: true, definition: true },
    });
    const definition = parseStoredDefinition(version.definition);
    let inviteAssessmentId: string | null = null;
    for (const [index, v] of VENDORS.entries()) {
      const assessmentId = await seedVendor(
        tx,
        system,
        org.id,
        userIds,
        version.id,
        definition,
        v,
        index,
      );
      if (v.status === "INVITED") {
        inviteAssessmentId = assessmentId;
        const invite = await tx.inviteLink.create({
          data: {
            organizationId: org.id,
            assessmentId,
            contactEmail: "security@acme.example",
            contactName: "Acme Security Team",
            tokenHash: sha256Hex(secrets.inviteToken),
            expiresAt: new Date(Date.now() + 30 * 86_400_000),
            createdById: userIds.ASSESSOR,
          },
        });
        await recordAuditEvent(tx, system, {
          action: "invite.created",
          target: { type: "invite", id: invite.id },
          payload: { assessmentId, contactEmail: "security@acme.example", ttlDays: 30 },
        });
      }
    }
    await seedWeightProfiles(
      tx,
      system,
      org.id,
      definition.sections.map((section) => section.key),
    );
    return { created: true, organizationId: org.id, inviteAssessmentId };
  });
  // The decided demo assessments' reports, signed outside the seeding transaction.
  const pending = await db().pendingReport.findMany({
    where: { organizationId: seeded.organizationId },
    select: { decisionId: true },
  });
  for (const { decisionId } of pending) await finishPendingReport(decisionId);
  return seeded;
}

/**
 * Two what-if weight profiles for the comparison page (none is the default, so stored scores
 * keep the template's own weights): the buying committee switches between them on /compare.
 */
const DEMO_WEIGHT_PROFILES = [
  {
    name: "Datenschutz zuerst",
    description: "Serverstandort und Datennutzung zählen dreifach.",
    heavy: ["residency", "data_use"],
  },
  {
    name: "Sicherheit zuerst",
    description: "Sicherheit, Zugriffskontrolle und Überwachung zählen dreifach.",
    heavy: ["security", "access_control", "monitoring"],
  },
];

async function seedWeightProfiles(
  tx: Tx,
  system: Actor,
  organizationId: string,
  sectionKeys: string[],
): Promise<void> {
  for (const p of DEMO_WEIGHT_PROFILES) {
    const sectionWeights = Object.fromEntries(
      sectionKeys.map((key) => [key, p.heavy.includes(key) ? 3 : 1]),
    );
    const profile = await tx.weightProfile.create({
      data: {
        organizationId,
        name: p.name,
        description: p.description,
        weights: JSON.stringify({ sectionWeights, questionWeights: {} }),
      },
    });
    await recordAuditEvent(tx, system, {
      action: "weights.profile_created",
      target: { type: "weight_profile", id: profile.id },
      payload: { name: p.name, sectionWeights },
    });
  }
}

async function seedVendor(
  tx: Tx,
  system: Actor,
  organizationId: string,
  userIds: Record<Role, string>,
  templateVersionId: string,
  definition: ReturnType<typeof parseStoredDefinition>,
  v: DemoVendor,
  index: number,
): Promise<string> {
  const vendor = await tx.vendor.create({
    data: {
      organizationId,
      name: v.name,
      website: v.website,
      country: v.country,
      criticality: v.criticality,
      description: v.description,
    },
  });
  const product = await tx.product.create({
    data: {
      organizationId,
      vendorId: vendor.id,
      name: v.product.name,
      foundationModel: v.product.foundationModel,
      hostingRegions: JSON.stringify(v.product.hostingRegions),
      dataCategories: JSON.stringify(v.product.dataCategories),
    },
  });
  await recordAuditEvent(tx, system, {
    action: "vendor.created",
    target: { type: "vendor", id: vendor.id },
    payload: { name: v.name },
  });
  // The models in use are the product's own story; the profile may still override them.
  const answers = demoAnswers(definition, {
    ...v.profile,
    overrides: {
      "transparency.models_used": `${v.product.foundationModel}: ${v.description}`,
      ...v.profile.overrides,
    },
  });
  const scored = SCORED.includes(v.status);
  const submittedAt = new Date(Date.UTC(2026, 9, 1 + index));
  const score = scored
    ? computeScore(definition, answers, submittedAt.toISOString().slice(0, 10))
    : null;
  const assessment = await tx.assessment.create({
    data: {
      organizationId,
      vendorId: vendor.id,
      productId: product.id,
      templateVersionId,
      title: `${v.product.name} – AI due diligence 2026`,
      status: v.status,
      dueDate: new Date(Date.UTC(2026, 11, 15 + index)),
      createdById: userIds.ASSESSOR,
      submittedAt: scored ? submittedAt : null,
      forwardedById: [
        "AWAITING_DECISION",
        "APPROVED",
        "APPROVED_WITH_CONDITIONS",
        "REJECTED",
      ].includes(v.status)
        ? userIds.ASSESSOR
        : null,
      forwardedAt: [
        "AWAITING_DECISION",
        "APPROVED",
        "APPROVED_WITH_CONDITIONS",
        "REJECTED",
      ].includes(v.status)
        ? submittedAt
        : null,
      scoreResult: score ? JSON.stringify(score) : null,
      scoringMethodVersion: score?.methodVersion ?? null,
      overallScore: score?.overall ?? null,
    },
  });
  await recordAuditEvent(tx, system, {
    action: "assessment.created",
    target: { type: "assessment", id: assessment.id },
    payload: { vendorId: vendor.id, status: v.status },
  });
  if (ANSWERED.includes(v.status)) {
    const keys = Object.keys(answers);
    const partial = v.status === "IN_PROGRESS" ? keys.slice(0, Math.ceil(keys.length / 2)) : keys;
    await tx.answer.createMany({
      data: partial.map((questionKey) => ({
        organizationId,
        assessmentId: assessment.id,
        questionKey,
        value: canonicalJson(answers[questionKey]),
        updatedBy: "demo-seed",
      })),
    });
  }
  if (
    v.status === "APPROVED" ||
    v.status === "APPROVED_WITH_CONDITIONS" ||
    v.status === "REJECTED"
  ) {
    const conditions =
      v.status === "APPROVED_WITH_CONDITIONS"
        ? [{ text: "Provide an EU-only inference option for our tenant", dueDate: "2027-03-31" }]
        : [];
    const decision = await tx.decision.create({
      data: {
        organizationId,
        assessmentId: assessment.id,
        outcome: v.status,
        rationale:
          v.status === "REJECTED"
            ? "Customer data would be used for training without an opt-out and leave the EU without safeguards."
            : "Controls are adequate for the intended use.",
        conditions: JSON.stringify(conditions),
        decidedById: userIds.DPO,
      },
    });
    const decided = await recordAuditEvent(tx, system, {
      action: "assessment.decided",
      target: { type: "assessment", id: assessment.id },
      payload: { decisionId: decision.id, outcome: v.status },
    });
    // Every demo decision has its signed report, as a real one would (the demo creates its own
    // certificate): noted here, signed after the seeding transaction (seedDemo, ADR 0020).
    const recommendation = score ? recommendationFor(score) : null;
    await recordPendingReport(tx, dpoActor(organizationId, userIds.DPO), {
      assessmentId: assessment.id,
      decisionId: decision.id,
      decisionEvent: { seq: decided.seq, hash: decided.hash },
      recommendation,
      againstRecommendation:
        recommendation !== null && (recommendation === "APPROVE") !== (v.status !== "REJECTED"),
    });
  }
  return assessment.id;
}

export function totpManualKey(base64Key: string): string {
  return base32(new Uint8Array(Buffer.from(base64Key, "base64")));
}

/** The demo DPO as the actor of the seeded decisions' signed reports. */
function dpoActor(organizationId: string, userId: string): UserActor {
  return {
    kind: "user",
    userId,
    organizationId,
    organizationSlug: "demo",
    role: "DPO",
    email: "dpo@demo.example",
    name: "Demo DPO",
    sessionId: "demo-seed",
    mfaVerifiedAt: new Date(),
    ip: null,
  };
}
