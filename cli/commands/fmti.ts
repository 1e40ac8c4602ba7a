// `vetted fmti <edition-folder> [--import --org <slug>]`
// Reads one Foundation Model Transparency Index edition and prints `developer<TAB>total` per
// developer (total descending, then name), notices and errors on stderr. Exit 0 on success,
// 1 when the data cannot be read or imported, 2 on wrong usage. Without --import no database
// is touched; with --import the edition also becomes a transparency template and one submitted
// assessment per developer in the organisation (see import-fmti-edition.server.ts).
import path from "node:path";
import { parseArgs } from "node:util";
import { computeFmtiTotals, formatFmtiTotals } from "../../app/modules/fmti/fmti-totals";
import { FmtiReadError, readFmtiEdition } from "../../app/modules/fmti/read-fmti-edition";

export const FMTI_USAGE = "fmti <edition-folder> [--import --org <slug>]";

export interface FmtiCommandOptions {
  /** Migrates and configures the database; called only for --import. */
  prepareDatabase: () => Promise<void>;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

type Parsed = { folder: string; org: string | null } | { usageError: string };

export function parseFmtiArgs(args: readonly string[]): Parsed {
  let values: { import?: boolean; org?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { import: { type: "boolean" }, org: { type: "string" } },
    }));
  } catch (error) {
    return { usageError: error instanceof Error ? error.message : String(error) };
  }
  if (positionals.length !== 1 || positionals[0] === "") {
    return {
      usageError:
        positionals.length === 0
          ? "the edition folder is missing"
          : `expected one edition folder, got ${positionals.length}`,
    };
  }
  if (values.import && !values.org) return { usageError: "--import needs --org <slug>" };
  if (!values.import && values.org !== undefined)
    return { usageError: "--org is only used with --import" };
  return { folder: positionals[0]!, org: values.import ? values.org! : null };
}

export async function fmtiCommand(
  args: readonly string[],
  options: FmtiCommandOptions,
): Promise<number> {
  const out = options.stdout ?? ((text: string) => void process.stdout.write(text));
  const err = options.stderr ?? ((text: string) => void process.stderr.write(text));
  const parsed = parseFmtiArgs(args);
  if ("usageError" in parsed) {
    err(`fmti: ${parsed.usageError}\nUsage: npm run --silent vetted -- ${FMTI_USAGE}\n`);
    return 2;
  }

  let edition;
  try {
    edition = await readFmtiEdition(parsed.folder);
  } catch (error) {
    if (error instanceof FmtiReadError) {
      err(`fmti: error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  for (const notice of edition.notices) err(`fmti: ${notice}\n`);

  if (parsed.org !== null) {
    await options.prepareDatabase();
    const { fmtiImportActor, importFmtiEdition, FmtiImportError } =
      await import("../../app/modules/fmti/import-fmti-edition.server");
    try {
      const actor = await fmtiImportActor(parsed.org);
      const result = await importFmtiEdition({
        actor,
        input: { edition, editionLabel: path.basename(path.resolve(parsed.folder)) },
      });
      for (const notice of result.notices) err(`fmti: ${notice}\n`);
      err(
        `fmti: imported into ${parsed.org}: template ${result.templateKey} version ${result.templateVersion}` +
          ` (${result.templateVersionCreated ? "new" : "unchanged"}); vendors ${result.vendorsCreated} created, ${result.vendorsReused} reused;` +
          ` assessments ${result.assessmentsCreated} created, ${result.assessmentsUnchanged} unchanged, ${result.assessmentsSuperseded} superseded\n`,
      );
    } catch (error) {
      if (error instanceof FmtiImportError) {
        err(`fmti: error: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  }

  out(formatFmtiTotals(computeFmtiTotals(edition)));
  return 0;
}
