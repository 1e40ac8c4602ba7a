import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";
import { parseStoredDefinition } from "../questionnaires/load-template-version.server";

/** Sections and question keys of the organisation's newest published template versions (for the profile form). */
export async function weightableSections(actor: UserActor) {
  const versions = await db().templateVersion.findMany({
    where: { status: "PUBLISHED", template: { organizationId: actor.organizationId } },
    orderBy: { version: "desc" },
    select: { definition: true, template: { select: { key: true } } },
  });
  const newestPerTemplate = new Map<string, string>();
  for (const v of versions)
    if (!newestPerTemplate.has(v.template.key)) newestPerTemplate.set(v.template.key, v.definition);
  const sections = new Map<
    string,
    { key: string; title: { en: string; de: string }; weight: number }
  >();
  const questionKeys = new Set<string>();
  for (const json of newestPerTemplate.values()) {
    const definition = parseStoredDefinition(json);
    for (const section of definition.sections) {
      if (!sections.has(section.key))
        sections.set(section.key, {
          key: section.key,
          title: section.title,
          weight: section.weight,
        });
      for (const question of section.questions) questionKeys.add(question.key);
    }
  }
  return { sections: [...sections.values()], questionKeys: [...questionKeys] };
}
