// @remix-run/router 1.23.3 (under Remix 2.17.5): route matching that does not rebuild itself on
// every request. Upstream's matchRoutes flattens the route tree, ranks every branch and compiles
// every route path into a RegExp on each call; the server calls it two to four times per request.
// That was 12–15 % of an autosave's CPU and 7 % of a portfolio render (ADR 0025).
//
// Two changes, both only in the CommonJS build that Node loads (the browser bundle uses
// dist/router.js and is left alone):
//   1. compilePath memoises its result per (path, caseSensitive, end). It is a pure function of
//      those three and its RegExp has no g/y flag, so sharing one is safe for every caller.
//   2. matchRoutesOfFixedTree(routes, location, basename): matchRoutes with the ranked branches
//      kept per routes array (WeakMap). Only for trees nobody mutates: the static handler's own
//      data routes and the server runtime's routes (built once per server build). The browser
//      router patches its routes in place (lazy route discovery) and keeps plain matchRoutes.
// scripts/patch-dependencies.mjs applies this at `npm ci` (postinstall) and refuses to run on any
// other version or on text it does not find exactly once; app/utils/route-matching-patch.test.ts
// fails when the patch is missing.
export default {
  package: "@remix-run/router",
  version: "1.23.3",
  marker: "vetted-patch: route matching memoised",
  files: {
    "dist/router.cjs.js": [
      [
        'function matchRoutesImpl(routes, locationArg, basename, allowPartial) {\n  let location = typeof locationArg === "string" ? parsePath(locationArg) : locationArg;\n  let pathname = stripBasename(location.pathname || "/", basename);\n  if (pathname == null) {\n    return null;\n  }\n  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n',
        'function matchRoutesImpl(routes, locationArg, basename, allowPartial) {\n  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n  return matchRankedBranches(branches, locationArg, basename, allowPartial);\n}\n// vetted-patch: route matching memoised (see patches/remix-run-router-1.23.3.mjs)\nconst rankedBranchesOfFixedTree = new WeakMap();\nfunction matchRoutesOfFixedTree(routes, locationArg, basename) {\n  if (basename === void 0) {\n    basename = "/";\n  }\n  let branches = rankedBranchesOfFixedTree.get(routes);\n  if (!branches) {\n    branches = flattenRoutes(routes);\n    rankRouteBranches(branches);\n    rankedBranchesOfFixedTree.set(routes, branches);\n  }\n  return matchRankedBranches(branches, locationArg, basename, false);\n}\nfunction matchRankedBranches(branches, locationArg, basename, allowPartial) {\n  let location = typeof locationArg === "string" ? parsePath(locationArg) : locationArg;\n  let pathname = stripBasename(location.pathname || "/", basename);\n  if (pathname == null) {\n    return null;\n  }\n',
      ],
      [
        "function compilePath(path, caseSensitive, end) {\n  if (caseSensitive === void 0) {\n    caseSensitive = false;\n  }\n  if (end === void 0) {\n    end = true;\n  }\n",
        'const compiledPaths = new Map();\nconst COMPILED_PATHS_MAX = 1000;\nfunction compilePath(path, caseSensitive, end) {\n  if (caseSensitive === void 0) {\n    caseSensitive = false;\n  }\n  if (end === void 0) {\n    end = true;\n  }\n  let key = (caseSensitive ? "1" : "0") + (end ? "1" : "0") + path;\n  let compiled = compiledPaths.get(key);\n  if (!compiled) {\n    if (compiledPaths.size >= COMPILED_PATHS_MAX) compiledPaths.clear();\n    compiled = compilePathAnew(path, caseSensitive, end);\n    compiledPaths.set(key, compiled);\n  }\n  return compiled;\n}\nfunction compilePathAnew(path, caseSensitive, end) {\n',
      ],
      // The static handler's query() and queryRoute(): its data routes are its own and fixed.
      [
        '    let location = createLocation("", createPath(url), null, "default");\n    let matches = matchRoutes(dataRoutes, location, basename);\n\n    // SSR supports HEAD requests while SPA doesn\'t\n    if (!isValidMethod(method) && method !== "HEAD") {\n      let error = getInternalRouterError(405, {\n        method\n      });\n      let {\n        matches: methodNotAllowedMatches,',
        '    let location = createLocation("", createPath(url), null, "default");\n    let matches = matchRoutesOfFixedTree(dataRoutes, location, basename);\n\n    // SSR supports HEAD requests while SPA doesn\'t\n    if (!isValidMethod(method) && method !== "HEAD") {\n      let error = getInternalRouterError(405, {\n        method\n      });\n      let {\n        matches: methodNotAllowedMatches,',
      ],
      [
        '    let location = createLocation("", createPath(url), null, "default");\n    let matches = matchRoutes(dataRoutes, location, basename);\n\n    // SSR supports HEAD requests while SPA doesn\'t\n    if (!isValidMethod(method) && method !== "HEAD" && method !== "OPTIONS") {',
        '    let location = createLocation("", createPath(url), null, "default");\n    let matches = matchRoutesOfFixedTree(dataRoutes, location, basename);\n\n    // SSR supports HEAD requests while SPA doesn\'t\n    if (!isValidMethod(method) && method !== "HEAD" && method !== "OPTIONS") {',
      ],
      [
        "exports.UNSAFE_invariant = invariant;\n",
        "exports.UNSAFE_invariant = invariant;\nexports.UNSAFE_matchRoutesOfFixedTree = matchRoutesOfFixedTree;\n",
      ],
    ],
  },
};
