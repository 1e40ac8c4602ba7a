import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { staleBuildReason } from "../support/fresh-build.mjs";

/**
 * HTTP and browser tests run against build/: a build older than the sources must be rebuilt,
 * not tested (tests/support/fresh-build.mjs). A checkout laid out like the project's, with
 * mtimes set by hand.
 */
describe("staleBuildReason", () => {
  let root: string;
  const builtAt = new Date("2026-12-01T10:00:00Z");
  const before = new Date("2026-12-01T09:00:00Z");
  const after = new Date("2026-12-01T11:00:00Z");

  function write(file: string, mtime: Date): void {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, "x");
    utimesSync(full, mtime, mtime);
  }

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), "vetted-fresh-build-"));
    for (const source of [
      "app/root.tsx",
      "server/app.js",
      "seeds/templates/a.json",
      "scoring/index.ts",
      "vite.config.ts",
      "remix.config.js",
    ]) {
      write(source, before);
    }
    write("build/client/assets/entry.js", builtAt);
    write("build/server/index.js", new Date(builtAt.getTime() + 5_000));
    write("build/server/parser-worker.js", new Date(builtAt.getTime() + 6_000));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("accepts a build newer than every source", () => {
    expect(staleBuildReason(root)).toBeNull();
  });

  it.each([
    "app/routes/vendors.tsx",
    "server/app.js",
    "seeds/templates/a.json",
    "scoring/index.ts",
    "vite.config.ts",
    "remix.config.js",
  ])("refuses the build when %s changed after it", (source) => {
    write(source, after);
    expect(staleBuildReason(root)).toBe(`${source} changed after the build was made`);
  });

  it("measures the build by its oldest output: a source saved while it was being built makes it stale", () => {
    write("app/root.tsx", new Date(builtAt.getTime() + 1_000));
    expect(staleBuildReason(root)).toBe("app/root.tsx changed after the build was made");
  });

  it("ignores test files, which are never built", () => {
    write("app/utils/x.test.ts", after);
    write("scoring/score.test.ts", after);
    expect(staleBuildReason(root)).toBeNull();
  });

  it("refuses a missing or incomplete build", () => {
    rmSync(path.join(root, "build/server/parser-worker.js"));
    expect(staleBuildReason(root)).toBe("there is no complete build in build");
    rmSync(path.join(root, "build"), { recursive: true });
    expect(staleBuildReason(root)).toBe("there is no complete build in build");
  });
});
