import { z } from "zod";
import type { JobHandler } from "../jobs/job-handlers.server";
import { sendMail, type OutgoingMail } from "./send-mail.server";

/** The mail as a job stores it (sealed): parsed again on read, like any stored JSON. */
export const outgoingMailSchema = z.object({
  to: z.string().min(1),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  organizationId: z.string().nullable().optional(),
});

/** "mail.send": one mail. Idempotent only as far as SMTP is (at-least-once, ADR 0028). */
export const mailJobHandler: JobHandler<OutgoingMail> = {
  parse: (payload) => outgoingMailSchema.parse(payload),
  run: (mail) => sendMail(mail),
};
