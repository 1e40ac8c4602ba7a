/**
 * Resolves once everything written to the stream so far has left the process. A pipe takes 64 KiB
 * at once; process.exit would drop the rest of a larger output (a template export read by a
 * busy consumer), so the exit waits for an empty write queued behind it.
 */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}

/** Exits with `code` after stdout and stderr are flushed. */
export async function exitWith(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
