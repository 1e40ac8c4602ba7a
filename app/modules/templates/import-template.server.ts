import { z } from "zod";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { knockOutDayErrors } from "../questionnaires/knock-out-days";
import { templateError } from "../questionnaires/template-definition";
import { findDraft, findLatestPublished } from "./find-template.server";
import {
  nextVersionNumber,
  publishTemplateVersion,
  storedDefinition,
  templateChecksum,
} from "./publish-template-version.server";
import { createdByOf, requireTemplateWriter, type TemplateActor } from "./template-access";
import { parseTemplateFileInWorker } from "./parse-template-file.server";
import { templateCatalogueErrors } from "./template-catalogue-errors.server";
import {
  TEMPLATE_FILE_FORMATS,
  TEMPLATE_FILE_MAX_BYTES,
  type TemplateFileError,
} from "./template-file";

export const importTemplateSchema = z.object({
  text: z.string(),
  format: z.enum(TEMPLATE_FILE_FORMATS).optional(),
  /**
   * new: create a new template (its key must be free); draft: a new draft of the existing
   * template with the same key; auto (CLI): whichever applies.
   */
  mode: z.enum(["new", "draft", "auto"]),
  /** Publish right away instead of leaving a draft (CLI --publish). */
  publish: z.boolean().default(false),
  fileName: z.string().max(255).optional(),
});
export type ImportTemplateInput = z.input<typeof importTemplateSchema>;

export type ImportTemplateResult =
  | { ok: false; errors: TemplateFileError[] }
  | {
      ok: true;
      templateId: string;
      key: string;
      versionId: string;
      version: number;
      checksum: string;
      outcome: "created" | "draft" | "published" | "unchanged";
    };

/**
 * Imports a JSON/YAML template file. A broken file gives the list of errors (with the path
 * inside the file) and changes nothing. Published versions are never touched: an import becomes
 * a new template, a new draft, or (publish) a new version — or nothing when it is identical to
 * the latest published version. The file is parsed in a parser worker (ADR 0014); a full pool
 * throws ParserBusyError before anything is written.
 */
export async function importTemplate(
  actor: TemplateActor,
  input: ImportTemplateInput,
): Promise<ImportTemplateResult> {
  requireTemplateWriter(actor);
  const { text, format, mode, publish, fileName } = importTemplateSchema.parse(input);
  if (Buffer.byteLength(text, "utf8") > TEMPLATE_FILE_MAX_BYTES) {
    return {
      ok: false,
      errors: [
        templateError("(file)", "templateErrors.fileTooLarge", {
          size: TEMPLATE_FILE_MAX_BYTES / 1024 / 1024,
        }),
      ],
    };
  }
  const parsed = await parseTemplateFileInWorker(text, format);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { definition } = parsed;
  // Dated knock-outs, references and date placeholders must name what the catalogue knows (the
  // worker's schema checks their form only).
  const catalogueErrors = [
    ...knockOutDayErrors(definition),
    ...(await templateCatalogueErrors(definition, actor.organizationId)),
  ];
  if (catalogueErrors.length > 0) return { ok: false, errors: catalogueErrors };
  const checksum = templateChecksum(definition);

  return inTransaction(async (tx) => {
    const existing = await tx.questionnaireTemplate.findUnique({
      where: { organizationId_key: { organizationId: actor.organizationId, key: definition.key } },
      select: { id: true, key: true },
    });
    if (mode === "new" && existing) {
      throw new DomainError("CONFLICT", "errors.templateKeyTakenImport", {
        reason: "keyTaken",
        params: { key: definition.key },
      });
    }
    if (mode === "draft" && !existing) {
      throw new DomainError("NOT_FOUND", "errors.templateKeyNotFound", {
        reason: "noTemplate",
        params: { key: definition.key },
      });
    }
    const template =
      existing ??
      (await tx.questionnaireTemplate.create({
        data: {
          organizationId: actor.organizationId,
          key: definition.key,
          name: definition.title.en,
        },
        select: { id: true, key: true },
      }));
    const audit = (outcome: string, versionId: string, version: number) =>
      recordAuditEvent(tx, actor, {
        action: "template.imported",
        target: { type: "template", id: template.id },
        payload: {
          key: template.key,
          outcome,
          versionId,
          version,
          checksum,
          format: parsed.format,
          fileName: fileName ?? null,
          newTemplate: !existing,
        },
      });

    if (publish) {
      const latest = existing ? await findLatestPublished(template.id, tx) : null;
      if (latest && latest.checksum === checksum) {
        return {
          ok: true,
          templateId: template.id,
          key: template.key,
          versionId: latest.id,
          version: latest.version,
          checksum,
          outcome: "unchanged",
        };
      }
      const published = await publishTemplateVersion(tx, actor, {
        templateId: template.id,
        definition,
        origin: "import",
      });
      await audit("published", published.id, published.version);
      return {
        ok: true,
        templateId: template.id,
        key: template.key,
        versionId: published.id,
        version: published.version,
        checksum,
        outcome: "published",
      };
    }

    if (existing && (await findDraft(template.id, tx))) {
      throw new DomainError("CONFLICT", "errors.draftOpen", {
        reason: "draftOpen",
        params: { key: template.key },
      });
    }
    const version = await nextVersionNumber(tx, actor.organizationId, template.id);
    const draft = await tx.templateVersion.create({
      data: {
        templateId: template.id,
        version,
        status: "DRAFT",
        definition: storedDefinition(definition),
        checksum,
        origin: "import",
        createdById: createdByOf(actor),
      },
      select: { id: true },
    });
    await audit(existing ? "draft" : "created", draft.id, version);
    return {
      ok: true,
      templateId: template.id,
      key: template.key,
      versionId: draft.id,
      version,
      checksum,
      outcome: existing ? "draft" : "created",
    };
  });
}
