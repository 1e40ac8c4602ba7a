import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssessmentScenario } from "../../../tests/support/assessment-factories";
import { createClient, startAppServer, type AppServer } from "../../../tests/support/app-server";
import type { WorkerPool } from "../parsing/worker-pool";
import { createTestCertificateAuthority, parsePkcs12 } from "./pkcs12";
import { storeSignedReport } from "./testing/signed-report-fixture";
import { signatureObjects, withIncrementalUpdate } from "./testing/test-pdf";

/**
 * /verify under load (issue 11, item 2), over real HTTP against the production build: the check
 * runs in a parser worker, so /healthz answers while a verification waits for one; a full queue
 * is answered at once with 503 and Retry-After (in both languages), never a 500; a file over the
 * signature limit gets a clear "could not be checked" verdict. The server's single worker is
 * held with the pool's "hold" job: nothing here depends on timing.
 */
let app: AppServer;
let pool: WorkerPool;
let report: Uint8Array;

beforeAll(async () => {
  process.env.PARSER_WORKERS = "1";
  process.env.PARSER_QUEUE_LIMIT = "1";
  app = await startAppServer();
  pool = (app.build.entry.module as unknown as { parserPool(): WorkerPool }).parserPool();
  const ca = createTestCertificateAuthority("Prüfende Organisation GmbH");
  const scenario = await createAssessmentScenario();
  ({ signed: report } = await storeSignedReport({
    organizationId: scenario.org.id,
    assessmentId: scenario.assessment.id,
    decidedById: scenario.dpo.userId,
    identity: parsePkcs12(ca.p12, ca.passphrase),
  }));
}, 120_000);
afterAll(async () => {
  await pool?.close();
  await app?.close();
  delete process.env.PARSER_WORKERS;
  delete process.env.PARSER_QUEUE_LIMIT;
});

function upload(bytes: Uint8Array, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append("file", new Blob([Buffer.from(bytes)], { type: "application/pdf" }), "report.pdf");
  return createClient(app.baseUrl).post("/verify", form, { headers });
}

const verdictOf = (body: string) => /data-verdict="([a-z_]+)"/.exec(body)?.[1] ?? null;

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

function holdTheWorker() {
  const signal = new SharedArrayBuffer(4);
  const held = pool.run("hold", { signal, maxMs: 60_000 });
  return {
    held,
    release() {
      Atomics.store(new Int32Array(signal), 0, 1);
      Atomics.notify(new Int32Array(signal), 0);
    },
  };
}

describe("/verify while the parser workers are busy", () => {
  it("/healthz answers while a verification waits; a full queue gets 503 with Retry-After; the waiting check completes", async () => {
    const worker = holdTheWorker();
    await until(() => pool.stats().running === 1);

    let finished = false;
    const waiting = upload(report).then((res) => {
      finished = true;
      return res;
    });
    await until(() => pool.stats().queued === 1);

    const health = await createClient(app.baseUrl).get("/healthz");
    expect(health.status).toBe(200);
    expect(finished).toBe(false);

    const refused = await upload(report);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(refused.body).toContain(
      "Many files are being checked right now. Please try again in a moment.",
    );
    expect(verdictOf(refused.body)).toBeNull();
    const german = await upload(report, { "Accept-Language": "de-DE,de;q=0.9" });
    expect(german.status).toBe(503);
    expect(german.body).toContain(
      "Gerade werden viele Dateien geprüft. Bitte versuchen Sie es gleich noch einmal.",
    );

    worker.release();
    expect((await worker.held).status).toBe("done");
    const checked = await waiting;
    expect(checked.status).toBe(200);
    expect(verdictOf(checked.body)).toBe("valid");
    expect(pool.stats()).toMatchObject({ timedOut: 0, failed: 0 });
  });

  it("a file with more signatures than the limit is 'could not be checked', with the reason", async () => {
    const { byteRange, form } = signatureObjects(report);
    const objects: Record<number, string> = {};
    const fields: string[] = [];
    for (let i = 0; i < 20; i++) {
      objects[3000 + i] = `<< /Type /Sig ${byteRange} >>`;
      objects[4000 + i] = `<< /FT /Sig /T (s${i}) /V ${3000 + i} 0 R >>`;
      fields.push(`${4000 + i} 0 R`);
    }
    const res = await upload(
      withIncrementalUpdate(report, {
        ...objects,
        [form]: `<< /Fields [ ${fields.join(" ")} ] >>`,
      }),
    );
    expect(res.status).toBe(200);
    expect(verdictOf(res.body)).toBe("unchecked");
    expect(res.body).toContain("Could not be checked");
    expect(res.body).toContain("The file carries more than 10 signatures");
  });
});
