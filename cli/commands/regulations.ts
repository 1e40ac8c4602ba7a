// `vetted regulations import <file> --org <slug>`: a control framework file (CISO Assistant
// library YAML, OSCAL catalog JSON) into an organisation's regulation catalogue (ADR 0031).
//   prints `imported <urn> version=<v> provisions=<n> assessable=<m>` and, for a later version
//   of an imported framework, `changes added=<a> changed=<c> removed=<r>`.
// --org is required: imports belong to an organisation; the global catalogue comes only from the
// bundled snapshot. Exit codes: 0 imported (or unchanged), 1 data problem (broken file with each
// problem's path inside the file, unknown organisation, a version imported with other content),
// 2 usage.
import { basename } from "node:path";
import { stat, readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { SystemActor } from "../../app/modules/auth/actor";
import { ParserBusyError } from "../../app/modules/parsing/parser-pool.server";
import { importFramework } from "../../app/modules/regulations/import-framework.server";
import { formatDiffSummary } from "../../app/modules/regulations/import/diff-frameworks";
import { FRAMEWORK_FILE_MAX_BYTES } from "../../app/modules/regulations/import/framework-import-limits";
import { formatImportMessage } from "../../app/modules/regulations/import/imported-framework";
import { db } from "../../app/utils/db.server";
import { DomainError } from "../../app/utils/errors";
import { translate } from "../../app/utils/i18n";

export const REGULATIONS_USAGE = `regulations import <file> --org <slug>
      (--org is required: imported frameworks belong to an organisation; the global catalogue
       comes only from the bundled snapshot)`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

class UsageError extends Error {}
class MissingError extends Error {}

async function actorFor(slug: string): Promise<SystemActor> {
  const organization = await db().organization.findUnique({
    where: { slug },
    select: { id: true },
  });
  if (!organization) throw new MissingError(`no organisation with slug "${slug}"`);
  return { kind: "system", organizationId: organization.id, label: "cli regulations import" };
}

async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { org: { type: "string" } },
  });
  if (positionals.length !== 1) throw new UsageError("name exactly one file to import");
  if (!values.org) throw new UsageError("--org <slug> is required");
  const path = positionals[0]!;
  // Refused before reading: a file far beyond the limit is never loaded into memory.
  const size = (await stat(path)).size;
  if (size > FRAMEWORK_FILE_MAX_BYTES) {
    io.stderr(
      `regulations import: ${path}: the file has ${size} bytes; at most ${FRAMEWORK_FILE_MAX_BYTES} can be imported\n`,
    );
    return 1;
  }
  const actor = await actorFor(values.org);
  const bytes = new Uint8Array(await readFile(path));
  const result = await importFramework(actor, { bytes, fileName: basename(path), mode: "commit" });
  if (!result.ok) {
    io.stderr(`regulations import: ${path} cannot be imported (nothing was written):\n`);
    for (const error of result.errors) io.stderr(`  ${formatImportMessage(error)}\n`);
    return 1;
  }
  const { plan } = result;
  if (result.mode !== "commit" || !result.written) {
    io.stdout(
      `unchanged ${plan.urn} version=${plan.version}: ${translate("en", "frameworkImport.alreadyImported", { urn: plan.urn, version: plan.version })}\n`,
    );
    return 0;
  }
  io.stdout(
    `imported ${plan.urn} version=${plan.version} provisions=${plan.provisions} assessable=${plan.assessable}\n`,
  );
  if (plan.diff) io.stdout(`${formatDiffSummary(plan.diff)}\n`);
  for (const notice of plan.notices) io.stderr(`  note: ${formatImportMessage(notice)}\n`);
  return 0;
}

export async function regulationsCommand(
  command: string | undefined,
  args: string[],
  io: Io = defaultIo,
): Promise<number> {
  try {
    if (command === "import") return await importCommand(args, io);
    throw new UsageError(`unknown command "regulations ${command ?? ""}"`);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError &&
        "code" in error &&
        String(error.code).startsWith("ERR_PARSE_ARGS"))
    ) {
      io.stderr(
        `regulations: ${error.message}\nUsage: npm run --silent vetted -- ${REGULATIONS_USAGE}\n`,
      );
      return 2;
    }
    if (error instanceof MissingError) {
      io.stderr(`regulations ${command}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof DomainError) {
      io.stderr(`regulations ${command}: ${translate("en", error.key, error.params)}\n`);
      return 1;
    }
    if (error instanceof ParserBusyError) {
      io.stderr(`regulations ${command}: the parser is busy; try again in a moment\n`);
      return 1;
    }
    if (
      error instanceof Error &&
      "code" in error &&
      (error.code === "ENOENT" || error.code === "EISDIR")
    ) {
      io.stderr(`regulations ${command}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
