// `vetted template export|import`: templates as JSON/YAML files for operators.
//   template export --org <slug> --key <key> [--version <n>] [--format json|yaml] [--out <file>]
//       writes the version (default: the latest published one) to the file or stdout
//   template import <file> --org <slug> [--publish]
//       a new template when the key is new, else a new draft of it; --publish publishes it at
//       once (nothing happens when it equals the latest published version). A broken file
//       exits 1 and lists each problem with its path inside the file.
// Exit codes: 0 success, 1 data problem (broken file, unknown org/template, open draft), 2 usage.
import { readFile, stat, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { SystemActor } from "../../app/modules/auth/actor";
import {
  exportTemplateVersion,
  findVersionToExport,
} from "../../app/modules/templates/export-template-version.server";
import { importTemplate } from "../../app/modules/templates/import-template.server";
import {
  formatOfFileName,
  formatTemplateFileError,
  TEMPLATE_FILE_MAX_BYTES,
} from "../../app/modules/templates/template-file";
import { db } from "../../app/utils/db.server";
import { DomainError } from "../../app/utils/errors";
import { translate } from "../../app/utils/i18n";

export const TEMPLATE_USAGE = `template export --org <slug> --key <key> [--version <n>] [--format json|yaml] [--out <file>]
  template import <file> --org <slug> [--publish]`;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

class UsageError extends Error {}
/** Something named on the command line does not exist (exit 1, like a DomainError). */
class MissingError extends Error {}

async function actorFor(slug: string, label: string): Promise<SystemActor> {
  const organization = await db().organization.findUnique({
    where: { slug },
    select: { id: true },
  });
  if (!organization) throw new MissingError(`no organisation with slug "${slug}"`);
  return { kind: "system", organizationId: organization.id, label };
}

async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      org: { type: "string" },
      key: { type: "string" },
      version: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
    },
  });
  if (!values.org || !values.key) throw new UsageError("--org and --key are required");
  const format = values.format ?? (values.out ? formatOfFileName(values.out) : null) ?? "json";
  if (format !== "json" && format !== "yaml") throw new UsageError("--format must be json or yaml");
  let version: number | undefined;
  if (values.version !== undefined) {
    version = Number(values.version);
    if (!Number.isInteger(version) || version < 1)
      throw new UsageError("--version must be a positive whole number");
  }
  const actor = await actorFor(values.org, "cli template export");
  const target = await findVersionToExport(actor, { key: values.key, version });
  const file = await exportTemplateVersion(actor, { ...target, format });
  if (values.out) {
    await writeFile(values.out, file.body, "utf8");
    io.stderr(`template export: wrote ${file.fileName} to ${values.out}\n`);
  } else io.stdout(file.body);
  return 0;
}

async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { org: { type: "string" }, publish: { type: "boolean" } },
  });
  if (positionals.length !== 1) throw new UsageError("name exactly one file to import");
  if (!values.org) throw new UsageError("--org is required");
  const path = positionals[0]!;
  const size = (await stat(path)).size;
  if (size > TEMPLATE_FILE_MAX_BYTES) {
    io.stderr(
      `template import: ${path}: the file is larger than ${TEMPLATE_FILE_MAX_BYTES / 1024 / 1024} MB\n`,
    );
    return 1;
  }
  const text = await readFile(path, "utf8");
  const actor = await actorFor(values.org, "cli template import");
  const result = await importTemplate(actor, {
    text,
    format: formatOfFileName(path) ?? undefined,
    mode: "auto",
    publish: values.publish ?? false,
    fileName: path,
  });
  if (!result.ok) {
    io.stderr(`template import: ${path} is not a valid template:\n`);
    for (const error of result.errors) io.stderr(`  ${formatTemplateFileError(error)}\n`);
    return 1;
  }
  const what = {
    created: "new template, draft",
    draft: "new draft",
    published: "published",
    unchanged: "unchanged, already published as",
  }[result.outcome];
  io.stdout(`${result.key}: ${what} version ${result.version} (checksum ${result.checksum})\n`);
  return 0;
}

export async function templateCommand(
  command: string | undefined,
  args: string[],
  io: Io = defaultIo,
): Promise<number> {
  try {
    if (command === "export") return await exportCommand(args, io);
    if (command === "import") return await importCommand(args, io);
    throw new UsageError(`unknown command "template ${command ?? ""}"`);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError &&
        "code" in error &&
        String(error.code).startsWith("ERR_PARSE_ARGS"))
    ) {
      io.stderr(
        `template: ${error.message}\nUsage: npm run --silent vetted -- ${TEMPLATE_USAGE}\n`,
      );
      return 2;
    }
    if (error instanceof MissingError) {
      io.stderr(`template ${command}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof DomainError) {
      // The command line speaks English: the error's message key in the English dictionary.
      io.stderr(`template ${command}: ${translate("en", error.key, error.params)}\n`);
      return 1;
    }
    if (
      error instanceof Error &&
      "code" in error &&
      (error.code === "ENOENT" || error.code === "EISDIR")
    ) {
      io.stderr(`template ${command}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
