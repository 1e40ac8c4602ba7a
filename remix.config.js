// Remix plugin options, the single source of truth for them.
// NOTE: the Remix Vite plugin never reads this file by itself (that was the classic
// compiler's behaviour); vite.config.ts imports it and passes it to `remix()`.
// See docs/decisions/0001-remix-v2-on-vite.md.

import { buildParserWorker } from "./scripts/build-parser-worker.mjs";

/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  appDirectory: "app",
  buildDirectory: "build",
  serverModuleFormat: "esm",
  ignoredRouteFiles: ["**/*.test.*", "**/*.server.test.*"],
  // The parser worker runs in a thread of its own and needs its own file next to the server
  // bundle (docs/decisions/0014-parsing-untrusted-input-in-workers.md).
  buildEnd: ({ remixConfig }) => buildParserWorker({ buildDirectory: remixConfig.buildDirectory }),
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
    v3_routeConfig: true,
  },
};
