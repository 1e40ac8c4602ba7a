import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCertificateAuthority } from "../../app/modules/signing/pkcs12";
import { db } from "../../app/utils/db.server";
import { decideAssessment } from "../../app/modules/assessments/decide-assessment.server";
import {
  assessmentAwaitingDecision,
  useOperatorCertificate,
} from "../../tests/support/signed-decisions";

const root = path.resolve(import.meta.dirname, "../..");
const ca = createTestCertificateAuthority("Sweep CLI GmbH");
let restore: () => void;

beforeAll(() => {
  restore = useOperatorCertificate(ca.p12, ca.passphrase);
});
afterAll(() => restore());

/** The real CLI (tsx) against this test file's database and the same operator certificate. */
function vetted(args: string[]) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["cli/vetted.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: process.env,
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("vetted reports sweep", () => {
  it(
    "makes a report that was given up once --retry-failed sets it back to pending",
    { timeout: 240_000 },
    async () => {
      const s = await assessmentAwaitingDecision();
      const { decisionId } = await decideAssessment(s.dpo, s.assessment.id, {
        outcome: "REJECTED",
        rationale: "Übermittlungen ohne geeignete Garantien.",
        conditions: [],
        expectedVersion: (await s.reload()).version,
      });
      await db().pendingReport.update({
        where: { decisionId },
        data: {
          status: "FAILED",
          attempts: 12,
          lastError: "the timestamp authority answered HTTP 503",
        },
      });

      const untouched = vetted(["reports", "sweep"]);
      expect(untouched.stdout).toContain("Signed reports made: 0");
      expect(untouched.code).toBe(0);
      expect(await db().signedReport.count({ where: { decisionId } })).toBe(0);

      const retried = vetted(["reports", "sweep", "--retry-failed"]);
      expect(retried.stdout).toContain("Reports given up and tried again: 1");
      expect(retried.stdout).toContain("Signed reports made: 1");
      expect(retried.code).toBe(0);
      expect(await db().signedReport.count({ where: { decisionId } })).toBe(1);
      expect(await db().pendingReport.count({ where: { decisionId } })).toBe(0);
    },
  );
});
