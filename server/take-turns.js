// Requests start their app work one per turn of the event loop.
//
// On SQLite every query is synchronous (better-sqlite3), so a request runs from its start to its
// answer almost without yielding. When many requests arrive together, Node parses them all in one
// poll phase and each one's work followed at once: one turn of the loop then took the CPU time of
// all of them (64 autosaves ≈ 250 ms), and a probe's new connection waited several such turns
// before it was even read (/healthz took 4–25 s under autosave load, issue 13). Here each request
// waits for its own turn (setImmediate, in order of arrival): between two starts the loop polls
// again, so /healthz and /readyz (answered before this, server/probes.js) wait at most about one
// request's work. Requests are served in the same order and at the same rate as before.

/** @returns {import('express').RequestHandler} */
export function takeTurns() {
  /** @type {(() => void)[]} */
  const waiting = [];
  let scheduled = false;
  const startNext = () => {
    scheduled = false;
    const next = waiting.shift();
    if (waiting.length > 0) {
      scheduled = true;
      setImmediate(startNext);
    }
    next?.();
  };
  return (_req, _res, next) => {
    waiting.push(next);
    if (!scheduled) {
      scheduled = true;
      setImmediate(startNext);
    }
  };
}
