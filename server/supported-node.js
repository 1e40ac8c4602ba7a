// Which Node.js versions Vetted runs on (package.json "engines"): Node 24 LTS, and Node 22 LTS from
// 22.12 on (Vitest 5 and better-sqlite3's Node-API 10 binaries need it). Plain JavaScript that
// loads on any Node, so that an old one gets this message instead of a crash in a native module.

/** @param {string} version e.g. "24.22.3" (process.versions.node) */
export function isSupportedNodeVersion(version) {
  const [major, minor] = version.split(".").map(Number);
  return major === 24 || (major === 22 && minor >= 12);
}

/** Stops the process with a clear message on an unsupported Node; `what` names the program. */
export function requireSupportedNode(what) {
  if (isSupportedNodeVersion(process.versions.node)) return;
  console.error(
    `${what} needs Node.js 24 (or 22.12+), but this is Node ${process.version} (${process.execPath}).\n` +
      "Run it through npm (npm start, npm run demo, npm test, npm run vetted), which uses the runtime " +
      "that `npm ci` chose (node_modules/.bin/node on machines with an older Node), or install Node.js 24.",
  );
  process.exit(1);
}
