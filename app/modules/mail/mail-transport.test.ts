import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";
import { isValidMailUrl, mailTransportOf } from "./mail-transport";

const required = {
  DATABASE_URL: "file:./x.db",
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  SESSION_SECRET: "s".repeat(32),
};

describe("MAIL_URL", () => {
  it("picks the transport", () => {
    expect(mailTransportOf("outbox")).toEqual({ kind: "outbox" });
    expect(mailTransportOf("file:.tmp/mail")).toEqual({ kind: "file", dir: ".tmp/mail" });
    expect(mailTransportOf("smtp://127.0.0.1:25")).toEqual({
      kind: "smtp",
      url: "smtp://127.0.0.1:25",
    });
  });

  it("defaults to the database outbox and refuses what no transport understands", () => {
    expect(parseEnv(required).MAIL_URL).toBe("outbox");
    for (const ok of [
      "outbox",
      "file:.data/mail",
      "smtp://mail:25",
      "smtps://u:p@mail.example:465",
    ]) {
      expect(isValidMailUrl(ok)).toBe(true);
      expect(parseEnv({ ...required, MAIL_URL: ok }).MAIL_URL).toBe(ok);
    }
    for (const bad of ["Outbox", "file:", "http://mail", "mail.example:25", ""]) {
      expect(isValidMailUrl(bad)).toBe(false);
      expect(() => parseEnv({ ...required, MAIL_URL: bad })).toThrow(/MAIL_URL/);
    }
  });

  it("REMINDER_INTERVAL_MINUTES defaults to 15 and accepts 0 (off)", () => {
    expect(parseEnv(required).REMINDER_INTERVAL_MINUTES).toBe(15);
    expect(
      parseEnv({ ...required, REMINDER_INTERVAL_MINUTES: "0" }).REMINDER_INTERVAL_MINUTES,
    ).toBe(0);
    expect(() => parseEnv({ ...required, REMINDER_INTERVAL_MINUTES: "-1" })).toThrow(
      /REMINDER_INTERVAL_MINUTES/,
    );
  });
});
