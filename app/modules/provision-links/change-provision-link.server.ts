import { z } from "zod";
import { LINK_RELATIONSHIPS } from "../../reference-data/template-provision-links";
import type { Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { parseStoredDefinition } from "../questionnaires/load-template-version.server";
import { questionsOf } from "../questionnaires/template-definition";
import { findTemplate } from "../templates/find-template.server";
import {
  createdByOf,
  requireTemplateWriter,
  type TemplateActor,
} from "../templates/template-access";
import { visibleProvisions } from "./provision-catalogue.server";

// One post of the link editor (issue 14 item 4): add, change or remove a question ↔ provision
// link. Each in one transaction with its audit event; a change or removal carries the link's
// updatedAt as the editor showed it, so a colleague's edit in between is refused, not overwritten.

const text = (max: number) => z.string().trim().max(max);
export const changeProvisionLinkSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    questionKey: text(200).min(1),
    provisionKey: text(300).min(1),
    relationship: z.enum(LINK_RELATIONSHIPS),
    rationale: text(500).min(3),
  }),
  z.object({
    intent: z.literal("update"),
    linkId: text(64).min(1),
    seenUpdatedAt: text(40).min(1),
    relationship: z.enum(LINK_RELATIONSHIPS),
    rationale: text(500).min(3),
  }),
  z.object({
    intent: z.literal("remove"),
    linkId: text(64).min(1),
    seenUpdatedAt: text(40).min(1),
  }),
]);
export type ChangeProvisionLinkInput = z.infer<typeof changeProvisionLinkSchema>;

function invalid(issues: z.core.$ZodIssue[]): DomainError {
  const field = String(issues[0]?.path[0] ?? "");
  const key =
    field === "rationale"
      ? "provisionLinks.errorRationale"
      : field === "relationship"
        ? "provisionLinks.errorRelationship"
        : field === "provisionKey"
          ? "provisionLinks.errorProvisionMissing"
          : "errors.unknownFormAction";
  return new DomainError("VALIDATION", key);
}

async function questionKeysOf(tx: Tx, templateId: string): Promise<Set<string>> {
  // Any version's questions: links survive a question moving between versions.
  const versions = await tx.templateVersion.findMany({
    where: { templateId },
    select: { definition: true },
  });
  return new Set(
    versions.flatMap((v) => questionsOf(parseStoredDefinition(v.definition)).map((q) => q.key)),
  );
}

async function linkAsSeen(
  tx: Tx,
  organizationId: string,
  templateId: string,
  linkId: string,
  seenUpdatedAt: string,
) {
  const link = await tx.provisionLink.findFirst({
    where: { id: linkId, organizationId, templateId },
  });
  if (!link) throw new DomainError("CONFLICT", "provisionLinks.errorLinkGone");
  if (link.updatedAt.toISOString() !== seenUpdatedAt)
    throw new DomainError("CONFLICT", "provisionLinks.errorLinkChanged");
  return link;
}

export async function changeProvisionLink(
  actor: TemplateActor,
  templateId: string,
  raw: Record<string, unknown>,
): Promise<{ questionKey: string }> {
  requireTemplateWriter(actor);
  const template = await findTemplate(actor, templateId);
  const parsed = changeProvisionLinkSchema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const input = parsed.data;
  const organizationId = actor.organizationId;
  const target = { type: "QuestionnaireTemplate", id: template.id };
  return inTransaction(async (tx) => {
    if (input.intent === "add") {
      if (!(await questionKeysOf(tx, template.id)).has(input.questionKey))
        throw new DomainError("VALIDATION", "provisionLinks.errorQuestionUnknown");
      // The organisation's catalogue only: another organisation's imported framework is refused.
      const provision = (await visibleProvisions(organizationId, [input.provisionKey], tx)).get(
        input.provisionKey,
      );
      if (!provision)
        throw new DomainError("VALIDATION", "provisionLinks.errorProvisionUnknown", {
          params: { key: input.provisionKey },
        });
      const existing = await tx.provisionLink.findUnique({
        where: {
          templateId_questionKey_provisionKey: {
            templateId: template.id,
            questionKey: input.questionKey,
            provisionKey: input.provisionKey,
          },
        },
        select: { id: true },
      });
      if (existing) throw new DomainError("CONFLICT", "provisionLinks.errorLinkExists");
      const link = await tx.provisionLink.create({
        data: {
          organizationId,
          templateId: template.id,
          questionKey: input.questionKey,
          provisionKey: input.provisionKey,
          relationship: input.relationship,
          rationale: input.rationale,
          origin: "editor",
          createdById: createdByOf(actor),
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, actor, {
        action: "template.provision_link_added",
        target,
        payload: {
          linkId: link.id,
          questionKey: input.questionKey,
          provisionKey: input.provisionKey,
          relationship: input.relationship,
          rationale: input.rationale,
        },
      });
      return { questionKey: input.questionKey };
    }
    const link = await linkAsSeen(
      tx,
      organizationId,
      template.id,
      input.linkId,
      input.seenUpdatedAt,
    );
    if (input.intent === "remove") {
      // deleteMany with the seen timestamp: a concurrent change between read and delete loses nothing.
      const removed = await tx.provisionLink.deleteMany({
        where: { id: link.id, updatedAt: link.updatedAt },
      });
      if (removed.count !== 1) throw new DomainError("CONFLICT", "provisionLinks.errorLinkChanged");
      await recordAuditEvent(tx, actor, {
        action: "template.provision_link_removed",
        target,
        payload: {
          linkId: link.id,
          questionKey: link.questionKey,
          provisionKey: link.provisionKey,
          relationship: link.relationship,
          rationale: link.rationale,
        },
      });
      return { questionKey: link.questionKey };
    }
    const updated = await tx.provisionLink.updateMany({
      where: { id: link.id, updatedAt: link.updatedAt },
      data: { relationship: input.relationship, rationale: input.rationale },
    });
    if (updated.count !== 1) throw new DomainError("CONFLICT", "provisionLinks.errorLinkChanged");
    await recordAuditEvent(tx, actor, {
      action: "template.provision_link_changed",
      target,
      payload: {
        linkId: link.id,
        questionKey: link.questionKey,
        provisionKey: link.provisionKey,
        from: { relationship: link.relationship, rationale: link.rationale },
        to: { relationship: input.relationship, rationale: input.rationale },
      },
    });
    return { questionKey: link.questionKey };
  });
}
