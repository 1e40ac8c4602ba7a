import { describe, expect, it } from "vitest";
import { libpqEnvironment } from "./postgres-tools";

describe("libpqEnvironment", () => {
  it("hands DATABASE_URL to pg_dump as libpq variables: password decoded, Prisma's parameters left out", () => {
    expect(
      libpqEnvironment(
        "postgresql://vetted%40prod:p%40ss%2Fw%3Ard@db.internal:6543/vetted%20main?sslmode=verify-full&schema=public&connection_limit=5&application_name=backup",
      ),
    ).toEqual({
      PGHOST: "db.internal",
      PGPORT: "6543",
      PGUSER: "vetted@prod",
      PGPASSWORD: "p@ss/w:rd",
      PGDATABASE: "vetted main",
      PGSSLMODE: "verify-full",
      PGAPPNAME: "backup",
    });
  });

  it("reads a socket folder from ?host=, an IPv6 address without brackets, and node-postgres' no-verify as require", () => {
    expect(libpqEnvironment("postgres://app@localhost/vetted?host=/run/postgresql")).toEqual({
      PGHOST: "/run/postgresql",
      PGUSER: "app",
      PGDATABASE: "vetted",
    });
    expect(libpqEnvironment("postgres://app@[::1]:5432/vetted?sslmode=no-verify")).toMatchObject({
      PGHOST: "::1",
      PGSSLMODE: "require",
    });
  });
});
