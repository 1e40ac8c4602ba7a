/**
 * What tests may know about their database. tests/setup/test-env.ts gives each integration test
 * file (*.integration.test.ts) its own copy of the run's migrated template database and points
 * DATABASE_URL at it; pure test files get none.
 */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is unset: is tests/setup/test-env.ts in setupFiles?");
  return url;
}

export function isPostgres(): boolean {
  return /^postgres(ql)?:\/\//.test(testDatabaseUrl());
}
