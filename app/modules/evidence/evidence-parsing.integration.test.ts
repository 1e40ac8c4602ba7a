import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { ParserBusyError, parserPool } from "../parsing/parser-pool.server";
import {
  createEvidenceWorld,
  filesBelow,
  type EvidenceWorld,
} from "../../../tests/support/evidence-test-world";
import { tinyPdf } from "./test-fixtures";
import { uploadEvidence } from "./upload-evidence.server";

/**
 * Evidence type detection and hashing (linear in the file: 20 MB of text is checked byte by byte)
 * run in a parser worker, not on the event loop (issue 11): while the only worker is held and no
 * job may wait, an upload is refused as busy and stores nothing; once free, the same upload works
 * and the caller's buffer came back from the worker intact.
 */
let storage: string;
let world: EvidenceWorld;
beforeAll(async () => {
  storage = await mkdtemp(path.join(tmpdir(), "vetted-evidence-parsing-"));
  Object.assign(process.env, {
    EVIDENCE_DIR: storage,
    PARSER_WORKERS: "1",
    PARSER_QUEUE_LIMIT: "0",
  });
  resetEnvForTests();
  world = await createEvidenceWorld();
});
afterAll(async () => {
  await parserPool().close();
  for (const name of ["EVIDENCE_DIR", "PARSER_WORKERS", "PARSER_QUEUE_LIMIT"])
    delete process.env[name];
  resetEnvForTests();
  await rm(storage, { recursive: true, force: true });
});

describe("evidence uploads are inspected in a parser worker", () => {
  it("a full pool refuses the upload as busy and stores nothing; afterwards it is accepted", async () => {
    const signal = new SharedArrayBuffer(4);
    const held = parserPool().run("hold", { signal, maxMs: 60_000 });
    const pdf = new Uint8Array(tinyPdf("held"));
    await expect(
      uploadEvidence(world.vendor, {
        questionKey: "security.certificate",
        fileName: "cert.pdf",
        bytes: pdf,
      }),
    ).rejects.toBeInstanceOf(ParserBusyError);
    expect(await db().evidenceFile.count({ where: { assessmentId: world.assessmentId } })).toBe(0);
    expect(await filesBelow(storage)).toEqual([]);

    Atomics.store(new Int32Array(signal), 0, 1);
    Atomics.notify(new Int32Array(signal), 0);
    expect((await held).status).toBe("done");

    const owned = new Uint8Array(tinyPdf("accepted"));
    const result = await uploadEvidence(
      world.vendor,
      { questionKey: "security.certificate", fileName: "cert.pdf", bytes: owned },
      { transfer: true },
    );
    expect(result.file).toMatchObject({
      contentType: "application/pdf",
      size: tinyPdf("accepted").length,
    });
    expect(await filesBelow(storage)).toHaveLength(1);
  });
});
