// Test-only child process: keeps saving answers through the real autosave use case (one
// transaction with its audit event, as the questionnaire page does) until its stdin closes (the
// tsx wrapper would turn a signal into exit code 143). Run as `node --import tsx`.
// After each save has COMMITTED it prints `ack <assessmentId> <version>`: the test's record of
// what the application acknowledged. A line `pause` on stdin stops the saves but keeps the
// database connection open, like an idle server (it prints `paused`): on SQLite the newest
// commits then stay in the WAL file, where a plain file copy misses them. DATABASE_URL and the
// secrets come from the environment, the vendor contacts (VendorActor JSON) from argv[2].
import type { VendorActor } from "../../app/modules/auth/actor";
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

async function main(): Promise<void> {
  process.stdout.write("ready\n");
  for (let i = 0; !stopping; i++) {
    if (pausing) {
      process.stdout.write("paused\n");
      while (!stopping) await new Promise((resolve) => setTimeout(resolve, 20));
      break;
    }
    await saveOnce(actors[i % actors.length]!);
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
