#!/usr/bin/env node
// Part of `npm ci` (postinstall): applies the small dependency patches listed in patches/index.mjs to
// node_modules. Each patch names one package and the exact version it was written for, and lists
// text replacements per file. A patch is applied only when every text it replaces occurs exactly
// once; a file that carries the patch's marker already is left alone (npm ci twice, or npm
// install after it). Anything else (another version, changed text) stops the install with a
// message saying which patch to revisit: a silently unpatched dependency would be a slow server,
// not a broken one, so nobody would notice. The patches and why they exist: ADR 0025.
// Written for every Node from 20 on: it may run before the supported runtime is chosen.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import patches from "../patches/index.mjs";

const root = path.resolve(import.meta.dirname, "..");

/** Applies one patch to the package installed under `modules`; returns what it did. */
export function applyPatch(patch, modules = path.join(root, "node_modules")) {
  const packageDir = path.join(modules, ...patch.package.split("/"));
  const installed = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")).version;
  if (installed !== patch.version) {
    throw new Error(
      `${patch.package} is ${installed}, the patch was written for ${patch.version}: revisit patches/ (ADR 0025) — drop the patch if upstream fixed it, or port it`,
    );
  }
  const outcome = [];
  for (const [file, replacements] of Object.entries(patch.files)) {
    const target = path.join(packageDir, file);
    let text = readFileSync(target, "utf8");
    if (text.includes(patch.marker)) {
      outcome.push(`${patch.package}/${file}: already patched`);
      continue;
    }
    for (const [from, to] of replacements) {
      const first = text.indexOf(from);
      if (first === -1 || text.indexOf(from, first + 1) !== -1) {
        throw new Error(
          `${patch.package}/${file}: the text to replace occurs ${first === -1 ? "nowhere" : "more than once"}:\n${from.slice(0, 200)}`,
        );
      }
      text = text.slice(0, first) + to + text.slice(first + from.length);
    }
    if (!text.includes(patch.marker))
      throw new Error(
        `${patch.package}/${file}: the patch does not write its marker "${patch.marker}"`,
      );
    writeFileSync(target, text);
    outcome.push(`${patch.package}/${file}: patched`);
  }
  return outcome;
}

/** Every patch of patches/index.mjs, in the order they are applied. */
export { patches };

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    for (const patch of patches)
      for (const line of applyPatch(patch)) console.log(`dependency patch: ${line}`);
  } catch (error) {
    console.error(
      `\n✗ Vetted dependency patches: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
