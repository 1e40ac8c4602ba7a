import { randomBytes } from "node:crypto";
import { createInviteLink } from "../../app/modules/assessments/create-invite-link.server";
import { startAssessment } from "../../app/modules/assessments/start-assessment.server";
import type { Role, UserActor, VendorActor } from "../../app/modules/auth/actor";
import {
  saveAnswers,
  type AnswerChange,
  type SaveOutcome,
} from "../../app/modules/portal/save-answers.server";
import { parseStoredAnswer } from "../../app/modules/portal/vendor-questionnaire.server";
import type { AnswerValue } from "../../app/modules/questionnaires/answer-value";
import { installBundledTemplates } from "../../app/modules/questionnaires/bundled-templates.server";
import { loadTemplateVersion } from "../../app/modules/questionnaires/load-template-version.server";
import type { TemplateDefinition } from "../../app/modules/questionnaires/template-definition";
import { db } from "../../app/utils/db.server";
import { inTransaction } from "../../app/utils/transaction.server";
import { demoAnswers } from "../../seeds/demo/demo-answers";
import { createOrganization, createVendor } from "./factories";
import { createUserActor } from "./vendor-factories";

/**
 * A ready-to-use assessment world, built through the real use cases where they exist (template
 * installation, startAssessment, createInviteLink, saveAnswers) so the audit chain stays valid:
 * an organisation with an ASSESSOR, two DPOs (recent MFA), an ADMIN and an AUDITOR, a vendor with
 * a product, the bundled "AI vendor due diligence" template and one DRAFT assessment.
 */
export const BUNDLED_TEMPLATE_KEY = "ai-vendor-due-diligence";

function uniqueSuffix(): string {
  return randomBytes(5).toString("hex");
}

/**
 * A member of the organisation with `role`, as the actor a route would pass to a use case; unlike
 * createUserActor, with a second-factor check that just happened unless `mfaVerifiedAt` says otherwise.
 */
export async function createMemberActor(
  organization: { id: string; slug: string },
  role: Role,
  options: { mfaVerifiedAt?: Date | null; email?: string } = {},
): Promise<UserActor> {
  const actor = await createUserActor(organization, role, {
    email: options.email,
    sessionId: "test",
  });
  return options.mfaVerifiedAt === undefined
    ? withRecentMfa(actor)
    : { ...actor, mfaVerifiedAt: options.mfaVerifiedAt };
}

/** The same actor with a second-factor check that just happened (step-up within MFA_STEP_UP_MINUTES). */
export function withRecentMfa(actor: UserActor): UserActor {
  return { ...actor, mfaVerifiedAt: new Date() };
}

/** The invite token is the last path segment of the invite URL. */
export function tokenFromInviteUrl(url: string): string {
  const match = /\/invite\/([^/?#]+)$/.exec(url);
  if (!match?.[1]) throw new Error(`Not an invite URL: ${url}`);
  return match[1];
}

export interface CreatedInvite {
  inviteId: string;
  url: string;
  token: string;
  expiresAt: Date;
  contactEmail: string;
}

export async function createAssessmentScenario(options: { organizationId?: string } = {}) {
  const organization = options.organizationId
    ? await db().organization.findUniqueOrThrow({ where: { id: options.organizationId } })
    : await createOrganization();
  const org = { id: organization.id, slug: organization.slug, name: organization.name };

  const assessor = await createMemberActor(org, "ASSESSOR", { mfaVerifiedAt: null });
  const dpo = await createMemberActor(org, "DPO");
  const secondDpo = await createMemberActor(org, "DPO");
  const admin = await createMemberActor(org, "ADMIN");
  const auditor = await createMemberActor(org, "AUDITOR", { mfaVerifiedAt: null });

  const vendor = await createVendor({ organizationId: org.id, name: `Acme AI ${uniqueSuffix()}` });
  const product = await db().product.create({
    data: {
      organizationId: org.id,
      vendorId: vendor.id,
      name: "Acme Assist",
      foundationModel: "LLM",
      hostingRegions: JSON.stringify(["DE"]),
      dataCategories: JSON.stringify(["contact_data"]),
    },
  });

  await inTransaction((tx) => installBundledTemplates(tx, assessor));
  const templateVersion = await db().templateVersion.findFirstOrThrow({
    where: { status: "PUBLISHED", template: { organizationId: org.id, key: BUNDLED_TEMPLATE_KEY } },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  const { definition } = await loadTemplateVersion(templateVersion.id);

  const assessment = await startAssessment(assessor, {
    vendorId: vendor.id,
    productId: product.id,
    templateVersionId: templateVersion.id,
    title: `Acme Assist due diligence ${uniqueSuffix()}`,
    dueDate: "2027-03-31",
  });

  /** Creates an invite as the assessor (moves DRAFT → INVITED) and returns the plain token too. */
  async function createInvite(
    input: {
      contactEmail?: string;
      contactName?: string;
      ttlDays?: number;
      locale?: "en" | "de";
    } = {},
  ): Promise<CreatedInvite> {
    const contactEmail = input.contactEmail ?? `security-${uniqueSuffix()}@acme.example`;
    const created = await createInviteLink(assessor, assessment.id, {
      contactEmail,
      contactName: input.contactName,
      ttlDays: input.ttlDays,
      locale: input.locale ?? "en",
    });
    return { ...created, token: tokenFromInviteUrl(created.url), contactEmail };
  }

  /** The vendor contact behind an invite, as requireVendorSession would build it. */
  async function vendorActorFor(
    inviteId: string,
    ip: string | null = "203.0.113.7",
  ): Promise<VendorActor> {
    const invite = await db().inviteLink.findUniqueOrThrow({
      where: { id: inviteId },
      select: { id: true, organizationId: true, assessmentId: true, contactEmail: true },
    });
    return {
      kind: "vendor",
      organizationId: invite.organizationId,
      inviteLinkId: invite.id,
      assessmentId: invite.assessmentId,
      email: invite.contactEmail,
      ip,
    };
  }

  /** An invite plus its vendor actor in one step. */
  async function invitedVendor(input: Parameters<typeof createInvite>[0] = {}) {
    const invite = await createInvite(input);
    return { invite, vendor: await vendorActorFor(invite.inviteId) };
  }

  /** Complete answers for every question (demo generator); `overrides` pin single answers. */
  function completeAnswers(
    overrides: Record<string, unknown> = {},
    quality = 1,
  ): Record<string, AnswerValue> {
    return demoAnswers(definition, { quality, overrides }) as Record<string, AnswerValue>;
  }

  /** Saves answers based on the stored versions, as a fresh form would. */
  async function answer(
    vendorActor: VendorActor,
    answers: Record<string, AnswerValue | null>,
  ): Promise<SaveOutcome[]> {
    const rows = await db().answer.findMany({
      where: { assessmentId: assessment.id },
      select: { questionKey: true, version: true },
    });
    const versions = new Map(rows.map((r) => [r.questionKey, r.version]));
    const changes: AnswerChange[] = Object.entries(answers).map(([questionKey, value]) => ({
      questionKey,
      value,
      baseVersion: versions.get(questionKey) ?? 0,
    }));
    return saveAnswers(vendorActor, changes);
  }

  async function reload() {
    return db().assessment.findUniqueOrThrow({ where: { id: assessment.id } });
  }

  async function storedAnswers(): Promise<Record<string, unknown>> {
    const rows = await db().answer.findMany({
      where: { assessmentId: assessment.id },
      select: { questionKey: true, value: true },
    });
    return Object.fromEntries(rows.map((r) => [r.questionKey, parseStoredAnswer(r.value)]));
  }

  return {
    org,
    assessor,
    dpo,
    secondDpo,
    admin,
    auditor,
    vendor,
    product,
    templateVersionId: templateVersion.id,
    definition: definition as TemplateDefinition,
    assessment,
    createInvite,
    vendorActorFor,
    invitedVendor,
    completeAnswers,
    answer,
    reload,
    storedAnswers,
  };
}

export type AssessmentScenario = Awaited<ReturnType<typeof createAssessmentScenario>>;

/** The error a promise rejects with, or null when it resolves (tests then assert on it). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

/** Audit events of one organisation, optionally of one action, in chain order. */
export function auditEventsOf(organizationId: string, action?: string) {
  return db().auditEvent.findMany({
    where: { organizationId, ...(action ? { action } : {}) },
    orderBy: { seq: "asc" },
  });
}
