// Prisma CLI configuration. Vetted uses the CLI only to generate clients and migration SQL
// (scripts/db-generate.mjs); the app applies migrations itself (app/utils/migrate.server.ts).
// The engine variables point at an existing file so the CLI never tries to download a binary
// engine (this machine has no internet; docs/decisions/0002-prisma-6-js-engine.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "package.json";
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "package.json";

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaConfig } from "prisma";

export default {
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: "file:.tmp/prisma-cli.db" }),
} satisfies PrismaConfig;
