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

  it("keeps evidence in the local folder unless object storage is configured completely", () => {
    expect(parseEnv(valid)).toMatchObject({ EVIDENCE_STORAGE: "local", S3_PREFIX: "" });
    const s3 = {
      ...valid,
      EVIDENCE_STORAGE: "s3",
      S3_ENDPOINT: "https://objects.example.eu",
      S3_REGION: "eu-central-1",
      S3_BUCKET: "vetted-evidence",
      S3_FORCE_PATH_STYLE: "true",
      S3_SERVER_SIDE_ENCRYPTION: "aws:kms",
      S3_KMS_KEY_ID: "key-1",
      S3_PREFIX: "vetted/evidence/",
    };
    expect(parseEnv(s3)).toMatchObject({ EVIDENCE_STORAGE: "s3", S3_FORCE_PATH_STYLE: true });
    // An empty value (a compose file's S3_ENDPOINT=) is unset: AWS S3 itself.
    expect(parseEnv({ ...s3, S3_ENDPOINT: "" }).S3_ENDPOINT).toBeUndefined();

    const missing = () => parseEnv({ ...valid, EVIDENCE_STORAGE: "s3" });
    expect(missing).toThrow(/S3_BUCKET: must be set when EVIDENCE_STORAGE=s3/);
    expect(missing).toThrow(/S3_REGION: must be set when EVIDENCE_STORAGE=s3/);
    expect(() => parseEnv({ ...s3, EVIDENCE_STORAGE: "ftp" })).toThrow(/EVIDENCE_STORAGE/);
    expect(() => parseEnv({ ...s3, S3_BUCKET: "Evidence_Files" })).toThrow(
      /S3_BUCKET: must be a bucket name/,
    );
    expect(() => parseEnv({ ...s3, S3_PREFIX: "evidence" })).toThrow(/S3_PREFIX/);
    expect(() => parseEnv({ ...s3, S3_SERVER_SIDE_ENCRYPTION: "AES256" })).toThrow(
      /S3_KMS_KEY_ID: needs S3_SERVER_SIDE_ENCRYPTION=aws:kms/,
    );
  });

  it("refuses credentials in S3_ENDPOINT without repeating them", () => {
    const secret = "wJalrXUtnFEMI-example-secret";
    let message = "";
    try {
      parseEnv({
        ...valid,
        EVIDENCE_STORAGE: "s3",
        S3_REGION: "eu-central-1",
        S3_BUCKET: "vetted-evidence",
        S3_ENDPOINT: `https://AKIAEXAMPLE:${secret}@objects.example.eu`,
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/S3_ENDPOINT: must not contain credentials/);
    expect(message).not.toContain(secret);
  });
});
