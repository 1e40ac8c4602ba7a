import { describe, expect, it } from "vitest";
import { containsLiteral } from "./like-pattern.server";

describe("containsLiteral", () => {
  it("escapes LIKE's escape character and wildcards for PostgreSQL", () => {
    expect(containsLiteral('"100%_x\\y"', "postgresql")).toBe('"100\\%\\_x\\\\y"');
    expect(containsLiteral('"strategic"', "postgresql")).toBe('"strategic"');
  });

  it("leaves the value alone for SQLite, whose LIKE has no escape character here", () => {
    expect(containsLiteral('"100%_x\\y"', "sqlite")).toBe('"100%_x\\y"');
  });

  it("follows DATABASE_URL by default", () => {
    const provider = process.env.DATABASE_URL?.startsWith("file:") ? "sqlite" : "postgresql";
    expect(containsLiteral("a_b")).toBe(containsLiteral("a_b", provider));
  });
});
