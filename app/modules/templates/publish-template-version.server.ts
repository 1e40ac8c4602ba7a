// The one way a template version becomes PUBLISHED, shared by the editor, imports, the bundled
// templates and the FMTI import: numbering, checksum, canonical storage and the audit event in
// the caller's transaction. Each caller keeps its own rule for *whether* to publish.

import { createHash } from "node:crypto";
import { canonicalJson } from "../../utils/canonical-json";
import type { Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { lockRow } from "../../utils/row-lock.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { Actor } from "../auth/actor";
import type { TemplateDefinition } from "../questionnaires/template-definition";

export const TEMPLATE_ORIGINS = ["bundled", "editor", "import", "fmti"] as const;
export type TemplateOrigin = (typeof TEMPLATE_ORIGINS)[number];

/** sha-256 of the canonical JSON: equal definitions have equal checksums, whatever their key order. */
export function templateChecksum(definition: TemplateDefinition): string {
  return createHash("sha256").update(canonicalJson(definition)).digest("hex");
}

/** How a definition is stored in TemplateVersion.definition. */
export function storedDefinition(definition: TemplateDefinition): string {
  return canonicalJson(definition);
}

/**
 * The number the next version of a template gets: after every existing version (drafts too,
 * except the draft being published). Serialised per organisation on PostgreSQL; on SQLite the
 * single writer does it. The unique (templateId, version) index backs both.
 */
export async function nextVersionNumber(
  tx: Tx,
  organizationId: string,
  templateId: string,
  exceptVersionId?: string,
): Promise<number> {
  await lockRow(tx, "Organization", organizationId);
  const latest = await tx.templateVersion.findFirst({
    where: { templateId, ...(exceptVersionId ? { id: { not: exceptVersionId } } : {}) },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return (latest?.version ?? 0) + 1;
}

export interface PublishTemplateVersionInput {
  templateId: string;
  definition: TemplateDefinition;
  origin: TemplateOrigin;
  /** Publish this DRAFT (its row becomes the published version) instead of creating a row. */
  draft?: { id: string; revision: number };
  /** The audit action; bundled and FMTI keep their historical names (template.installed …). */
  action?: "template.published" | "template.installed" | "template.version_published";
  payload?: Record<string, unknown>;
  createdById?: string | null;
}

export interface PublishedVersion {
  id: string;
  version: number;
  checksum: string;
}

export async function publishTemplateVersion(
  tx: Tx,
  actor: Actor,
  input: PublishTemplateVersionInput,
): Promise<PublishedVersion> {
  const template = await tx.questionnaireTemplate.findFirst({
    where: { id: input.templateId, organizationId: actor.organizationId },
    select: { id: true, key: true },
  });
  if (!template) throw new DomainError("NOT_FOUND", "errors.templateNotFound");
  if (input.definition.key !== template.key) {
    throw new DomainError("VALIDATION", "errors.templateKeyMismatch", {
      params: { given: input.definition.key, expected: template.key },
    });
  }
  const checksum = templateChecksum(input.definition);
  const version = await nextVersionNumber(tx, actor.organizationId, template.id, input.draft?.id);
  const now = new Date();
  let id: string;
  if (input.draft) {
    // Compare-and-set on the revision: a draft changed since the author looked at it is not published.
    const updated = await tx.templateVersion.updateMany({
      where: {
        id: input.draft.id,
        templateId: template.id,
        status: "DRAFT",
        revision: input.draft.revision,
      },
      data: {
        status: "PUBLISHED",
        version,
        definition: storedDefinition(input.definition),
        checksum,
        publishedAt: now,
        revision: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new DomainError("CONFLICT", "errors.draftChanged");
    id = input.draft.id;
  } else {
    const created = await tx.templateVersion.create({
      data: {
        templateId: template.id,
        version,
        status: "PUBLISHED",
        definition: storedDefinition(input.definition),
        checksum,
        origin: input.origin,
        publishedAt: now,
        createdById: input.createdById ?? (actor.kind === "user" ? actor.userId : null),
      },
      select: { id: true },
    });
    id = created.id;
  }
  await recordAuditEvent(tx, actor, {
    action: input.action ?? "template.published",
    target: { type: "template", id: template.id },
    payload: {
      key: template.key,
      version,
      templateVersionId: id,
      checksum,
      origin: input.origin,
      ...input.payload,
    },
  });
  return { id, version, checksum };
}
