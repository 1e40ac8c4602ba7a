import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "../../app/utils/db.server";

/**
 * `vetted report --org <slug> --out-dir <dir> [--assessment <id>]`: writes the organisation's
 * signed reports for archiving, as `<assessment-id>-<decision-id>.pdf` (the stored signed bytes,
 * unchanged). Only reports of that organisation; an assessment of another one finds nothing.
 */
export async function reportCommand(args: string[]): Promise<number> {
  let values: { org?: string; "out-dir"?: string; assessment?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        org: { type: "string" },
        "out-dir": { type: "string" },
        assessment: { type: "string" },
      },
    }));
  } catch (error) {
    process.stderr.write(`report: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const slug = values.org;
  const outDir = values["out-dir"];
  if (!slug || !outDir) {
    process.stderr.write(
      "Usage: npm run vetted -- report --org <slug> --out-dir <dir> [--assessment <id>]\n",
    );
    return 2;
  }
  const org = await db().organization.findUnique({ where: { slug }, select: { id: true } });
  if (!org) {
    process.stderr.write(`report: no organisation with slug "${slug}"\n`);
    return 1;
  }
  const reports = await db().signedReport.findMany({
    where: {
      organizationId: org.id,
      ...(values.assessment ? { assessmentId: values.assessment } : {}),
    },
    orderBy: [{ signedAt: "asc" }, { id: "asc" }],
    select: { assessmentId: true, decisionId: true, signedPdf: true, sha256: true },
  });
  if (values.assessment && reports.length === 0) {
    process.stderr.write(
      `report: no signed report for assessment "${values.assessment}" in "${slug}"\n`,
    );
    return 1;
  }
  mkdirSync(outDir, { recursive: true });
  for (const report of reports) {
    // Ids are cuids (letters and digits): safe as file names.
    const file = path.join(outDir, `${report.assessmentId}-${report.decisionId}.pdf`);
    writeFileSync(file, report.signedPdf);
    process.stdout.write(`${file}  sha256 ${report.sha256}\n`);
  }
  process.stdout.write(`${reports.length} signed report(s) written to ${outDir}\n`);
  return 0;
}
