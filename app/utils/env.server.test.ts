import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

const valid = {
  DATABASE_URL: "file:./x.db",
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  SESSION_SECRET: "s".repeat(32),
};

describe("environment", () => {
  it("accepts a minimal valid configuration with defaults", () => {
    const env = parseEnv(valid);
    expect(env.PORT).toBe(3000);
    expect(env.SESSION_IDLE_MINUTES).toBe(120);
    expect(env.TRUST_PROXY).toBe(false);
  });

  it("sizes the PostgreSQL pool and its connect timeout, within bounds", () => {
    expect(parseEnv(valid)).toMatchObject({
      DATABASE_POOL_SIZE: 10,
      DATABASE_CONNECT_TIMEOUT_SECONDS: 10,
    });
    expect(
      parseEnv({ ...valid, DATABASE_POOL_SIZE: "4", DATABASE_CONNECT_TIMEOUT_SECONDS: "3" }),
    ).toMatchObject({ DATABASE_POOL_SIZE: 4, DATABASE_CONNECT_TIMEOUT_SECONDS: 3 });
    expect(() => parseEnv({ ...valid, DATABASE_POOL_SIZE: "0" })).toThrowError(
      /DATABASE_POOL_SIZE/,
    );
    expect(() => parseEnv({ ...valid, DATABASE_CONNECT_TIMEOUT_SECONDS: "x" })).toThrowError(
      /DATABASE_CONNECT_TIMEOUT_SECONDS/,
    );
  });

  it("fails fast naming every wrong variable", () => {
    expect(() =>
      parseEnv({ DATABASE_URL: "mysql://x", ENCRYPTION_KEY: "short", SESSION_SECRET: "x" }),
    ).toThrowError(
      /DATABASE_URL[\s\S]*ENCRYPTION_KEY[\s\S]*SESSION_SECRET|DATABASE_URL[\s\S]*SESSION_SECRET[\s\S]*ENCRYPTION_KEY/,
    );
    expect(() => parseEnv({})).toThrowError(/Invalid configuration/);
  });

  it("requires https in production except on localhost", () => {
    const production = { ...valid, NODE_ENV: "production", MAIL_URL: "smtp://127.0.0.1:2525" };
    expect(() => parseEnv({ ...production, APP_URL: "http://vetted.example" })).toThrowError(
      /APP_URL/,
    );
    expect(parseEnv({ ...production, APP_URL: "http://localhost:3000" }).APP_URL).toBe(
      "http://localhost:3000",
    );
    expect(parseEnv({ ...production, APP_URL: "https://vetted.example" }).APP_URL).toBe(
      "https://vetted.example",
    );
  });

  it("requires MAIL_URL in production: the outbox default would silently keep every mail", () => {
    expect(() =>
      parseEnv({ ...valid, NODE_ENV: "production", APP_URL: "https://vetted.example" }),
    ).toThrowError(/MAIL_URL: must be set in production/);
    expect(
      parseEnv({
        ...valid,
        NODE_ENV: "production",
        APP_URL: "https://vetted.example",
        MAIL_URL: "outbox",
      }).MAIL_URL,
    ).toBe("outbox");
    expect(parseEnv({ ...valid }).MAIL_URL).toBe("outbox");
  });
});
