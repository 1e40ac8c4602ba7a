// Test-only child process: keeps saving answers through the real autosave use case (one
// transaction with its audit event, as the questionnaire page does) until its stdin closes (the
// tsx wrapper would turn a signal into exit code 143). Run as `node --import tsx`.
// After each save has COMMITTED it prints `ack <assessmentId> <version>`: the test's record of
// what the application acknowledged; every 25th step it uploads an evidence file instead and prints
// `file <fileId> <sha256>` once that upload is committed. A line `pause` on stdin stops the saves but keeps the
// database connection open, like an idle server (it prints `paused`): on SQLite the newest
// commits then stay in the WAL file, where a plain file copy misses them. DATABASE_URL and the
// secrets come from the environment, the vendor contacts (VendorActor JSON) from argv[2].
import type { VendorActor } from "../../app/modules/auth/actor";
import { tinyPdf } from "../../app/modules/evidence/test-fixtures";
import { uploadEvidence } from "../../app/modules/evidence/upload-evidence.server";
import { autosaveAnswer } from "../../app/modules/portal/autosave-answer.server";
import { disconnectDb } from "../../app/utils/db.server";

/** A yes/no question of the evidence test template (tests/support/evidence-test-template.ts). */
const QUESTION = "security.mfa";

const actors = JSON.parse(process.argv[2] ?? "[]") as VendorActor[];
let stopping = false;
let pausing = false;
process.stdin.setEncoding("utf8").on("data", (chunk: string) => {
  if (chunk.split("\n").includes("pause")) pausing = true;
});
process.stdin.once("end", () => {
  stopping = true;
});

const shown = new Map<string, { version: number; value: string | null }>();

async function saveOnce(actor: VendorActor): Promise<void> {
  const before = shown.get(actor.assessmentId) ?? { version: 0, value: null };
  const value = before.value === "yes" ? "no" : "yes";
  const form = new FormData();
  form.set("questionKey", QUESTION);
  form.set(`v.${QUESTION}`, String(before.version));
  form.set(`o.${QUESTION}`, JSON.stringify(before.value));
  form.set(`q.${QUESTION}`, value);
  const reply = await autosaveAnswer(actor, form);
  if (reply.body.status !== "saved" || !("version" in reply.body))
    throw new Error(`autosave did not save: ${JSON.stringify(reply.body)}`);
  shown.set(actor.assessmentId, { version: reply.body.version, value });
  process.stdout.write(`ack ${actor.assessmentId} ${reply.body.version}\n`);
}

/** Files per answer are limited (EVIDENCE_FILES_MAX, 10): a few per contact are enough. */
const UPLOADS_PER_CONTACT = 5;
const uploads = new Map<string, number>();

async function uploadOnce(actor: VendorActor, step: number): Promise<void> {
  const count = uploads.get(actor.assessmentId) ?? 0;
  if (count >= UPLOADS_PER_CONTACT) return;
  const { file } = await uploadEvidence(actor, {
    questionKey: "privacy.dpa",
    fileName: `dpa-${step}.pdf`,
    bytes: tinyPdf(`DPA uploaded at step ${step}`),
  });
  uploads.set(actor.assessmentId, count + 1);
  process.stdout.write(`file ${file.id} ${file.sha256}\n`);
}

async function main(): Promise<void> {
  process.stdout.write("ready\n");
  for (let i = 0; !stopping; i++) {
    if (pausing) {
      process.stdout.write("paused\n");
      while (!stopping) await new Promise((resolve) => setTimeout(resolve, 20));
      break;
    }
    const actor = actors[i % actors.length]!;
    if (i % 25 === 24) await uploadOnce(actor, i);
    else await saveOnce(actor);
    // A real pause between saves: on SQLite the whole save can complete in microtasks, and a loop
    // that never yields to the event loop would never see stdin end.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await disconnectDb();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `answer-writer: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
