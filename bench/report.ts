// Report benchmark (issue 5, item 7): renders the PDF report of a 150-question assessment with 20
// findings (sampleReportInput: German text with umlauts, evidence files, residency flows) and
// signs it as the product does (PAdES B-B with a self-signed RSA-3072 certificate like the
// demo's; no timestamp authority, whose network round trip is not ours to measure). Warm-up
// first, then REPORT_COUNT reports; prints the median of each phase. Everything is generated
// deterministically, so every run renders the same bytes (the SHA-256 printed below).
// Run: npm run bench:report — the last line is `report median_ms=<n>` (render + sign per report).

import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { renderReportPdf } from "../app/modules/reports/render-report";
import { sampleReportInput } from "../app/modules/reports/report-input";
import { signPdf } from "../app/modules/signing/pades-sign";
import { createSelfSignedPkcs12, parsePkcs12 } from "../app/modules/signing/pkcs12";

const QUESTION_COUNT = 150;
const FINDING_COUNT = 20;
const WARM_UP_COUNT = 5;
const REPORT_COUNT = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const input = sampleReportInput({
  language: "de",
  questionCount: QUESTION_COUNT,
  findingCount: FINDING_COUNT,
});
const passphrase = "bench-only";
const setupStart = performance.now();
const signer = parsePkcs12(createSelfSignedPkcs12(input.organizationName, passphrase), passphrase);
console.log(
  `input: ${QUESTION_COUNT} questions in ${input.answers.length} sections, ${FINDING_COUNT} findings, language ${input.language}; signing certificate "${signer.commonName}" created in ${(performance.now() - setupStart).toFixed(0)} ms`,
);

interface Timing {
  render: number;
  sign: number;
  total: number;
}

async function oneReport(): Promise<{ timing: Timing; unsigned: Uint8Array; signed: Uint8Array }> {
  const start = performance.now();
  const unsigned = await renderReportPdf(input);
  const rendered = performance.now();
  const signed = await signPdf(unsigned, signer, {
    signingTime: input.generatedAt,
    reason: input.decision.outcome,
  });
  const end = performance.now();
  return {
    timing: { render: rendered - start, sign: end - rendered, total: end - start },
    unsigned,
    signed,
  };
}

for (let i = 0; i < WARM_UP_COUNT; i++) await oneReport();
console.log(`warm-up: ${WARM_UP_COUNT} reports`);

const timings: Timing[] = [];
let last: Awaited<ReturnType<typeof oneReport>> | undefined;
for (let i = 0; i < REPORT_COUNT; i++) {
  last = await oneReport();
  timings.push(last.timing);
}
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
console.log(
  `unsigned ${(last!.unsigned.length / 1024).toFixed(0)} KiB (sha256 ${sha(last!.unsigned)}…, same on every run), signed ${(last!.signed.length / 1024).toFixed(0)} KiB`,
);
const phase = (name: keyof Timing) => median(timings.map((timing) => timing[name]));
const max = Math.max(...timings.map((timing) => timing.total));
console.log(
  `${REPORT_COUNT} reports: median render ${phase("render").toFixed(1)} ms, median sign ${phase("sign").toFixed(1)} ms, median total ${phase("total").toFixed(1)} ms (max ${max.toFixed(1)} ms)`,
);
console.log(`report median_ms=${Math.round(phase("total"))}`);
