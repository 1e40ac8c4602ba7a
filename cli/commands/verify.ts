import { readFileSync } from "node:fs";
import { ParserBusyError } from "../../app/modules/parsing/parser-pool.server";
import { verifyReport, type ReportVerdict } from "../../app/modules/signing/verify-report.server";

/**
 * `vetted verify <file.pdf>`: the /verify page's verdict on the command line.
 * Exit 0: valid and unchanged; 1: invalid, modified, unknown, unsigned or not checked (a limit of
 * the check was reached, e.g. its time); 2: not a readable PDF (or no file). The file is read in
 * a parser worker with the same limits as the page (ADR 0014).
 */
const HEADLINE: Record<ReportVerdict, string> = {
  valid: "VALID — signed by us and unchanged since signing",
  modified: "MODIFIED — the file was changed after signing",
  invalid: "INVALID — the signature cannot be verified",
  unknown: "UNKNOWN — validly signed, but not a report issued by this installation",
  unsigned: "UNSIGNED — the PDF carries no signature",
  not_pdf: "NOT A READABLE PDF",
  unchecked: "NOT CHECKED — the file exceeds a limit of the check",
};

export async function verifyCommand(args: string[]): Promise<number> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0) {
    process.stderr.write("Usage: npm run vetted -- verify <file.pdf>\n");
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    process.stderr.write(
      `verify: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})\n`,
    );
    return 2;
  }
  let result: Awaited<ReturnType<typeof verifyReport>>;
  try {
    result = await verifyReport(bytes);
  } catch (error) {
    if (!(error instanceof ParserBusyError)) throw error;
    process.stderr.write(`verify: ${error.message}\n`);
    return 1;
  }
  const { signature, report } = result;
  const lines = [`${file}: ${HEADLINE[result.verdict]}`];
  if (report) {
    lines.push(
      `  organisation:  ${report.organizationName}`,
      `  assessment:    ${report.assessmentTitle} (${report.assessmentId})`,
      `  vendor:        ${report.vendorName}${report.productName ? ` — ${report.productName}` : ""}`,
      `  decision:      ${report.decisionOutcome} (${report.decisionId})`,
      `  signed by:     ${report.signerName}`,
      `  signed at:     ${report.signedAt.toISOString()}`,
      report.supersededAt
        ? `  SUPERSEDED by a later decision on ${report.supersededAt.toISOString()}`
        : "  current decision: yes",
    );
  } else if (signature.signerName) {
    lines.push(`  signed by:     ${signature.signerName}`);
    if (signature.signingTime)
      lines.push(`  signed at:     ${signature.signingTime.toISOString()} (claimed by the signer)`);
  }
  if (signature.timestamp)
    lines.push(
      `  timestamp:     ${signature.timestamp.time.toISOString()} by ${signature.timestamp.tsaName ?? "unknown TSA"}`,
    );
  if (signature.certificateFingerprint)
    lines.push(`  certificate:   SHA-256 ${signature.certificateFingerprint}`);
  if (result.sha256) lines.push(`  file SHA-256:  ${result.sha256}`);
  for (const reason of signature.reasons) lines.push(`  - ${reason}`);
  process.stdout.write(`${lines.join("\n")}\n`);
  if (result.verdict === "valid") return 0;
  return result.verdict === "not_pdf" ? 2 : 1;
}
