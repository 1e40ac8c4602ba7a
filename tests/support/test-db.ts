/**
 * What tests may know about their database. tests/setup/test-env.ts creates one fresh database
 * per test file and points DATABASE_URL at it.
 */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is unset: is tests/setup/test-env.ts in setupFiles?");
  return url;
}

export function isPostgres(): boolean {
  return /^postgres(ql)?:\/\//.test(testDatabaseUrl());
}
