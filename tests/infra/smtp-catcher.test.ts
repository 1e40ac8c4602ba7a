import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpCatcher, type SmtpCatcher } from "../support/smtp-catcher";

describe("SMTP catcher", () => {
  let smtp: SmtpCatcher;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
  });
  afterAll(async () => {
    await smtp.stop();
  });

  it("receives a real SMTP delivery and parses it, umlauts included", async () => {
    const transport = nodemailer.createTransport(smtp.url);
    await transport.sendMail({
      from: "Vetted <no-reply@vetted.localhost>",
      to: "jürgen@example.test",
      bcc: "dpo@example.test",
      subject: "Prüfbericht für Größe & Übersicht",
      text: "Grüße aus Köln: äöü ÄÖÜ ß",
      html: "<p>Grüße aus Köln</p>",
    });
    transport.close();

    const mail = await smtp.waitFor((m) => m.subject.startsWith("Prüfbericht"));
    expect(mail.subject).toBe("Prüfbericht für Größe & Übersicht");
    expect(mail.text.trim()).toBe("Grüße aus Köln: äöü ÄÖÜ ß");
    expect(mail.html).toContain("Grüße aus Köln");
    expect(mail.from).toBe("no-reply@vetted.localhost");
    expect(mail.to).toEqual(["jürgen@example.test", "dpo@example.test"]);
    expect(mail.raw).toMatch(/^Subject: /m);
    expect(smtp.messages).toHaveLength(1);

    smtp.clear();
    expect(smtp.messages).toHaveLength(0);
  });

  it("times out when no matching mail arrives", async () => {
    await expect(smtp.waitFor((m) => m.subject === "never", 200)).rejects.toThrow(
      /No matching mail within 200 ms/,
    );
  });
});
