import { z } from "zod";
import type { Db, Tx } from "../../utils/db.server";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { translate } from "../../utils/i18n";
import { assertCan } from "../../utils/permissions";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { SystemActor, UserActor } from "../auth/actor";
import { dateToDay, dayToDate } from "./catalogue-days";
import { scopeKeyOf } from "./catalogue-values";
import { diffFrameworks, type FrameworkDiff } from "./import/diff-frameworks";
import {
  comparableProvision,
  importedVersionSha256,
  provisionRowsOf,
  type ProvisionRow,
} from "./import/framework-catalogue-rows";
import { FRAMEWORK_FILE_MAX_BYTES } from "./import/framework-import-limits";
import {
  importMessage,
  provisionCounts,
  type FrameworkImportMessage,
  type ImportedFramework,
} from "./import/imported-framework";
import { parseFrameworkFile } from "./import/parse-framework-file.server";

/** Imports run for signed-in members (the upload page) and for operator commands (the CLI). */
export type FrameworkImportActor = UserActor | SystemActor;

export const importFrameworkSchema = z.object({
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "bytes"),
  fileName: z.string().min(1).max(255),
  /** preview: what a commit would write, nothing written; commit: write it. */
  mode: z.enum(["preview", "commit"]),
});
export type ImportFrameworkInput = z.input<typeof importFrameworkSchema>;

export interface FrameworkImportPlan {
  urn: string;
  name: string;
  version: string;
  format: ImportedFramework["format"];
  provisions: number;
  assessable: number;
  /** new_framework: first version in this organisation; new_version: a later one; unchanged: imported already. */
  outcome: "new_framework" | "new_version" | "unchanged";
  /** The version the diff is against (the latest imported one), for new_version. */
  previousVersion: string | null;
  diff: FrameworkDiff | null;
  notices: FrameworkImportMessage[];
  contentSha256: string;
}

export type ImportFrameworkResult =
  | { ok: false; errors: FrameworkImportMessage[] }
  | { ok: true; mode: "preview"; plan: FrameworkImportPlan }
  | {
      ok: true;
      mode: "commit";
      plan: FrameworkImportPlan;
      /** False for an unchanged re-import: nothing was written. */
      written: boolean;
      instrumentId: string | null;
      versionId: string | null;
      changeEventId: string | null;
    };

const IMPORTED_LEGAL_STATUS = "published";
/** 13 columns a row (with its id): 13,000 bound values, within both databases' limits. */
const PROVISION_ROWS_PER_STATEMENT = 1_000;

interface StoredState {
  instrumentId: string | null;
  previous: { id: string; label: string; rows: ProvisionRow[] } | null;
}

async function planImport(
  client: Db | Tx,
  organizationId: string,
  framework: ImportedFramework,
  rows: ProvisionRow[],
): Promise<{ plan: FrameworkImportPlan; stored: StoredState }> {
  const contentSha256 = importedVersionSha256(framework, rows);
  const counts = provisionCounts(framework);
  const base = {
    urn: framework.id,
    name: framework.name,
    version: framework.version,
    format: framework.format,
    ...counts,
    notices: framework.notices,
    contentSha256,
  };
  // Scoped to the actor's organisation: another organisation's import of the same URN is
  // another instrument, never seen here (ADR 0030: unique (scopeKey, key)).
  const instrument = await client.instrument.findUnique({
    where: { scopeKey_key: { scopeKey: scopeKeyOf(organizationId), key: framework.id } },
    select: { id: true, organizationId: true },
  });
  if (!instrument || instrument.organizationId !== organizationId)
    return {
      plan: { ...base, outcome: "new_framework", previousVersion: null, diff: null },
      stored: { instrumentId: null, previous: null },
    };
  const sameLabel = await client.instrumentVersion.findUnique({
    where: { instrumentId_label: { instrumentId: instrument.id, label: framework.version } },
    select: { contentSha256: true },
  });
  if (sameLabel) {
    if (sameLabel.contentSha256 !== contentSha256)
      throw new DomainError("CONFLICT", "errors.frameworkVersionTaken", {
        reason: "versionTaken",
        params: { urn: framework.id, version: framework.version },
      });
    return {
      plan: { ...base, outcome: "unchanged", previousVersion: framework.version, diff: null },
      stored: { instrumentId: instrument.id, previous: null },
    };
  }
  // The latest imported version is the one the organisation works with: the diff is against it.
  const latest = await client.instrumentVersion.findFirst({
    where: { instrumentId: instrument.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      label: true,
      provisions: {
        orderBy: { position: "asc" },
        select: {
          key: true,
          parentKey: true,
          kind: true,
          label: true,
          position: true,
          titleDe: true,
          titleEn: true,
          textDe: true,
          textEn: true,
          textSha256: true,
          assessable: true,
        },
      },
    },
  });
  if (!latest)
    return {
      plan: { ...base, outcome: "new_version", previousVersion: null, diff: null },
      stored: { instrumentId: instrument.id, previous: null },
    };
  const previousRows = latest.provisions as ProvisionRow[];
  const diff = diffFrameworks(
    { provisions: previousRows.map(comparableProvision) },
    { provisions: rows.map(comparableProvision) },
  );
  return {
    plan: { ...base, outcome: "new_version", previousVersion: latest.label, diff },
    stored: {
      instrumentId: instrument.id,
      previous: { id: latest.id, label: latest.label, rows: previousRows },
    },
  };
}

/** The change event's structured diff: keys per kind of change and each field's before/after. */
function diffJsonOf(diff: FrameworkDiff): string {
  return JSON.stringify({
    summary: diff.summary,
    added: diff.added.map((provision) => provision.key),
    // Removed provisions are retired, never deleted: the previous version's rows stay readable.
    retired: diff.removed.map((provision) => provision.key),
    moved: diff.moved,
    changes: diff.changed.flatMap((change) =>
      change.fields.map((field) => ({
        provisionKey: change.key,
        field: field.field,
        from: field.before,
        to: field.after,
      })),
    ),
  });
}

function affectedKeys(diff: FrameworkDiff): string[] {
  return [
    ...diff.added.map((provision) => provision.key),
    ...diff.changed.map((change) => change.key),
    ...diff.removed.map((provision) => provision.key),
  ];
}

/**
 * Imports a CISO Assistant library or an OSCAL catalog into the actor's organisation (issue 14
 * item 3, ADR 0031). The file is parsed in the parser worker pool (a full pool throws
 * ParserBusyError before anything is read or written); a broken file returns the parser's
 * messages with their paths and writes nothing. A commit writes, in one transaction with its
 * audit event: the Instrument (kind framework, key = URN) when it is new, an immutable version
 * with its provisions, and for a later version one "standard_revision" change event with the
 * diff against the latest imported version. Re-importing the same content writes nothing; other
 * content under an imported version label is refused (CONFLICT).
 */
export async function importFramework(
  actor: FrameworkImportActor,
  input: ImportFrameworkInput,
): Promise<ImportFrameworkResult> {
  if (actor.kind === "user")
    assertCan(actor, "framework:import", "errors.frameworkImportForbidden");
  const { bytes, fileName, mode } = importFrameworkSchema.parse(input);
  // Checked here as well as in the worker: a huge upload is not copied into a worker at all.
  if (bytes.byteLength > FRAMEWORK_FILE_MAX_BYTES)
    return {
      ok: false,
      errors: [
        importMessage("(file)", "frameworkImport.fileTooLarge", {
          size: bytes.byteLength,
          max: FRAMEWORK_FILE_MAX_BYTES,
        }),
      ],
    };
  const parsed = await parseFrameworkFile(bytes, fileName);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { framework } = parsed;
  const rows = provisionRowsOf(framework);

  if (mode === "preview") {
    const { plan } = await planImport(db(), actor.organizationId, framework, rows);
    return { ok: true, mode, plan };
  }

  return inTransaction(async (tx) => {
    // Planned again inside the transaction: another import may have committed since a preview.
    const { plan, stored } = await planImport(tx, actor.organizationId, framework, rows);
    if (plan.outcome === "unchanged")
      return {
        ok: true as const,
        mode,
        plan,
        written: false,
        instrumentId: stored.instrumentId,
        versionId: null,
        changeEventId: null,
      };
    const now = new Date();
    // An imported framework binds the organisation from the day it was imported: the date-aware
    // catalogue queries (ADR 0030) pick the newest version in force on a day.
    const importDay = dayToDate(dateToDay(now));
    const instrumentId =
      stored.instrumentId ??
      (
        await tx.instrument.create({
          data: {
            organizationId: actor.organizationId,
            scopeKey: scopeKeyOf(actor.organizationId),
            key: framework.id,
            kind: "framework",
            citation: framework.id,
            titleDe: framework.name,
            titleEn: framework.name,
            authority: framework.provider ?? framework.name,
            jurisdiction: "international",
            sourceUrl: null,
            note: framework.description,
          },
          select: { id: true },
        })
      ).id;
    const version = await tx.instrumentVersion.create({
      data: {
        instrumentId,
        label: framework.version,
        legalStatus: IMPORTED_LEGAL_STATUS,
        entryIntoForceAt: importDay,
        sourceUrl: null,
        contentSha256: plan.contentSha256,
        note: `imported from ${fileName}`,
      },
      select: { id: true },
    });
    // In slices we choose, one statement after the other: a statement binds at most 32,766
    // (SQLite) / 65,535 (PostgreSQL) values, and Prisma's own split sends its parts at once on
    // the transaction's single pg connection (pg warns and will refuse that in pg 9).
    for (let start = 0; start < rows.length; start += PROVISION_ROWS_PER_STATEMENT)
      await tx.provision.createMany({
        data: rows
          .slice(start, start + PROVISION_ROWS_PER_STATEMENT)
          .map((row) => ({ ...row, versionId: version.id })),
      });
    let changeEventId: string | null = null;
    if (plan.diff && stored.previous) {
      const params = {
        name: framework.name,
        from: stored.previous.label,
        to: framework.version,
        ...plan.diff.summary,
      };
      const event = await tx.changeEvent.create({
        data: {
          organizationId: actor.organizationId,
          scopeKey: scopeKeyOf(actor.organizationId),
          key: `import:${framework.id}@${framework.version}`,
          instrumentId,
          type: "standard_revision",
          detectedAt: now,
          effectiveAt: importDay,
          legalStatus: IMPORTED_LEGAL_STATUS,
          fromVersionId: stored.previous.id,
          toVersionId: version.id,
          affectedProvisionKeys: JSON.stringify(affectedKeys(plan.diff)),
          diffJson: diffJsonOf(plan.diff),
          summaryDe: translate("de", "frameworkImport.changeSummary", params),
          summaryEn: translate("en", "frameworkImport.changeSummary", params),
          sourceUrl: null,
          source: "import",
          // The organisation's own file, imported by a person it authorised: a fact for it.
          confirmed: true,
        },
        select: { id: true },
      });
      changeEventId = event.id;
    }
    await recordAuditEvent(tx, actor, {
      action: "regulations.framework_imported",
      target: { type: "instrument", id: instrumentId },
      payload: {
        urn: framework.id,
        version: framework.version,
        versionId: version.id,
        format: framework.format,
        fileName,
        contentSha256: plan.contentSha256,
        provisions: plan.provisions,
        assessable: plan.assessable,
        previousVersion: plan.previousVersion,
        changes: plan.diff?.summary ?? null,
        changeEventId,
      },
    });
    return {
      ok: true as const,
      mode,
      plan,
      written: true,
      instrumentId,
      versionId: version.id,
      changeEventId,
    };
  });
}
