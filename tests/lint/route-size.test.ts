import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Thin routes, enforced (issue 12, item 8; ADR 0023). A route is guard → parse → use case →
 * view model: the work lives in app/modules/<area> (one use case per file), the markup in
 * app/components/<area>. A route file that grows past MAX_ROUTE_LINES has taken on one of those
 * jobs; move it out instead of raising the limit.
 *
 * Routes that were longer when the rule came are listed in OVERSIZED_ROUTES with the size they
 * had: they may shrink, never grow, and an entry that is no longer needed must be removed, so the
 * list only gets shorter.
 */
const MAX_ROUTE_LINES = 150;
const OVERSIZED_ROUTES: Record<string, number> = {};

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

  it(`keeps every route within ${MAX_ROUTE_LINES} lines (or within its recorded size while it is on the shrink list)`, () => {
    const tooLong = [...sizes]
      .filter(([file, lines]) => lines > (OVERSIZED_ROUTES[file] ?? MAX_ROUTE_LINES))
      .map(
        ([file, lines]) =>
          `app/routes/${file}: ${lines} lines, limit ${OVERSIZED_ROUTES[file] ?? MAX_ROUTE_LINES}`,
      );
    expect(
      tooLong,
      "A route is guard → parse → use case → view model (ADR 0023): move view-model building and action dispatch into app/modules/<area>/*.server.ts and markup into app/components/<area>/ rather than raising the limit.",
    ).toEqual([]);
  });

  it("lists no route on the shrink list that is already short enough or gone", () => {
    const stale = Object.keys(OVERSIZED_ROUTES).filter(
      (file) => (sizes.get(file) ?? 0) <= MAX_ROUTE_LINES,
    );
    expect(
      stale,
      `These routes are within ${MAX_ROUTE_LINES} lines now (or no longer exist): remove them from OVERSIZED_ROUTES so they cannot grow back.`,
    ).toEqual([]);
  });
});
