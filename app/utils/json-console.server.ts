import { format } from "node:util";

/**
 * Every line the production server prints is one JSON object (issue 13, item 6): log stores
 * parse lines, and a multi-line text (a framework's warning, a start-up message) becomes many
 * broken records. Our own code logs through logger.server.ts; this turns what others print
 * through console.* (Remix, libraries, the start-up messages of server/index.js, which imports
 * the server bundle first) into the same shape: {"time","level","event":"console","message"}.
 *
 * Only under NODE_ENV=production (server/index.js sets it): the Vite dev server keeps its
 * readable output, and tests keep their console (tests/setup/test-env.ts watches it).
 */
const INSTALLED = Symbol.for("vetted.jsonConsole");

type ConsoleLevel = "debug" | "info" | "warn" | "error";

/** One console call as a JSON line (exported for its test). */
export function consoleLine(level: ConsoleLevel, args: unknown[], now = new Date()): string {
  return JSON.stringify({
    time: now.toISOString(),
    level,
    event: "console",
    message: format(...args),
  });
}

export function installJsonConsole(target: Console = console): void {
  const marked = target as Console & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;
  const write =
    (level: ConsoleLevel, stream: NodeJS.WriteStream) =>
    (...args: unknown[]) => {
      stream.write(`${consoleLine(level, args)}\n`);
    };
  target.debug = write("debug", process.stdout);
  target.log = write("info", process.stdout);
  target.info = write("info", process.stdout);
  // As logger.server.ts: warnings and errors on stderr.
  target.warn = write("warn", process.stderr);
  target.error = write("error", process.stderr);
  target.trace = write("debug", process.stderr);
}

/**
 * Node's own warnings (deprecations, experimental features, MaxListeners …) are printed by a
 * "warning" listener Node adds at start as "(node:123) Warning: …" text: it is replaced by one
 * that writes the same as a JSON line at level warn.
 */
export function routeProcessWarningsToJson(
  target: NodeJS.EventEmitter = process,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): void {
  target.removeAllListeners("warning");
  target.on("warning", (warning: Error & { code?: string }) => {
    write(
      JSON.stringify({
        time: new Date().toISOString(),
        level: "warn",
        event: "process.warning",
        name: warning.name,
        ...(warning.code ? { code: warning.code } : {}),
        message: warning.message,
      }),
    );
  });
}

if (process.env.NODE_ENV === "production") {
  installJsonConsole();
  routeProcessWarningsToJson();
}
