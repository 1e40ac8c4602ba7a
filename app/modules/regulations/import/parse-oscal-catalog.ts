import { readJsonBounded, readYamlBounded } from "./bounded-text";
import { checkProvisionTree, type StatedNode } from "./check-provision-tree";
import {
  FRAMEWORK_IMPORT_LIMITS,
  JSON_TEXT_LIMITS,
  YAML_TEXT_LIMITS,
} from "./framework-import-limits";
import {
  capProblems,
  importMessage,
  normaliseText,
  type FrameworkImportMessage,
  type FrameworkParseResult,
  type ImportedProvision,
} from "./imported-framework";

/**
 * An OSCAL catalog (JSON; YAML too, same model) → an ImportedFramework. Groups and controls
 * (nested `groups`, `controls`, and controls within controls, i.e. enhancements) are provisions;
 * controls at any depth are assessable. A control's text is its `statement` part with the nested
 * items and their labels, parameters filled in as `[Assignment: …]` / `[Selection: …]` as NIST
 * prints them; a group's text is its `overview` (or other) parts' prose. Walked iteratively
 * after the pre-parse scan bounded the nesting; never throws.
 * Fields: usnistgov/OSCAL src/metaschema/oscal_catalog_metaschema.xml (research §4.1).
 */

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

class Problems {
  readonly list: FrameworkImportMessage[] = [];
  missing(path: string) {
    this.list.push(importMessage(path, "frameworkImport.missing"));
  }
  wrongType(path: string, expected: string) {
    this.list.push(importMessage(path, "frameworkImport.wrongType", { expected }));
  }
  tooLong(path: string, max: number) {
    this.list.push(importMessage(path, "frameworkImport.tooLong", { max }));
  }
}

/** A required (or optional) string field; a problem when it is absent or not a string. */
function stringField(
  node: Json,
  field: string,
  path: string,
  problems: Problems,
  { required, max }: { required: boolean; max: number },
): string | null {
  const value = node[field];
  if (value === undefined || value === null) {
    if (required) problems.missing(`${path}.${field}`);
    return null;
  }
  if (typeof value !== "string") {
    problems.wrongType(`${path}.${field}`, "string");
    return null;
  }
  if (value.length > max) {
    problems.tooLong(`${path}.${field}`, max);
    return null;
  }
  return value;
}

/** An optional array field: [] when absent, a problem when it is something else. */
function arrayField(node: Json, field: string, path: string, problems: Problems): unknown[] {
  const value = node[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.wrongType(`${path}.${field}`, "array");
    return [];
  }
  return value;
}

interface Param {
  label: string | null;
  choices: string[] | null;
  how: string | null;
}

function readParams(node: Json, params: Map<string, Param>): void {
  const list = node.params;
  if (!Array.isArray(list)) return;
  for (const param of list) {
    if (!isObject(param) || typeof param.id !== "string") continue;
    const select = isObject(param.select) ? param.select : null;
    const choices = Array.isArray(select?.choice)
      ? select.choice.filter((choice): choice is string => typeof choice === "string")
      : null;
    params.set(param.id, {
      label: typeof param.label === "string" ? param.label : null,
      choices,
      how: typeof select?.["how-many"] === "string" ? select["how-many"] : null,
    });
  }
}

// Linear: one `{{`, a fixed word, an id without spaces or braces, `}}`.
const INSERT_PARAM = /\{\{\s*insert:\s*param,\s*([^\s{}]+)\s*\}\}/g;

function fillParams(prose: string, params: Map<string, Param>): string {
  return prose.replace(INSERT_PARAM, (whole, id: string) => {
    const param = params.get(id);
    if (!param) return whole;
    if (param.choices)
      return `[Selection${param.how === "one-or-more" ? " (one or more)" : ""}: ${param.choices.join("; ")}]`;
    return `[Assignment: ${param.label ?? id}]`;
  });
}

function labelOf(node: Json): string | null {
  const props = Array.isArray(node.props) ? node.props : [];
  for (const prop of props) {
    if (
      isObject(prop) &&
      prop.name === "label" &&
      typeof prop.value === "string" &&
      prop.class !== "zero-padded"
    )
      return prop.value;
  }
  return null;
}

/** A part and its sub-parts as lines of text: `a. label prose`, indented by nesting. */
function renderParts(parts: unknown[], params: Map<string, Param>): string {
  const lines: string[] = [];
  // Iterative, depth-first in document order.
  const stack: Array<{ part: unknown; level: number }> = parts
    .map((part) => ({ part, level: 0 }))
    .reverse();
  while (stack.length > 0) {
    const { part, level } = stack.pop()!;
    if (!isObject(part)) continue;
    const label = labelOf(part);
    const prose = typeof part.prose === "string" ? fillParams(part.prose, params).trim() : "";
    const title = typeof part.title === "string" ? part.title : "";
    const line = [label, title, prose].filter((piece) => piece !== "" && piece !== null).join(" ");
    if (line !== "") lines.push(`${"  ".repeat(level)}${line}`);
    // Items indent under a part that printed a line (a statement without prose prints none).
    const childLevel = line === "" ? level : level + 1;
    const children = Array.isArray(part.parts) ? part.parts : [];
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ part: children[i], level: childLevel });
  }
  return lines.join("\n");
}

function describe(
  node: Json,
  kind: "group" | "control",
  params: Map<string, Param>,
): string | null {
  const parts = Array.isArray(node.parts) ? node.parts.filter(isObject) : [];
  if (kind === "control") {
    const statement = parts.filter((part) => part.name === "statement");
    return normaliseText(renderParts(statement, params));
  }
  const overview = parts.filter((part) => part.name !== "guidance");
  return normaliseText(renderParts(overview, params));
}

interface Pending {
  node: unknown;
  kind: "group" | "control";
  path: string;
  parentKey: string | null;
  params: Map<string, Param>;
}

export function parseOscalCatalog(
  text: string,
  syntax: "json" | "yaml" = "json",
): FrameworkParseResult {
  const read =
    syntax === "json"
      ? readJsonBounded(text, FRAMEWORK_IMPORT_LIMITS.maxJsonBytes, JSON_TEXT_LIMITS)
      : readYamlBounded(text, FRAMEWORK_IMPORT_LIMITS.maxYamlBytes, YAML_TEXT_LIMITS);
  if (!read.ok) return read;
  const problems = new Problems();
  if (!isObject(read.value)) {
    problems.wrongType("(root)", "object");
    return { ok: false, errors: problems.list };
  }
  const catalog = read.value.catalog;
  if (!isObject(catalog)) {
    if (catalog === undefined) problems.missing("catalog");
    else problems.wrongType("catalog", "object");
    return { ok: false, errors: problems.list };
  }
  const { maxNameLength } = FRAMEWORK_IMPORT_LIMITS;
  const uuid = stringField(catalog, "uuid", "catalog", problems, { required: true, max: 100 });
  const metadata = catalog.metadata;
  let title: string | null = null;
  let version: string | null = null;
  let documentId: string | null = null;
  let provider: string | null = null;
  if (!isObject(metadata)) {
    if (metadata === undefined) problems.missing("catalog.metadata");
    else problems.wrongType("catalog.metadata", "object");
  } else {
    const opts = { required: true, max: maxNameLength };
    title = stringField(metadata, "title", "catalog.metadata", problems, opts);
    version = stringField(metadata, "version", "catalog.metadata", problems, opts);
    const ids = Array.isArray(metadata["document-ids"]) ? metadata["document-ids"] : [];
    const first = ids.find((id) => isObject(id) && typeof id.identifier === "string");
    documentId = isObject(first) ? String(first.identifier) : null;
    const parties = Array.isArray(metadata.parties) ? metadata.parties : [];
    const party = parties.find((item) => isObject(item) && typeof item.name === "string");
    provider = isObject(party) ? String(party.name) : null;
  }

  // Pre-order walk: a node's controls, then its groups (a control's controls are its
  // enhancements), each list in the file's order.
  const catalogParams = new Map<string, Param>();
  readParams(catalog, catalogParams);
  const pending: Pending[] = [];
  const pushChildren = (
    node: Json,
    path: string,
    parentKey: string | null,
    params: Map<string, Param>,
  ) => {
    const children: Pending[] = [];
    // The catalog's own field order: controls, then groups.
    for (const kind of ["control", "group"] as const) {
      const field = kind === "group" ? "groups" : "controls";
      arrayField(node, field, path, problems).forEach((child, index) =>
        children.push({ node: child, kind, path: `${path}.${field}[${index}]`, parentKey, params }),
      );
    }
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
  };
  pushChildren(catalog, "catalog", null, catalogParams);

  const stated: StatedNode[] = [];
  const provisions: Omit<ImportedProvision, "depth">[] = [];
  let tooMany = false;
  while (pending.length > 0) {
    const { node, kind, path, parentKey, params: inherited } = pending.pop()!;
    if (provisions.length >= FRAMEWORK_IMPORT_LIMITS.maxProvisions) {
      tooMany = true;
      break;
    }
    if (!isObject(node)) {
      problems.wrongType(path, "object");
      continue;
    }
    const id = stringField(node, "id", path, problems, {
      required: kind === "control",
      max: maxNameLength,
    });
    const nodeTitle = stringField(node, "title", path, problems, {
      required: true,
      max: maxNameLength,
    });
    // A group may have no id: its place in the file stands in for it (stable while the file's
    // group order is).
    const key = id ?? (kind === "group" ? path : null);
    if (key === null) continue;
    const params = new Map(inherited);
    readParams(node, params);
    const description = describe(node, kind, params);
    stated.push({ key, parentKey, declaredDepth: null, path });
    provisions.push({
      key,
      parentKey,
      kind,
      refId: labelOf(node) ?? id,
      name: normaliseText(nodeTitle),
      description,
      assessable: kind === "control",
      translations: { en: { name: normaliseText(nodeTitle), description } },
      order: provisions.length,
    });
    arrayField(node, "parts", path, problems);
    pushChildren(node, path, key, params);
  }
  if (tooMany)
    return {
      ok: false,
      errors: [
        importMessage("catalog", "frameworkImport.tooManyProvisions", {
          count: `> ${FRAMEWORK_IMPORT_LIMITS.maxProvisions}`,
          max: FRAMEWORK_IMPORT_LIMITS.maxProvisions,
        }),
      ],
    };
  if (problems.list.length === 0 && provisions.length === 0)
    problems.list.push(importMessage("catalog", "frameworkImport.noProvisions"));
  // The tree check runs on what could be read, so one answer lists every problem.
  const tree = checkProvisionTree(stated, { key: "id", parent: "id", depth: "id" });
  const errors = [...problems.list, ...(tree.ok ? [] : tree.errors)];
  if (!tree.ok || errors.length > 0) return { ok: false, errors: capProblems(errors) };

  const notices: FrameworkImportMessage[] = [
    importMessage("(file)", "frameworkImport.noticeLocaleAssumed"),
  ];
  if (documentId === null)
    notices.push(importMessage("catalog.metadata", "frameworkImport.noticeNoDocumentId"));
  return {
    ok: true,
    framework: {
      format: "oscal",
      id: documentId ?? `urn:uuid:${uuid}`,
      version: version!,
      locale: "en",
      name: title!,
      provider,
      description: null,
      copyright: null,
      provisions: provisions.map((provision, index) => ({
        ...provision,
        depth: tree.depths[index]!,
      })),
      notices,
    },
  };
}
