#!/usr/bin/env node
// `npm run vetted -- <command>`: the operator's command-line tool.
//   audit verify [--org <slug>] [--checkpoints <file>]
//                                   verify hash chains and their anchors (checkpoints, signed
//                                   reports' heads, an exported log's checkpoint lines); exit 1
//                                   and say what does not hold
//   audit anchor [--org <slug>] [--first-anchor]
//                                   write a checkpoint of each verified chain's head now (cron)
//   users create --org <slug> --email <e> --name <n> --role <ROLE> [--org-name <name>]
//                                   create a user (and the organisation if --org-name is given);
//                                   the password comes from VETTED_PASSWORD or is generated and printed once
//   verify <file.pdf>               verdict on a signed report; exit 0 valid+unchanged, 1 not, 2 not a PDF
//   report --org <slug> --out-dir <dir> [--assessment <id>]
//                                   write the organisation's signed reports (archiving)
//   backup --out <dir>              an online, consistent backup: database snapshot (SQLite) or
//                                   pg_dump (PostgreSQL), the evidence files, manifest.json with
//                                   SHA-256 of every file and the secrets a restore needs, by name
//   restore <dir>                   check a backup, restore it into an EMPTY database and
//                                   EVIDENCE_DIR, then run audit verify and check every file
//   demo seed                       create the demo organisation (used by `npm run demo`)
//   reminders run                   queue the vendor reminders that are due and send them; prints how many
//   jobs list                       the job queue's counts and its dead jobs (id, organisation,
//                                   kind, attempts, last error; never a payload)
//   jobs retry <id>                 put a dead job back in the queue and try it once now
//   evidence migrate --to s3|local  copy every evidence object from the other store into this one
//                                   (EVIDENCE_DIR <-> the S3_* bucket), each SHA-256 verified; resumable
//   reports sweep [--retry-failed]  make the signed reports of decisions that still miss them
//                                   (as the server's sweep does); --retry-failed retries given-up ones
//   fmti <edition-folder> [--import --org <slug>]
//                                   print the FMTI totals of an edition (no database needed);
//                                   --import also records it in the organisation
//   template export --org <slug> --key <key> [--version <n>] [--format json|yaml] [--out <file>]
//   template import <file> --org <slug> [--publish]
//                                   templates as JSON/YAML files (see cli/commands/template.ts)
//   regulations import <file> --org <slug>
//                                   a control framework file (CISO Assistant YAML, OSCAL JSON)
//                                   into the organisation's catalogue (cli/commands/regulations.ts)
//   regulations changes [--org <slug>] [--since <date>] [--format text|atom|json]
//                                   the change feed: one line per event, or the Atom / JSON Feed
//   regulations sync --source <url> [--org <slug>]
//                                   an Atom/RSS feed's new entries as candidate changes to confirm
//   rotate-encryption-key           re-encrypt every secret from ENCRYPTION_KEY to
//                                   NEW_ENCRYPTION_KEY in one transaction (servers stopped)
// Without DATABASE_URL the commands use the demo installation in .data/.
import { exitWith } from "./exit";
import { parseArgs } from "node:util";
import { requireSupportedNode } from "../server/supported-node.js";
import { applyDemoEnvironment, DEMO_SECRETS_FILE, loadOrCreateDemoConfig } from "./demo-config";

const HELP = `Usage: npm run vetted -- <command>
  audit verify [--org <slug>] [--checkpoints <file>]
  audit anchor [--org <slug>] [--first-anchor]
  users create --org <slug> --email <email> --name <name> --role ADMIN|ASSESSOR|DPO|AUDITOR [--org-name <name>]
  backup --out <dir>
  restore <backup-dir>
  demo seed
  reminders run
  jobs list | jobs retry <job-id>
  reports sweep [--retry-failed]
  evidence migrate --to s3|local   (copies evidence between EVIDENCE_DIR and the S3_* bucket, verified, resumable)
  fmti <edition-folder> [--import --org <slug>]
  template export --org <slug> --key <key> [--version <n>] [--format json|yaml] [--out <file>]
  template import <file> --org <slug> [--publish]
  regulations import <file> --org <slug>   (--org is required: the global catalogue comes only from the bundle)
  regulations changes [--org <slug>] [--since <YYYY-MM-DD>] [--format text|atom|json]
  regulations sync --source <url> [--org <slug>]   (optional online sync: new feed entries become candidates)
  regulations review <change-event-id> --confirm|--dismiss   (a global sync candidate)
  regulations digest               (this week's digest of regulatory changes to DPOs, once)
  rotate-encryption-key            (ENCRYPTION_KEY: the current key, NEW_ENCRYPTION_KEY: the new one)
  verify <file.pdf>
  report --org <slug> --out-dir <dir> [--assessment <id>]`;

function prepareEnvironment(): void {
  if (!process.env.DATABASE_URL) {
    applyDemoEnvironment(loadOrCreateDemoConfig());
    process.stderr.write(
      `(no DATABASE_URL set: using the demo installation, secrets in ${DEMO_SECRETS_FILE})\n`,
    );
  }
}

async function prepareDatabase(): Promise<void> {
  prepareEnvironment();
  const { migrateDatabase } = await import("../app/utils/migrate.server");
  const { getEnv } = await import("../app/utils/env.server");
  await migrateDatabase(getEnv().DATABASE_URL);
}

async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  // `fmti` only reads CSV files; it prepares the database itself, and only for --import.
  if (group === "fmti") {
    const { fmtiCommand } = await import("./commands/fmti");
    return fmtiCommand(argv.slice(1), { prepareDatabase });
  }
  // backup and restore never migrate: a backup must not change the installation it copies, and
  // restore needs its target empty (it migrates after restoring).
  if (group === "backup" || group === "restore") {
    prepareEnvironment();
    if (group === "backup") {
      const { backupCommand } = await import("./commands/backup");
      return backupCommand(argv.slice(1));
    }
    const { restoreCommand } = await import("./commands/restore");
    return restoreCommand(argv.slice(1));
  }
  await prepareDatabase();
  // One-word commands with their own arguments.
  if (group === "verify") {
    const { verifyCommand } = await import("./commands/verify");
    return verifyCommand(argv.slice(1));
  }
  if (group === "rotate-encryption-key") {
    const { rotateEncryptionKeyCommand } = await import("./commands/rotate-encryption-key");
    return rotateEncryptionKeyCommand();
  }
  if (group === "report") {
    const { reportCommand } = await import("./commands/report");
    return reportCommand(argv.slice(1));
  }
  const key = `${group ?? ""} ${command ?? ""}`.trim();
  switch (key) {
    case "audit verify": {
      const { values } = parseArgs({
        args: rest,
        options: { org: { type: "string" }, checkpoints: { type: "string" } },
      });
      const { auditVerifyCommand } = await import("./commands/audit-verify");
      return auditVerifyCommand(values.org, values.checkpoints);
    }
    case "audit anchor": {
      const { values } = parseArgs({
        args: rest,
        options: { org: { type: "string" }, "first-anchor": { type: "boolean" } },
      });
      const { auditAnchorCommand } = await import("./commands/audit-anchor");
      return auditAnchorCommand(values.org, values["first-anchor"] ?? false);
    }
    case "users create": {
      const { values } = parseArgs({
        args: rest,
        options: {
          org: { type: "string" },
          email: { type: "string" },
          name: { type: "string" },
          role: { type: "string" },
          "org-name": { type: "string" },
        },
      });
      const { usersCreateCommand } = await import("./commands/users-create");
      return usersCreateCommand({
        org: values.org,
        email: values.email,
        name: values.name,
        role: values.role,
        orgName: values["org-name"],
      });
    }
    case "template export":
    case "template import": {
      const { templateCommand } = await import("./commands/template");
      return templateCommand(command, rest);
    }
    case "regulations import":
    case "regulations changes":
    case "regulations digest":
    case "regulations sync":
    case "regulations review": {
      const { regulationsCommand } = await import("./commands/regulations");
      return regulationsCommand(command, rest);
    }
    case "demo seed": {
      const { demoSeedCommand } = await import("./commands/demo-seed");
      return demoSeedCommand();
    }
    case "reminders run": {
      const { remindersRunCommand } = await import("./commands/reminders");
      return remindersRunCommand();
    }
    case "jobs list":
    case "jobs retry": {
      const { jobsCommand } = await import("./commands/jobs");
      return jobsCommand(command, rest);
    }
    case "evidence migrate": {
      const { evidenceMigrateCommand } = await import("./commands/evidence-migrate");
      return evidenceMigrateCommand(rest);
    }
    case "reports sweep": {
      const { values } = parseArgs({
        args: rest,
        options: { "retry-failed": { type: "boolean" } },
      });
      const { reportsSweepCommand } = await import("./commands/reports");
      return reportsSweepCommand({ retryFailed: values["retry-failed"] ?? false });
    }
    default:
      process.stderr.write(`${HELP}\n`);
      return 2;
  }
}

requireSupportedNode("The Vetted command-line tool");
main(process.argv.slice(2))
  .then(async (code) => {
    const { disconnectDb } = await import("../app/utils/db.server");
    await disconnectDb();
    await exitWith(code);
  })
  .catch(async (error: unknown) => {
    process.stderr.write(`vetted: ${error instanceof Error ? error.message : String(error)}\n`);
    await exitWith(1);
  });
