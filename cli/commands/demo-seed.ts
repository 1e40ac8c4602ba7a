import { isOutboxEnabled } from "../../app/modules/mail/send-mail.server";
import { getEnv } from "../../app/utils/env.server";
import { DEMO_USERS, seedDemo, totpManualKey } from "../../seeds/demo/seed-demo.server";
import { loadOrCreateDemoConfig } from "../demo-config";

/** Seeds the demo once and prints the logins (passwords, TOTP keys) and the ready invite link. */
export async function demoSeedCommand(): Promise<number> {
  const config = loadOrCreateDemoConfig();
  const result = await seedDemo(config);
  const appUrl = getEnv().APP_URL;
  const lines = [
    result.created
      ? 'Demo organisation "Demo GmbH" (slug demo) created.'
      : 'Demo organisation "Demo GmbH" (slug demo) already present.',
    "",
    "Demo logins (password · TOTP key for your authenticator app):",
    ...DEMO_USERS.map((u) => {
      const key = u.totp ? config.totpKeys[u.role as "ADMIN" | "DPO"] : null;
      return `  ${u.role.padEnd(8)} ${u.email.padEnd(24)} ${config.passwords[u.role]}${key ? `   TOTP key ${totpManualKey(key)}` : ""}`;
    }),
    "",
    result.inviteAssessmentId
      ? `Vendor invite link (Acme AI → security@acme.example): ${appUrl}/invite/${config.inviteToken}`
      : "",
    "",
    // With MAIL_URL=outbox (the demo default) nothing is sent: the admin reads every mail in the app.
    isOutboxEnabled()
      ? `E-mails are not sent: sign in as ADMIN and open the outbox at ${appUrl}/dev/outbox`
      : `E-mails go to ${getEnv().MAIL_URL.startsWith("file:") ? getEnv().MAIL_URL.slice(5) : "the configured SMTP server"}`,
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
