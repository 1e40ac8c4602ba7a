// Bundles the parser worker's entry (app/modules/parsing/parser-worker.ts) into
// <buildDirectory>/server/parser-worker.js, next to the Remix server bundle (ADR 0014). A worker
// thread needs a file of its own, and the Remix build makes one bundle; remix.config.js calls
// this from its buildEnd hook, so `npm run build` and `npx remix vite:build` (tests, e2e, demo)
// always produce both. Vite's own build API is used (a declared dependency), as an SSR build:
// packages stay external and are loaded from node_modules, as the server bundle's are.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** @param {{ buildDirectory: string }} options */
export async function buildParserWorker({ buildDirectory }) {
  await build({
    configFile: false,
    root,
    logLevel: "warn",
    resolve: { alias: { "~": path.join(root, "app") } },
    build: {
      ssr: path.join(root, "app/modules/parsing/parser-worker.ts"),
      outDir: path.join(buildDirectory, "server"),
      emptyOutDir: false,
      copyPublicDir: false,
      target: "es2022",
      minify: false,
      rollupOptions: { output: { format: "es", entryFileNames: "parser-worker.js" } },
    },
  });
}
