// Remix plugin options, the single source of truth for them.
// NOTE: the Remix Vite plugin never reads this file by itself (that was the classic
// compiler's behaviour); vite.config.ts imports it and passes it to `remix()`.
// See docs/decisions/0001-remix-v2-on-vite.md.

/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  appDirectory: "app",
  buildDirectory: "build",
  serverModuleFormat: "esm",
  ignoredRouteFiles: ["**/*.test.*", "**/*.server.test.*"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
    v3_routeConfig: true,
  },
};
