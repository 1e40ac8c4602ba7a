import { isScalar, visit, type Document } from "yaml";
import { z } from "zod";
import { checkProvisionTree, type StatedNode } from "./check-provision-tree";
import { readYamlBounded } from "./bounded-text";
import { FRAMEWORK_IMPORT_LIMITS, YAML_TEXT_LIMITS } from "./framework-import-limits";
import {
  capProblems,
  importMessage,
  normaliseText,
  PROVISION_LANGUAGES,
  type FrameworkImportMessage,
  type FrameworkParseResult,
  type ImportedProvision,
} from "./imported-framework";
import { schemaMessages } from "./schema-messages";

/**
 * A CISO Assistant library (YAML) → an ImportedFramework. The schema is the one the library
 * loader reads (backend/library/utils.py; see research/framework-import.md §1): the library's
 * `urn`, `version`, `locale`, and `objects.framework.requirement_nodes`, a flat ordered list
 * whose tree comes from `parent_urn` and `depth`. Every node is a provision; `assessable: true`
 * ones are assessable. URNs are lower-cased, as the loader stores them. Pure and bounded; never
 * throws: a broken file gives messages with the path inside the file.
 */

const { maxNameLength, maxDescriptionLength } = FRAMEWORK_IMPORT_LIMITS;
const name = z.string().max(maxNameLength).nullish();
const text = z.string().max(maxDescriptionLength).nullish();
const refId = z.union([z.string().max(maxNameLength), z.number()]).nullish();
const translations = z
  .record(z.string(), z.looseObject({ name, description: text }).nullish())
  .nullish();

const requirementNode = z.looseObject({
  urn: z.string().min(1).max(maxNameLength),
  assessable: z.boolean().nullish(),
  depth: z.number().int().min(1).nullish(),
  parent_urn: z.string().min(1).max(maxNameLength).nullish(),
  ref_id: refId,
  name,
  description: text,
  translations,
});

const framework = z.looseObject({
  urn: z.string().min(1).max(maxNameLength),
  ref_id: refId,
  name,
  description: text,
  translations,
  requirement_nodes: z.array(requirementNode),
});

const library = z.looseObject({
  urn: z.string().min(1).max(maxNameLength),
  locale: z.string().min(1).max(35),
  version: z.number().int().min(0),
  ref_id: refId,
  name,
  description: text,
  provider: name,
  packager: name,
  copyright: text,
  translations,
  objects: z.looseObject({
    framework: framework.optional(),
    frameworks: z.array(framework).optional(),
  }),
});

type Library = z.infer<typeof library>;
type RequirementNode = z.infer<typeof requirementNode>;

/** Fields the loader knows. Everything else is reported as ignored, once per level. */
const KNOWN_LIBRARY_FIELDS = new Set([
  "urn",
  "locale",
  "ref_id",
  "name",
  "description",
  "version",
  "provider",
  "packager",
  "publication_date",
  "copyright",
  "dependencies",
  "translations",
  "labels",
  "annotation",
  "convert_library_version",
  "objects",
]);
const KNOWN_FRAMEWORK_FIELDS = new Set([
  "urn",
  "ref_id",
  "name",
  "description",
  "annotation",
  "min_score",
  "max_score",
  "scores_definition",
  "implementation_groups_definition",
  "outcomes_definition",
  "field_visibility",
  "translations",
  "requirement_nodes",
  "requirements",
  "status",
]);
const KNOWN_NODE_FIELDS = new Set([
  "urn",
  "assessable",
  "depth",
  "parent_urn",
  "ref_id",
  "name",
  "description",
  "annotation",
  "translations",
  "implementation_groups",
  "typical_evidence",
  "questions",
  "reference_controls",
  "threats",
  "weight",
  "display_mode",
  "min_score",
  "max_score",
  "scores_definition_ref",
  "importance",
]);
/** At most this many unknown field names are listed in a notice. */
const MAX_LISTED_FIELDS = 10;

function unknownFields(value: object, known: Set<string>): string[] {
  return Object.keys(value).filter((key) => !known.has(key));
}

function unknownFieldsNotice(path: string, keys: Iterable<string>): FrameworkImportMessage[] {
  const list = [...keys];
  if (list.length === 0) return [];
  const shown = list.slice(0, MAX_LISTED_FIELDS).join(", ");
  return [
    importMessage(path, "frameworkImport.noticeUnknownFields", {
      keys: list.length > MAX_LISTED_FIELDS ? `${shown}, …` : shown,
    }),
  ];
}

/** Before zod sees a huge list: the number of nodes is a limit of its own. */
function countNodes(raw: unknown): FrameworkImportMessage | null {
  const objects = (raw as { objects?: { framework?: unknown; frameworks?: unknown } } | null)
    ?.objects;
  const lists: Array<[string, unknown]> = [
    [
      "objects.framework.requirement_nodes",
      (objects?.framework as { requirement_nodes?: unknown })?.requirement_nodes,
    ],
  ];
  if (Array.isArray(objects?.frameworks))
    objects.frameworks.forEach((item: unknown, index: number) =>
      lists.push([
        `objects.frameworks[${index}].requirement_nodes`,
        (item as { requirement_nodes?: unknown })?.requirement_nodes,
      ]),
    );
  for (const [path, list] of lists) {
    if (Array.isArray(list) && list.length > FRAMEWORK_IMPORT_LIMITS.maxProvisions)
      return importMessage(path, "frameworkImport.tooManyProvisions", {
        count: list.length,
        max: FRAMEWORK_IMPORT_LIMITS.maxProvisions,
      });
  }
  return null;
}

type Translations = z.infer<typeof translations>;

function provisionTranslations(
  locale: string,
  own: { name: string | null; description: string | null },
  given: Translations,
  otherLanguages: Set<string>,
): ImportedProvision["translations"] {
  const result: ImportedProvision["translations"] = {};
  for (const [language, value] of Object.entries(given ?? {})) {
    if (language === "de" || language === "en") {
      result[language] = {
        name: normaliseText(value?.name),
        description: normaliseText(value?.description),
      };
    } else otherLanguages.add(language);
  }
  // The file's own language is the node's own text.
  if ((PROVISION_LANGUAGES as readonly string[]).includes(locale))
    result[locale as "de" | "en"] = own;
  return result;
}

/**
 * `ref_id: 1.10` is a number to YAML, and 1.1 as a number: a label keeps the text the file shows.
 * (The pre-parse scan bounded the nesting this walk follows.)
 */
function keepRefIdsAsWritten(document: Document): void {
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "ref_id" && isScalar(pair.value)) {
        const scalar = pair.value;
        if (typeof scalar.value === "number" && typeof scalar.source === "string")
          scalar.value = scalar.source;
      }
    },
  });
}

export function parseCisoAssistantLibrary(text: string): FrameworkParseResult {
  const read = readYamlBounded(
    text,
    FRAMEWORK_IMPORT_LIMITS.maxYamlBytes,
    YAML_TEXT_LIMITS,
    keepRefIdsAsWritten,
  );
  if (!read.ok) return read;
  const tooMany = countNodes(read.value);
  if (tooMany) return { ok: false, errors: [tooMany] };
  const parsed = library.safeParse(read.value);
  if (!parsed.success)
    return { ok: false, errors: capProblems(schemaMessages(parsed.error, read.value)) };
  return buildFramework(parsed.data);
}

function buildFramework(lib: Library): FrameworkParseResult {
  const { framework: single, frameworks } = lib.objects;
  let chosen: { framework: NonNullable<typeof single>; path: string };
  if (frameworks !== undefined) {
    // The loader ignores `framework` when `frameworks` is present.
    if (frameworks.length !== 1)
      return {
        ok: false,
        errors: [
          importMessage("objects.frameworks", "frameworkImport.severalFrameworks", {
            count: frameworks.length,
          }),
        ],
      };
    chosen = { framework: frameworks[0]!, path: "objects.frameworks[0]" };
  } else if (single !== undefined) chosen = { framework: single, path: "objects.framework" };
  else return { ok: false, errors: [importMessage("objects", "frameworkImport.noFramework")] };

  const nodesPath = `${chosen.path}.requirement_nodes`;
  const nodes = chosen.framework.requirement_nodes;
  if (nodes.length === 0)
    return { ok: false, errors: [importMessage(nodesPath, "frameworkImport.noProvisions")] };

  const stated: StatedNode[] = nodes.map((node, index) => ({
    key: node.urn.toLowerCase(),
    parentKey: node.parent_urn ? node.parent_urn.toLowerCase() : null,
    declaredDepth: node.depth ?? null,
    path: `${nodesPath}[${index}]`,
  }));
  const tree = checkProvisionTree(stated, { key: "urn", parent: "parent_urn", depth: "depth" });
  if (!tree.ok) return { ok: false, errors: capProblems(tree.errors) };

  const locale = lib.locale.toLowerCase();
  const otherLanguages = new Set<string>();
  const provisions = nodes.map((node: RequirementNode, index): ImportedProvision => {
    const own = { name: normaliseText(node.name), description: normaliseText(node.description) };
    const assessable = node.assessable === true;
    return {
      key: stated[index]!.key,
      parentKey: stated[index]!.parentKey,
      depth: tree.depths[index]!,
      kind: assessable ? "requirement" : "group",
      refId: node.ref_id === null || node.ref_id === undefined ? null : String(node.ref_id),
      ...own,
      assessable,
      translations: provisionTranslations(locale, own, node.translations, otherLanguages),
      order: index,
    };
  });

  const notices: FrameworkImportMessage[] = [
    ...unknownFieldsNotice("(root)", unknownFields(lib, KNOWN_LIBRARY_FIELDS)),
    ...unknownFieldsNotice(chosen.path, unknownFields(chosen.framework, KNOWN_FRAMEWORK_FIELDS)),
    ...unknownFieldsNotice(
      nodesPath,
      new Set(nodes.flatMap((node) => unknownFields(node, KNOWN_NODE_FIELDS))),
    ),
  ];
  const withQuestions = nodes.filter((node) => node.questions !== undefined).length;
  if (withQuestions > 0)
    notices.push(
      importMessage(nodesPath, "frameworkImport.noticeQuestionsIgnored", { count: withQuestions }),
    );
  for (const [kind, value] of Object.entries(lib.objects)) {
    if (kind === "framework" || kind === "frameworks" || value === null || value === undefined)
      continue;
    notices.push(
      importMessage(`objects.${kind}`, "frameworkImport.noticeObjectsIgnored", {
        kind,
        count: Array.isArray(value) ? value.length : 1,
      }),
    );
  }
  for (const source of [lib.translations, chosen.framework.translations])
    for (const language of Object.keys(source ?? {}))
      if (language !== "de" && language !== "en") otherLanguages.add(language);
  // The catalogue holds German and English: a file in another language keeps its own text in the
  // English columns (framework-catalogue-rows.ts), and the person importing must be told.
  if (!(PROVISION_LANGUAGES as readonly string[]).includes(locale))
    notices.push(importMessage("locale", "frameworkImport.noticeOwnLanguageAsEnglish", { locale }));
  if (otherLanguages.size > 0)
    notices.push(
      importMessage("(file)", "frameworkImport.noticeOtherLanguages", {
        languages: [...otherLanguages].sort().join(", "),
      }),
    );

  const frameworkName =
    normaliseText(lib.name) ??
    normaliseText(chosen.framework.name) ??
    String(lib.ref_id ?? lib.urn);
  return {
    ok: true,
    framework: {
      format: "ciso_assistant",
      id: lib.urn.toLowerCase(),
      version: String(lib.version),
      locale,
      name: frameworkName,
      provider: normaliseText(lib.provider) ?? normaliseText(lib.packager),
      description: normaliseText(lib.description) ?? normaliseText(chosen.framework.description),
      copyright: normaliseText(lib.copyright),
      provisions,
      notices,
    },
  };
}
