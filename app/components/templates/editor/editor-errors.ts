import type { TemplateDefinitionError } from "~/modules/questionnaires/template-definition";

/** Errors whose path lies under `prefix`, by the rest of their path (e.g. `options[1].points`). */
export function errorsUnder(
  errors: TemplateDefinitionError[],
  prefix: string,
): Map<string, string> {
  const found = new Map<string, string>();
  for (const error of errors) {
    if (error.path === prefix) found.set("", error.message);
    else if (error.path.startsWith(`${prefix}.`) || error.path.startsWith(`${prefix}[`)) {
      const rest = error.path.slice(prefix.length).replace(/^\./, "");
      if (!found.has(rest)) found.set(rest, error.message);
    }
  }
  return found;
}

/** The first error under any of the prefixes (paths relative to the form's element). */
export function firstError(errors: Map<string, string>, ...prefixes: string[]): string | undefined {
  for (const [path, message] of errors) {
    if (prefixes.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`)))
      return message;
  }
  return undefined;
}
