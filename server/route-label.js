// The route label of a request for the access log and the request metrics: the Remix route id
// ("routes/assessments.$assessmentId"), never the path itself, which carries ids and tokens and
// would make one time series per assessment. A closed set: every route id of the build, the fixed
// labels below, and "not_found".
import { UNSAFE_matchRoutesOfFixedTree as matchRoutesOfFixedTree } from "@remix-run/router";

/** Paths answered outside Remix, or whose label must not depend on how the app serves them. */
const FIXED_LABELS = new Map([
  ["/healthz", "healthz"],
  ["/readyz", "readyz"],
  ["/metrics", "metrics"],
]);

/** Labels set by server/app.js itself (static files) and for paths no route matches. */
export const STATIC_LABEL = "static";
export const NOT_FOUND_LABEL = "not_found";

/** Labels of paths without parameters, kept: the hot ones (autosave, portfolio) are such paths. */
const CACHED_PATHS_MAX = 500;

/**
 * The build's flat route manifest as the nested tree Remix matches against (the shape of
 * @remix-run/server-runtime's createRoutes: id, path, index, caseSensitive, children).
 * @param {Record<string, { id: string, parentId?: string, path?: string, index?: boolean, caseSensitive?: boolean }>} manifest
 */
function routeTree(manifest, parentId = undefined) {
  return Object.values(manifest)
    .filter((route) => route.parentId === parentId)
    .map((route) => ({
      id: route.id,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      children: routeTree(manifest, route.id),
    }));
}

/**
 * @param {{ routes: Record<string, { id: string, parentId?: string, path?: string, index?: boolean, caseSensitive?: boolean }>, basename?: string }} build
 * @returns {(pathname: string) => string}
 */
export function createRouteLabeler(build) {
  // Built once and never changed: the patched router keeps its ranked branches (ADR 0025), so a
  // label costs one match like the ones Remix makes for every request.
  const tree = routeTree(build.routes);
  const basename = build.basename ?? "/";
  /** path → label for paths a route matched without parameters (no ids: a small set). */
  const known = new Map();
  return (pathname) => {
    const fixed = FIXED_LABELS.get(pathname);
    if (fixed) return fixed;
    // Single-fetch data requests name the page they load: /portal/answer.data, /_root.data.
    const page = pathname.endsWith(".data")
      ? pathname === "/_root.data"
        ? "/"
        : pathname.slice(0, -".data".length)
      : pathname;
    const cached = known.get(page);
    if (cached) return cached;
    let match;
    try {
      match = matchRoutesOfFixedTree(tree, page, basename)?.at(-1);
    } catch {
      return NOT_FOUND_LABEL;
    }
    if (!match) return NOT_FOUND_LABEL;
    if (Object.keys(match.params).length === 0) {
      // Case variants could grow it: start again rather than grow without bound.
      if (known.size >= CACHED_PATHS_MAX) known.clear();
      known.set(page, match.route.id);
    }
    return match.route.id;
  };
}
