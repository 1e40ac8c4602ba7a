import { db } from "../../utils/db.server";
import { requireEntityId } from "../../utils/entity-id";
import { DomainError } from "../../utils/errors";
import type { Locale } from "../../utils/i18n";
import type { UserActor } from "../auth/actor";
import { knockOutDaysOn } from "../questionnaires/knock-out-days";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import { dateToDay } from "../regulations/catalogue-days";
import {
  citationCatalogueFor,
  referenceKeysOf,
} from "../regulations/citations/citation-catalogue.server";
import { findTemplate } from "./find-template.server";
import { readableTemplate } from "./readable-template";

/**
 * One version of one of the actor's templates, readable (issue 15 item 8): its questions, rules
 * and references in `locale`, with date placeholders resolved for today as every display page
 * resolves them (loadTemplateVersion). A foreign template, or a version of another template, is
 * NOT_FOUND. Reads only.
 */
export async function readTemplateVersion(
  actor: UserActor,
  input: { templateId: unknown; versionId: unknown; locale: Locale },
  now: Date = new Date(),
) {
  // Checked before the query: Prisma reads `id: {}` as "the first row".
  const templateId = requireEntityId(input.templateId, "Template");
  const versionId = requireEntityId(input.versionId, "Template version");
  const template = await findTemplate(actor, templateId);
  const row = await db().templateVersion.findFirst({
    where: { id: versionId, templateId: template.id },
    select: { id: true, version: true, status: true, publishedAt: true },
  });
  if (!row) throw new DomainError("NOT_FOUND", "errors.templateVersionNotFound");
  const { definition } = await loadTemplateVersion(row.id);
  const citations = await citationCatalogueFor(
    { organizationId: actor.organizationId },
    referenceKeysOf(definition),
  );
  let knockOutDays = null;
  try {
    knockOutDays = knockOutDaysOn(definition, dateToDay(now));
  } catch {
    // A dated knock-out whose provision the catalogue no longer resolves: the page still reads;
    // the knock-out is shown without its day (scoring reports the defect where it matters).
  }
  return {
    template: { id: template.id, name: template.name },
    version: {
      id: row.id,
      version: row.version,
      status: row.status,
      publishedAt: row.publishedAt,
    },
    content: readableTemplate(definition, input.locale, { citations, knockOutDays }),
  };
}
