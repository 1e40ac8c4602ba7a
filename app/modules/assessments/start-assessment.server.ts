import { z } from "zod";
import { displayNameSchema } from "../../utils/display-name-schema";
import { DomainError } from "../../utils/errors";
import { validationError } from "../../utils/validation-messages";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { requireAssessmentWriter } from "./permissions";
import { refreshVendorPortfolio } from "../portfolio/refresh-vendor-portfolio.server";

export const startAssessmentSchema = z.object({
  vendorId: z.string().min(1).max(64),
  productId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => (v ? v : undefined)),
  templateVersionId: z.string().min(1).max(64),
  title: displayNameSchema({
    max: 200,
    required: "assessments.errorTitleRequired",
    tooLong: "assessments.errorTitleTooLong",
  }),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDate")
    .refine(
      (value) =>
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      "invalidDate",
    )
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export interface StartAssessmentInput {
  vendorId: string;
  productId?: string;
  templateVersionId: string;
  title: string;
  dueDate?: string;
}

export async function startAssessment(actor: UserActor, rawInput: StartAssessmentInput) {
  requireAssessmentWriter(actor);
  // Parsed again here (idempotent): the title is stored cleaned whoever calls.
  const parsed = startAssessmentSchema.safeParse(rawInput);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  return inTransaction(async (tx) => {
    const vendor = await tx.vendor.findFirst({
      where: { id: input.vendorId, organizationId: actor.organizationId, archivedAt: null },
      select: { id: true, name: true },
    });
    if (!vendor) throw new DomainError("NOT_FOUND", "errors.vendorNotFound");
    if (input.productId) {
      const product = await tx.product.findFirst({
        where: { id: input.productId, vendorId: vendor.id, organizationId: actor.organizationId },
        select: { id: true },
      });
      if (!product) throw new DomainError("NOT_FOUND", "errors.productNotFound");
    }
    const version = await tx.templateVersion.findFirst({
      where: {
        id: input.templateVersionId,
        status: "PUBLISHED",
        template: { organizationId: actor.organizationId },
      },
      select: { id: true, version: true, template: { select: { key: true } } },
    });
    if (!version) throw new DomainError("NOT_FOUND", "errors.templateVersionNotFound");
    const assessment = await tx.assessment.create({
      data: {
        organizationId: actor.organizationId,
        vendorId: vendor.id,
        productId: input.productId ?? null,
        templateVersionId: version.id,
        title: input.title,
        status: "DRAFT",
        dueDate: input.dueDate ? new Date(`${input.dueDate}T23:59:59Z`) : null,
        createdById: actor.userId,
      },
    });
    await refreshVendorPortfolio(tx, actor.organizationId, vendor.id);
    await recordAuditEvent(tx, actor, {
      action: "assessment.created",
      target: { type: "assessment", id: assessment.id },
      payload: {
        vendorId: vendor.id,
        productId: input.productId ?? null,
        template: version.template.key,
        templateVersion: version.version,
      },
    });
    return assessment;
  });
}
