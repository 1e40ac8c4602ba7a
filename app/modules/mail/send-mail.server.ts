import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { getEnv } from "../../utils/env.server";
import { logger } from "../../utils/logger.server";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Sends through SMTP (MAIL_URL=smtp://…) or, for the demo, writes .eml files into a folder
 * (MAIL_URL=file:<dir>). Mail bodies may hold secrets (invite links): they are never logged.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const env = getEnv();
  if (env.MAIL_URL.startsWith("file:")) {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    const info = await transport.sendMail({ from: env.MAIL_FROM, ...mail });
    const dir = path.resolve(env.MAIL_URL.slice("file:".length));
    // The folder comes from the operator's MAIL_URL, the file name from a timestamp and id.
    // eslint-disable-next-line security/detect-non-literal-fs-filename
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/[^a-z0-9]/gi, "").slice(0, 12)}.eml`);
    // eslint-disable-next-line security/detect-non-literal-fs-filename
    writeFileSync(file, info.message as Buffer, { mode: 0o600 });
    logger.info("mail.written", { file: path.basename(file) });
    return;
  }
  const transport = nodemailer.createTransport(env.MAIL_URL);
  await transport.sendMail({ from: env.MAIL_FROM, ...mail });
  logger.info("mail.sent", { subjectLength: mail.subject.length });
}
