import { afterAll, beforeAll } from "vitest";
import { resetEnvForTests } from "../../app/utils/env.server";
import { startSmtpCatcher, type SmtpCatcher } from "./smtp-catcher";

/**
 * Sends this test file's mail to a real SMTP catcher: registers a beforeAll that starts one and
 * points MAIL_URL at it, and an afterAll that restores MAIL_URL and stops it (the environment is
 * re-read both times). Call it at the top level of the file; the returned accessor gives the
 * catcher once the hooks have run:
 *   const smtp = setupSmtpCatcher();
 *   it("…", async () => { const mail = await smtp().waitFor((m) => m.to.includes("a@example.test")); });
 * Kept apart from smtp-catcher.ts, which Playwright also loads and so must not import Vitest.
 * (Not called use…: ESLint's rules-of-hooks would take it for a React hook.)
 */
export function setupSmtpCatcher(): () => SmtpCatcher {
  let smtp: SmtpCatcher | undefined;
  const previousMailUrl = process.env.MAIL_URL;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    process.env.MAIL_URL = smtp.url;
    resetEnvForTests();
  });

  afterAll(async () => {
    process.env.MAIL_URL = previousMailUrl;
    resetEnvForTests();
    await smtp?.stop();
  });

  return () => {
    if (!smtp)
      throw new Error("The SMTP catcher starts in beforeAll: use it inside hooks and tests");
    return smtp;
  };
}
