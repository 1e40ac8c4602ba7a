import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import path from "node:path";
import { defineConfig, type Plugin } from "vite";
// The Remix Vite plugin does not read remix.config.js on its own: we import it here so the
// options live in one place (docs/decisions/0001-remix-v2-on-vite.md).
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The browser gets app/locales/dictionaries.browser.ts wherever the app imports
 * app/locales/dictionaries.ts: it loads only the page's language, so the other dictionary is never
 * sent to the browser, while the server (and Vitest, tsx scripts: they never see this plugin's
 * client side) keeps every language (docs/decisions/0046-ui-primitives-and-language.md).
 */
function browserDictionaries(): Plugin {
  const serverModule = path.resolve(import.meta.dirname, "app/locales/dictionaries.ts");
  const browserModule = path.resolve(import.meta.dirname, "app/locales/dictionaries.browser.ts");
  return {
    name: "vetted:browser-dictionaries",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (options.ssr || !source.endsWith("dictionaries")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === serverModule ? browserModule : null;
    },
  };
}

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  server: { port: 3000, host: "127.0.0.1" },
  build: { target: "es2022" },
  // Server-only native packages must never be pre-bundled for the browser (dev server).
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3", "pg"] },
  ssr: {
    // Native and Node-only packages stay external in the server bundle.
    external: ["better-sqlite3", "@node-rs/argon2", "pg"],
  },
  plugins: [browserDictionaries(), tailwindcss(), remix(remixConfig)],
});
