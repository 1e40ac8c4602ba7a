import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { db } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import { logger } from "../../utils/logger.server";
import { mailTransportOf } from "./mail-transport";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The organisation the mail is sent for: the outbox lists each organisation's mails apart. */
  organizationId?: string | null;
}

/**
 * Delivers one mail according to MAIL_URL:
 *   - `outbox` (embedded default): stored in the OutboxMail table, listed on /dev/outbox;
 *   - `file:<dir>`: written as an .eml file (the e2e tests read them);
 *   - `smtp://…` / `smtps://…`: sent through nodemailer.
 * Use cases do not call it: they queue the mail with enqueueMail in their transaction, and the
 * job runner calls it (ADR 0028). Mail bodies may hold secrets (invite links, codes): they
 * are never logged.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const env = getEnv();
  const { organizationId, ...message } = mail;
  const transport = mailTransportOf(env.MAIL_URL);
  if (transport.kind === "outbox") {
    const row = await db().outboxMail.create({
      data: {
        organizationId: organizationId ?? null,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
      },
      select: { id: true },
    });
    logger.info("mail.stored", { outboxMailId: row.id });
    return;
  }
  if (transport.kind === "file") {
    const streamer = nodemailer.createTransport({
      streamTransport: true,
      buffer: true,
      newline: "unix",
    });
    const info = await streamer.sendMail({ from: env.MAIL_FROM, ...message });
    const dir = path.resolve(transport.dir);
    // The folder comes from the operator's MAIL_URL, the file name from a timestamp and id.
    // eslint-disable-next-line security/detect-non-literal-fs-filename
    mkdirSync(dir, { recursive: true });
    const file = path.join(
      dir,
      `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/[^a-z0-9]/gi, "").slice(0, 12)}.eml`,
    );
    // eslint-disable-next-line security/detect-non-literal-fs-filename
    writeFileSync(file, info.message as Buffer, { mode: 0o600 });
    logger.info("mail.written", { file: path.basename(file) });
    return;
  }
  // Every wait ends well within a job's lock (JOB_LOCK_SECONDS): a hanging mail server makes the
  // attempt fail and be retried, instead of the job being taken over while this one still runs.
  const waitMs = Math.min(30_000, Math.floor((env.JOB_LOCK_SECONDS * 1000) / 4));
  const smtp = nodemailer.createTransport({
    url: transport.url,
    connectionTimeout: waitMs,
    greetingTimeout: waitMs,
    socketTimeout: waitMs,
  });
  await smtp.sendMail({ from: env.MAIL_FROM, ...message });
  logger.info("mail.sent", { subjectLength: message.subject.length });
}

/** Whether mails go to the database outbox (and /dev/outbox exists). */
export function isOutboxEnabled(): boolean {
  return mailTransportOf(getEnv().MAIL_URL).kind === "outbox";
}
