import type { z } from "zod";
import { formatIssuePath } from "../../questionnaires/template-definition";
import { importMessage, type FrameworkImportMessage } from "./imported-framework";

/** The value at a zod issue's path in the raw input (undefined when the path leads nowhere). */
function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/**
 * zod's issues as located messages with keys: a field that is absent "is missing", one of the
 * wrong type "must be of type integer", bounds name the bound. The path is the path inside the
 * file (`objects.framework.requirement_nodes[3].depth`).
 */
export function schemaMessages(error: z.ZodError, input: unknown): FrameworkImportMessage[] {
  return error.issues.map((issue) => {
    const path = formatIssuePath(issue.path);
    switch (issue.code) {
      case "invalid_type":
        return valueAt(input, issue.path) === undefined
          ? importMessage(path, "frameworkImport.missing")
          : importMessage(path, "frameworkImport.wrongType", { expected: issue.expected });
      case "invalid_union":
        return importMessage(path, "frameworkImport.wrongType", {
          expected: "string or number",
        });
      case "too_big":
        return importMessage(path, "frameworkImport.tooLong", { max: Number(issue.maximum) });
      case "too_small":
        return importMessage(path, "frameworkImport.tooSmall", { min: Number(issue.minimum) });
      default:
        return importMessage(path, "frameworkImport.invalid");
    }
  });
}
