import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Thin routes, enforced (issue 12, item 8; ADR 0023). A route is guard → parse → use case →
 * view model: the work lives in app/modules/<area> (one use case per file), the markup in
 * app/components/<area>. A route file that grows past MAX_ROUTE_LINES has taken on one of those
 * jobs; move it out instead of raising the limit. There are no exceptions.
 */
const MAX_ROUTE_LINES = 150;

const routesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../app/routes");

function routeSizes(): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const entry of readdirSync(routesDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name))
      continue;
    const file = path.relative(routesDir, path.join(entry.parentPath, entry.name));
    // Lines as an editor counts them (a final newline does not start another line).
    sizes.set(
      file,
      readFileSync(path.join(routesDir, file), "utf8").replace(/\n$/, "").split("\n").length,
    );
  }
  return sizes;
}

describe("route files stay thin", () => {
  const sizes = routeSizes();

  it("finds the routes", () => {
    expect(sizes.size).toBeGreaterThan(20);
  });

  it(`keeps every route within ${MAX_ROUTE_LINES} lines`, () => {
    const tooLong = [...sizes]
      .filter(([, lines]) => lines > MAX_ROUTE_LINES)
      .map(([file, lines]) => `app/routes/${file}: ${lines} lines, limit ${MAX_ROUTE_LINES}`);
    expect(
      tooLong,
      "A route is guard → parse → use case → view model (ADR 0023): move view-model building and action dispatch into app/modules/<area>/*.server.ts and markup into app/components/<area>/ rather than raising the limit.",
    ).toEqual([]);
  });
});
