// `vetted regulations changes [--org <slug>] [--since <date>] [--format text|atom|json]`: the
// change feed (issue 14 item 5) — text is one line per event, atom/json the documents the secret
// feed address serves (the same builder). Without --org only the global catalogue, no impact
// counts. Bad arguments: a message and exit 1.
//
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
import { getEnv } from "../../app/utils/env.server";
import { parseDay } from "../../app/modules/regulations/change-feed-filters";
import {
  buildChangeAtom,
  buildChangeJsonFeed,
  type ChangeFeedInput,
} from "../../app/modules/regulations/change-feed-documents";
import {
  listChangeEvents,
  type ChangeEventRow,
} from "../../app/modules/regulations/list-change-events.server";

export const REGULATIONS_USAGE = `regulations import <file> --org <slug>
      (--org is required: imported frameworks belong to an organisation; the global catalogue
       comes only from the bundled snapshot)
  regulations changes [--org <slug>] [--since <YYYY-MM-DD>] [--format text|atom|json]
  regulations sync --source <url> [--org <slug>]
      (reads an Atom/RSS feed; its new entries become candidate changes to confirm)
  regulations review <change-event-id> --confirm|--dismiss
      (a candidate of the global catalogue, from a sync without --org)
  regulations digest   (queue this ISO week's digest of regulatory changes to DPOs, if not yet sent)`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

class UsageError extends Error {}
/** A wrong argument of `changes`: a message and exit 1 (as the issue asks), not the usage's 2. */
class ArgumentError extends Error {}
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

const CHANGE_FORMATS = ["text", "atom", "json"] as const;

function day(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "pending";
}

/** One line per event: detected day, id, instrument, type, status, effective day, marks, impact, text. */
export function formatChangeLine(row: ChangeEventRow): string {
  const mark = row.candidate ? "candidate" : row.confirmed ? "confirmed" : "unconfirmed";
  const impact = row.impact ? `impact=${row.impact.questions}q/${row.impact.vendors}v` : "impact=-";
  const text = `${row.instrument.titleEn}: ${row.summaryEn}`.replace(/\s+/g, " ");
  return [
    day(row.detectedAt),
    row.id,
    row.instrument.key,
    row.type,
    row.legalStatus,
    `effective=${day(row.effectiveAt)}`,
    mark,
    impact,
    JSON.stringify(text),
  ].join(" ");
}

async function changesCommand(args: string[], io: Io): Promise<number> {
  let values: { org?: string; since?: string; format?: string };
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { org: { type: "string" }, since: { type: "string" }, format: { type: "string" } },
    }));
  } catch (error) {
    throw new ArgumentError((error as Error).message);
  }
  const format = values.format ?? "text";
  if (!(CHANGE_FORMATS as readonly string[]).includes(format))
    throw new ArgumentError("--format must be text, atom or json");
  const since = values.since === undefined ? undefined : parseDay(values.since);
  if (since === null) throw new ArgumentError("--since must be a date (YYYY-MM-DD)");
  const organization = values.org
    ? await db().organization.findUnique({
        where: { slug: values.org },
        select: { id: true, name: true },
      })
    : null;
  if (values.org && !organization)
    throw new MissingError(`no organisation with slug "${values.org}"`);
  const now = new Date();
  const rows = await listChangeEvents(
    organization ? { organizationId: organization.id } : null,
    since ? { since } : {},
    { now },
  );
  if (format === "text") {
    for (const row of rows) io.stdout(`${formatChangeLine(row)}\n`);
    return 0;
  }
  const appUrl = getEnv().APP_URL;
  const input: ChangeFeedInput = {
    rows,
    locale: "en",
    organizationName: organization?.name ?? null,
    appUrl,
    // A document on stdout has no address of its own: it points at the page it mirrors.
    selfUrl: new URL("/regulations/changes", appUrl).href,
    feedId: `urn:vetted:change-feed:${organization?.id ?? "global"}:en`,
    now,
  };
  io.stdout(format === "atom" ? buildChangeAtom(input) : buildChangeJsonFeed(input));
  return 0;
}

/**
 * `regulations sync --source <url> [--org <slug>]`: prints `sync source=<host> entries=<n> new=<m>`.
 * Without --org the candidates go to the global catalogue (an operator's to review).
 */
async function syncCommand(args: string[], io: Io): Promise<number> {
  let values: { source?: string; org?: string };
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { source: { type: "string" }, org: { type: "string" } },
    }));
  } catch (error) {
    throw new ArgumentError((error as Error).message);
  }
  if (!values.source) throw new ArgumentError("--source <url> is required");
  const organization = values.org
    ? await db().organization.findUnique({ where: { slug: values.org }, select: { id: true } })
    : null;
  if (values.org && !organization)
    throw new MissingError(`no organisation with slug "${values.org}"`);
  const { syncRegulationFeed } =
    await import("../../app/modules/regulations/sync/sync-regulation-feed.server");
  const { SyncError } = await import("../../app/modules/regulations/sync/sync-limits");
  try {
    const result = await syncRegulationFeed({
      source: values.source,
      organizationId: organization?.id ?? null,
    });
    io.stdout(`sync source=${result.host} entries=${result.entries} new=${result.added}\n`);
    if (result.skipped > 0)
      io.stderr(`  note: ${result.skipped} entries beyond the limit were left out\n`);
    return 0;
  } catch (error) {
    if (error instanceof SyncError) {
      io.stderr(`regulations sync: ${error.message} (nothing was recorded)\n`);
      return 1;
    }
    throw error;
  }
}

/** `regulations review <id> --confirm|--dismiss`: an operator's decision on a global candidate. */
async function reviewCommand(args: string[], io: Io): Promise<number> {
  let values: { confirm?: boolean; dismiss?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { confirm: { type: "boolean" }, dismiss: { type: "boolean" } },
    }));
  } catch (error) {
    throw new ArgumentError((error as Error).message);
  }
  if (positionals.length !== 1) throw new ArgumentError("name exactly one change event id");
  if (Boolean(values.confirm) === Boolean(values.dismiss))
    throw new ArgumentError("say either --confirm or --dismiss");
  const { reviewGlobalCandidate } =
    await import("../../app/modules/regulations/sync/review-global-candidate.server");
  const decision = values.confirm ? "confirm" : "dismiss";
  if (!(await reviewGlobalCandidate(positionals[0]!, decision)))
    throw new MissingError(`no open candidate of the global catalogue with id "${positionals[0]}"`);
  io.stdout(`${decision === "confirm" ? "confirmed" : "dismissed"} ${positionals[0]}\n`);
  return 0;
}

/** As the server's schedule does: once per organisation and ISO week, whoever runs it. */
async function digestCommand(args: string[], io: Io): Promise<number> {
  if (args.length > 0) throw new ArgumentError("digest takes no arguments");
  const { runRegulationDigest } =
    await import("../../app/modules/regulations/digest/run-regulation-digest.server");
  const result = await runRegulationDigest({ holder: `cli:${process.pid}` });
  if (!result.leased) {
    io.stderr("regulations digest: another instance is sending the digest right now\n");
    return 1;
  }
  io.stdout(`digest organizations=${result.organizations} mails=${result.mails}\n`);
  return 0;
}

export async function regulationsCommand(
  command: string | undefined,
  args: string[],
  io: Io = defaultIo,
): Promise<number> {
  try {
    if (command === "import") return await importCommand(args, io);
    if (command === "changes") return await changesCommand(args, io);
    if (command === "digest") return await digestCommand(args, io);
    if (command === "sync") return await syncCommand(args, io);
    if (command === "review") return await reviewCommand(args, io);
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
    if (error instanceof ArgumentError) {
      io.stderr(
        `regulations ${command}: ${error.message}\nUsage: npm run --silent vetted -- ${REGULATIONS_USAGE}\n`,
      );
      return 1;
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
