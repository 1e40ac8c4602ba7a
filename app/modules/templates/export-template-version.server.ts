import { z } from "zod";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { parseStoredDefinition } from "../questionnaires/load-template-version.server";
import type { TemplateActor } from "./template-access";
import { CONTENT_TYPES, serializeTemplate, TEMPLATE_FILE_FORMATS } from "./template-file";

export const exportTemplateVersionSchema = z.object({
  templateId: z.string().min(1).max(64),
  versionId: z.string().min(1).max(64),
  format: z.enum(TEMPLATE_FILE_FORMATS).default("json"),
});

/** One version (published or draft) as a JSON or YAML file; importing it again gives the same checksum. */
export async function exportTemplateVersion(
  actor: TemplateActor,
  input: z.input<typeof exportTemplateVersionSchema>,
) {
  const { templateId, versionId, format } = exportTemplateVersionSchema.parse(input);
  const version = await db().templateVersion.findFirst({
    where: { id: versionId, templateId, template: { organizationId: actor.organizationId } },
    select: { version: true, status: true, definition: true, template: { select: { key: true } } },
  });
  if (!version) throw new DomainError("NOT_FOUND", "errors.templateVersionNotFound");
  const definition = parseStoredDefinition(version.definition);
  const suffix = version.status === "DRAFT" ? "-draft" : "";
  return {
    fileName: `${version.template.key}-v${version.version}${suffix}.${format === "json" ? "json" : "yaml"}`,
    contentType: CONTENT_TYPES[format],
    body: serializeTemplate(definition, format),
  };
}

/** The version to export by template key (CLI): a given version number, else the latest published one. */
export async function findVersionToExport(
  actor: TemplateActor,
  input: { key: string; version?: number },
) {
  const version = await db().templateVersion.findFirst({
    where: {
      template: { organizationId: actor.organizationId, key: input.key },
      ...(input.version === undefined ? { status: "PUBLISHED" } : { version: input.version }),
    },
    orderBy: { version: "desc" },
    select: { id: true, templateId: true },
  });
  if (!version) {
    throw input.version === undefined
      ? new DomainError("NOT_FOUND", "errors.templateNoPublishedVersion", {
          params: { key: input.key },
        })
      : new DomainError("NOT_FOUND", "errors.templateNoSuchVersion", {
          params: { key: input.key, version: input.version },
        });
  }
  return { templateId: version.templateId, versionId: version.id };
}
