// Every dependency patch scripts/patch-dependencies.mjs applies at `npm ci`, in order (ADR 0025).
import remixRunRouter from "./remix-run-router-1.23.3.mjs";
import remixRunServerRuntime from "./remix-run-server-runtime-2.17.5.mjs";

export default [remixRunRouter, remixRunServerRuntime];
