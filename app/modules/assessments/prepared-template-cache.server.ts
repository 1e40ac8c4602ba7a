// Prepared templates kept between requests (issue 12). Preparing a template for scoring (validate
// it, apply the weight profile, work out every question's best answer, index the adequacy
// decisions in force) costs more than scoring one answer set, and every assessment of a published
// template version is scored against the same prepared template. Published versions are
// immutable, so an entry never goes stale; the key (compute-score.ts, preparedTemplateKey) holds
// everything else a prepared template depends on. The cache is bounded: least recently used
// entries go first. The state lives here, not in scoring/, which stays pure.

import type { PreparedTemplate } from "../../../scoring";
import type { TemplateDefinition } from "../questionnaires/template-definition";
import {
  computeScore,
  type ComputeScoreOptions,
  type PreparedTemplateLookup,
} from "./compute-score";

/**
 * Prepared templates in one process: template versions × weight profiles × reference days in use
 * at a time (a comparison scores each vendor on its own submission day). A prepared template
 * remembers the evaluations of distinct short answers (at most 2048 per question, strings of at
 * most 64 characters): the 150-question bench template holds 0.4 MB fresh and 10 MB after 10,000
 * random answer sets, so 16 entries stay well under 200 MB even then.
 */
export const PREPARED_TEMPLATE_CACHE_ENTRIES = 16;

/** A bounded least-recently-used map of prepared templates. */
export class PreparedTemplateCache implements PreparedTemplateLookup {
  private readonly entries = new Map<string, PreparedTemplate>();

  constructor(readonly maxEntries: number = PREPARED_TEMPLATE_CACHE_ENTRIES) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, build: () => PreparedTemplate): PreparedTemplate {
    const known = this.entries.get(key);
    if (known !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as the most recently used.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    // A template that does not prepare (throws) is not kept.
    const prepared = build();
    this.entries.set(key, prepared);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return prepared;
  }
}

const preparedTemplates = new PreparedTemplateCache();

/**
 * computeScore for an assessment of a PUBLISHED template version, reusing its prepared template.
 * Never pass a draft's id: a draft changes under the same id.
 */
export function computeScoreOfPublishedVersion(
  templateVersionId: string,
  definition: TemplateDefinition,
  answers: Record<string, unknown>,
  asOf: string,
  options: Omit<ComputeScoreOptions, "preparedTemplates"> = {},
): ReturnType<typeof computeScore> {
  return computeScore(definition, answers, asOf, {
    ...options,
    preparedTemplates: { templateVersionId, cache: preparedTemplates },
  });
}
