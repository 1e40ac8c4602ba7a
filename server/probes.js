// The probes an orchestrator asks (docs/operations/probes.md), answered by Express before the
// access log, the host check, body limits, the page cache and Remix:
//   /healthz  liveness: the process answers. No database, no Remix, nothing that can wait on
//             request work; a busy or disconnected instance is still alive (restarting it would
//             not help).
//   /readyz   readiness: may this instance take traffic? The database answers within a deadline,
//             migrations are current, the signing key is loaded, the server is not shutting
//             down (app/modules/operations/readiness.server.ts). 200 "ready", or 503 with a
//             short JSON list of reasons.

const NO_STORE = "no-store";

/** @type {import('express').RequestHandler} */
export function answerLiveness(_req, res) {
  res.setHeader("Cache-Control", NO_STORE);
  res.type("text/plain").send("ok");
}

/**
 * @param {{ checkReadiness?: (options: { shuttingDown: boolean }) => Promise<{ ready: boolean, reasons: string[] }>,
 *   isShuttingDown: () => boolean }} options
 * @returns {import('express').RequestHandler}
 */
export function answerReadiness({ checkReadiness, isShuttingDown }) {
  return async (_req, res) => {
    res.setHeader("Cache-Control", NO_STORE);
    let result;
    try {
      result = checkReadiness
        ? await checkReadiness({ shuttingDown: isShuttingDown() })
        : { ready: !isShuttingDown(), reasons: isShuttingDown() ? ["shutting down"] : [] };
    } catch {
      result = { ready: false, reasons: ["readiness check failed"] };
    }
    if (result.ready) {
      res.type("text/plain").send("ready");
      return;
    }
    res.status(503).json({ status: "not ready", reasons: result.reasons });
  };
}
