import { randomBytes } from "node:crypto";
import type { Role, UserActor } from "../../app/modules/auth/actor";
import { db } from "../../app/utils/db.server";
import { createUser } from "./factories";

/**
 * Factories for vendor, product and assessment rows, written straight through Prisma (no use
 * case, no audit event): for setting up state that a test then exercises through use cases.
 */
function uniqueSuffix(): string {
  return randomBytes(5).toString("hex");
}

/**
 * A user with `role` in the organisation, as the actor a route would pass to a use case: without
 * a second-factor check, and with a session id of its own unless `sessionId` is given.
 */
export async function createUserActor(
  organization: { id: string; slug: string },
  role: Role,
  options: { email?: string; sessionId?: string } = {},
): Promise<UserActor> {
  const { user } = await createUser({
    organizationId: organization.id,
    role,
    email: options.email,
  });
  return {
    kind: "user",
    userId: user.id,
    organizationId: organization.id,
    organizationSlug: organization.slug,
    role,
    email: user.email,
    name: user.name,
    sessionId: options.sessionId ?? `test-session-${uniqueSuffix()}`,
    mfaVerifiedAt: null,
    ip: "127.0.0.1",
  };
}

export function createProductRecord(input: {
  organizationId: string;
  vendorId: string;
  name?: string;
  hostingRegions?: string[];
  dataCategories?: string[];
  foundationModel?: string | null;
}) {
  return db().product.create({
    data: {
      organizationId: input.organizationId,
      vendorId: input.vendorId,
      name: input.name ?? `Product ${uniqueSuffix()}`,
      foundationModel: input.foundationModel ?? null,
      hostingRegions: JSON.stringify(input.hostingRegions ?? []),
      dataCategories: JSON.stringify(input.dataCategories ?? []),
    },
  });
}

/** A minimal published template version (QuestionnaireTemplate → TemplateVersion). */
export async function createTemplateVersionRecord(input: { organizationId: string }) {
  const template = await db().questionnaireTemplate.create({
    data: {
      organizationId: input.organizationId,
      key: `test-template-${uniqueSuffix()}`,
      name: "Test template",
    },
  });
  return db().templateVersion.create({
    data: {
      templateId: template.id,
      version: 1,
      status: "PUBLISHED",
      definition: JSON.stringify({ sections: [] }),
      checksum: randomBytes(32).toString("hex"),
      publishedAt: new Date(),
    },
  });
}

/** An assessment row for a vendor (and optionally one of its products); creates a template version if none is given. */
export async function createAssessmentRecord(input: {
  organizationId: string;
  vendorId: string;
  createdById: string;
  productId?: string | null;
  templateVersionId?: string;
  title?: string;
  status?: string;
  overallScore?: number | null;
  dueDate?: Date | null;
  createdAt?: Date;
}) {
  const templateVersionId =
    input.templateVersionId ??
    (await createTemplateVersionRecord({ organizationId: input.organizationId })).id;
  return db().assessment.create({
    data: {
      organizationId: input.organizationId,
      vendorId: input.vendorId,
      productId: input.productId ?? null,
      templateVersionId,
      title: input.title ?? `Assessment ${uniqueSuffix()}`,
      status: input.status ?? "DRAFT",
      overallScore: input.overallScore ?? null,
      dueDate: input.dueDate ?? null,
      createdById: input.createdById,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
}
