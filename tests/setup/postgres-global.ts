import type { TestProject } from "vitest/node";
import { startPostgresCluster } from "../support/postgres-cluster";

/**
 * globalSetup of the `postgres` project: ONE throwaway cluster for the whole run. Each test
 * file then creates its own database in it (tests/setup/test-env.ts).
 */
declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  project.provide("postgresAdminUrl", cluster.url);
  return () => cluster.stop();
}
