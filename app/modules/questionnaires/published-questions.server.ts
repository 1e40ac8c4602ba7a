import type { Tx } from "../../utils/db.server";
import { db } from "../../utils/db.server";
import { deepFreeze } from "../../utils/deep-freeze";
import { DomainError } from "../../utils/errors";
import { parseStoredDefinition } from "./load-template-version.server";
import { questionsOf, type TemplateQuestionWithSection } from "./template-definition";

/**
 * The questions of a template version, by key, for the write path (autosave runs this on every
 * keystroke pause). A PUBLISHED version never changes again (a draft becomes published by one
 * compare-and-set, publish-template-version.server.ts; nothing updates a published row), so its
 * parsed definition is kept in memory: reading and validating ~100 questions' JSON with zod cost
 * more than the rest of a save. Drafts are read afresh every time. The questions are frozen:
 * every caller shares them.
 */
export type QuestionIndex = ReadonlyMap<string, Readonly<TemplateQuestionWithSection>>;

const MAX_CACHED_VERSIONS = 200;
const published = new Map<string, QuestionIndex>();

export async function questionsOfVersion(
  templateVersionId: string,
  client: Tx | ReturnType<typeof db> = db(),
): Promise<QuestionIndex> {
  const cached = published.get(templateVersionId);
  if (cached) return cached;
  const version = await client.templateVersion.findUnique({
    where: { id: templateVersionId },
    select: { status: true, definition: true },
  });
  if (!version) throw new DomainError("NOT_FOUND", "errors.templateVersionNotFound");
  const index: QuestionIndex = new Map(
    questionsOf(parseStoredDefinition(version.definition)).map((q) => [q.key, deepFreeze(q)]),
  );
  if (version.status === "PUBLISHED") {
    // Oldest out first: an installation has a handful of versions in use at a time.
    if (published.size >= MAX_CACHED_VERSIONS) published.delete(published.keys().next().value!);
    published.set(templateVersionId, index);
  }
  return index;
}
