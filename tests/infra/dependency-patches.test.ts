// The dependency patches of patches/ (ADR 0025): the route matching the production server loads is
// the memoised one, and scripts/patch-dependencies.mjs applies a patch only to the exact text and
// version it was written for. These tests fail on a plain `npm ci` without the postinstall step.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyPatch, patches } from "../../scripts/patch-dependencies.mjs";

// Resolved the way the server does: @remix-run/node → server-runtime → its own @remix-run/router.
const requireFromTests = createRequire(import.meta.url);
const serverRuntimeMain = createRequire(requireFromTests.resolve("@remix-run/node")).resolve(
  "@remix-run/server-runtime",
);
const requireFromRuntime = createRequire(serverRuntimeMain);
const { matchServerRoutes } = requireFromRuntime("./routeMatching.js") as {
  matchServerRoutes: (routes: unknown[], pathname: string) => { route: { id: string } }[] | null;
};
const router = requireFromRuntime("@remix-run/router") as {
  createStaticHandler: (routes: unknown[]) => {
    dataRoutes: Record<string, unknown>[];
    query: (request: Request) => Promise<unknown>;
  };
};

interface CountedRoute {
  id: string;
  path?: string;
  index?: boolean;
  children?: CountedRoute[];
  loader?: () => unknown;
}

/** Gives every route a `path` that counts its reads: only ranking the route tree reads it. */
function countPathReads(routes: Record<string, unknown>[]): { reads: number } {
  const counter = { reads: 0 };
  const visit = (route: Record<string, unknown>) => {
    const value = route.path;
    Object.defineProperty(route, "path", {
      get: () => {
        counter.reads++;
        return value;
      },
      enumerable: true,
      configurable: true,
    });
    for (const child of (route.children as Record<string, unknown>[] | undefined) ?? [])
      visit(child);
  };
  routes.forEach(visit);
  return counter;
}

function routeTree(): CountedRoute[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "home", index: true },
        { id: "vendors", path: "vendors/:vendorId", loader: () => null },
        { id: "answer", path: "portal/answer", loader: () => null },
        { id: "healthz", path: "healthz", loader: () => null },
      ],
    },
  ];
}

describe("route matching as the production server loads it", () => {
  it("ranks the server runtime's route tree once, not on every request", () => {
    const routes = routeTree();
    const counter = countPathReads(routes as unknown as Record<string, unknown>[]);
    expect(matchServerRoutes(routes, "/portal/answer")?.at(-1)?.route.id).toBe("answer");
    const readsOfFirstMatch = counter.reads;
    expect(readsOfFirstMatch).toBeGreaterThan(0);
    expect(matchServerRoutes(routes, "/vendors/v1")?.at(-1)?.route.id).toBe("vendors");
    expect(matchServerRoutes(routes, "/healthz")?.at(-1)?.route.id).toBe("healthz");
    expect(matchServerRoutes(routes, "/nowhere")).toBeNull();
    expect(counter.reads - readsOfFirstMatch).toBe(0);
  });

  it("ranks the static handler's data routes once, not on every query", async () => {
    const handler = router.createStaticHandler(routeTree());
    const counter = countPathReads(handler.dataRoutes);
    await handler.query(new Request("http://localhost/portal/answer"));
    const readsOfFirstQuery = counter.reads;
    expect(readsOfFirstQuery).toBeGreaterThan(0);
    await handler.query(new Request("http://localhost/vendors/v1"));
    await handler.query(new Request("http://localhost/healthz"));
    expect(counter.reads - readsOfFirstQuery).toBe(0);
  });

  it("still matches a tree built afresh (a new server build) by its own routes", () => {
    const before = routeTree();
    const after = routeTree();
    after[0]!.children!.push({ id: "added", path: "added" });
    expect(matchServerRoutes(before, "/added")).toBeNull();
    expect(matchServerRoutes(after, "/added")?.at(-1)?.route.id).toBe("added");
  });
});

describe("scripts/patch-dependencies.mjs", () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  /** A package `demo` of the given version under a fresh node_modules; returns its folder. */
  function fakeModules(version: string, text: string): string {
    dir = mkdtempSync(path.join(os.tmpdir(), "vetted-patches-"));
    const packageDir = path.join(dir, "demo");
    mkdirSync(path.join(packageDir, "dist"), { recursive: true });
    writeFileSync(path.join(packageDir, "package.json"), JSON.stringify({ name: "demo", version }));
    writeFileSync(path.join(packageDir, "dist", "index.js"), text);
    return dir;
  }
  const patch = {
    package: "demo",
    version: "1.0.0",
    marker: "patched-demo",
    files: { "dist/index.js": [["slow();", "fast(); // patched-demo"]] },
  };

  it("applies a patch once and leaves a patched file alone", () => {
    const modules = fakeModules("1.0.0", "start();\nslow();\n");
    expect(applyPatch(patch, modules)).toEqual(["demo/dist/index.js: patched"]);
    expect(applyPatch(patch, modules)).toEqual(["demo/dist/index.js: already patched"]);
    expect(readFileSync(path.join(modules, "demo", "dist", "index.js"), "utf8")).toBe(
      "start();\nfast(); // patched-demo\n",
    );
  });

  it("refuses another version of the package", () => {
    const modules = fakeModules("1.0.1", "slow();\n");
    expect(() => applyPatch(patch, modules)).toThrow(
      "demo is 1.0.1, the patch was written for 1.0.0",
    );
  });

  it("refuses text it does not find exactly once, and writes nothing", () => {
    const missing = fakeModules("1.0.0", "quick();\n");
    expect(() => applyPatch(patch, missing)).toThrow("occurs nowhere");
    const twice = fakeModules("1.0.0", "slow();\nslow();\n");
    expect(() => applyPatch(patch, twice)).toThrow("occurs more than once");
    expect(readFileSync(path.join(twice, "demo", "dist", "index.js"), "utf8")).toBe(
      "slow();\nslow();\n",
    );
  });

  it("has every patch of patches/ applied to the installed packages", () => {
    for (const each of patches as {
      package: string;
      marker: string;
      files: Record<string, unknown>;
    }[]) {
      const packageJson = requireFromRuntime.resolve(`${each.package}/package.json`);
      for (const file of Object.keys(each.files)) {
        expect(
          readFileSync(path.join(path.dirname(packageJson), file), "utf8"),
          `${each.package}/${file}`,
        ).toContain(each.marker);
      }
    }
  });
});
