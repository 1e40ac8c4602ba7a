import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Mails go through the durable job queue (ADR 0028): use cases enqueue them in their transaction
 * with enqueueMail, and only the queue's handlers call sendMail. A new direct call would send a
 * mail outside the business transaction again (lost on a crash, or sent for a change that rolled
 * back): this test names it.
 */
const root = path.resolve(import.meta.dirname, "../../..");
const ALLOWED = new Set([
  "app/modules/mail/mail-job.server.ts",
  "app/modules/reminders/reminder-job-handler.server.ts",
]);

/** An import of sendMail (comments naming it are fine). */
const IMPORTS_SEND_MAIL = /import\s*\{[^}]*\bsendMail\b[^}]*\}\s*from/;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(relative);
    return /\.(ts|tsx|js)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

describe("sendMail callers", () => {
  it("only the job queue's mail handlers call sendMail", () => {
    const callers = [...sourceFiles("app"), ...sourceFiles("cli"), ...sourceFiles("server")].filter(
      (file) => IMPORTS_SEND_MAIL.test(readFileSync(path.join(root, file), "utf8")),
    );
    expect(callers.filter((file) => !ALLOWED.has(file))).toEqual([]);
    expect(callers.length).toBeGreaterThanOrEqual(2);
  });
});
