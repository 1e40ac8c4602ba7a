// @remix-run/server-runtime 2.17.5: match the server's routes with the ranked branches kept per
// route tree (UNSAFE_matchRoutesOfFixedTree, added by patches/remix-run-router-1.23.3.mjs). The
// runtime builds its routes once per server build and never changes them. ADR 0025.
export default {
  package: "@remix-run/server-runtime",
  version: "2.17.5",
  marker: "vetted-patch: route matching memoised",
  files: {
    "dist/routeMatching.js": [
      [
        "  let matches = router.matchRoutes(routes, pathname, basename);\n",
        "  // vetted-patch: route matching memoised (see patches/remix-run-server-runtime-2.17.5.mjs)\n  let matches = router.UNSAFE_matchRoutesOfFixedTree(routes, pathname, basename);\n",
      ],
    ],
  },
};
