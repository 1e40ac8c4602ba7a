// Graceful shutdown on SIGTERM and SIGINT (docs/operations/probes.md):
//   1. /readyz answers 503 at once and the listening socket closes (new connections are refused);
//   2. idle keep-alive connections are closed; every response still to come says
//      `Connection: close`, so no client sends another request on it;
//   3. in-flight requests finish, background runs stop (`stopBackground`: the schedules end their
//      current run and give back their job leases), the database disconnects, exit 0;
//   4. after `timeoutSeconds` whatever is left is cut: one line says how many requests, exit 1.
// A second signal exits at once.

/** Whether the server is shutting down: /readyz and the Connection header ask it. */
export function createLifecycle() {
  let shuttingDown = false;
  return {
    isShuttingDown: () => shuttingDown,
    begin() {
      shuttingDown = true;
    },
  };
}

/** @param {Record<string, unknown>} fields */
function logLine(level, event, fields) {
  // Always written, whatever LOG_LEVEL says: an operator must see why the process ended.
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`,
  );
}

/**
 * @param {{ server: import('node:http').Server, lifecycle: ReturnType<typeof createLifecycle>,
 *   timeoutSeconds: number, stopBackground: () => Promise<void>, disconnect: () => Promise<void>,
 *   exit?: (code: number) => void, log?: typeof logLine }} options
 */
export function installGracefulShutdown({
  server,
  lifecycle,
  timeoutSeconds,
  stopBackground,
  disconnect,
  exit = (code) => process.exit(code),
  log = logLine,
}) {
  /** Responses not yet finished. */
  const active = new Set();
  let drained = () => {};
  const allAnswered = new Promise((resolve) => (drained = resolve));

  // Before the app's own listener: the app may answer at once (the probes do).
  server.prependListener("request", (_req, res) => {
    active.add(res);
    if (lifecycle.isShuttingDown() && !res.headersSent) res.setHeader("Connection", "close");
    res.on("close", () => {
      active.delete(res);
      if (!lifecycle.isShuttingDown()) return;
      server.closeIdleConnections();
      if (active.size === 0) drained();
    });
  });

  const shutdown = async (signal) => {
    lifecycle.begin();
    const deadline = setTimeout(() => {
      const cut = active.size;
      log("error", "server.shutdown_timeout", {
        cut,
        message: `${cut} request(s) cut off after ${timeoutSeconds} s`,
      });
      server.closeAllConnections();
      exit(1);
    }, timeoutSeconds * 1000);
    server.close();
    server.closeIdleConnections();
    for (const res of active) if (!res.headersSent) res.setHeader("Connection", "close");
    // Written once the listening socket is closed: whoever reads it finds new connections refused.
    log("info", "server.shutdown", { signal, inFlight: active.size, timeoutSeconds });
    if (active.size === 0) drained();
    try {
      await Promise.all([allAnswered, stopBackground()]);
      server.closeAllConnections();
      await disconnect();
    } catch (error) {
      log("error", "server.shutdown_failed", { message: String(error?.message ?? error) });
      clearTimeout(deadline);
      exit(1);
      return;
    }
    clearTimeout(deadline);
    log("info", "server.stopped", { signal, cut: 0 });
    exit(0);
  };

  let signalled = false;
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      if (signalled) {
        log("error", "server.shutdown_forced", {
          signal,
          cut: active.size,
          message: `second ${signal}: exiting at once, ${active.size} request(s) cut`,
        });
        exit(1);
        return;
      }
      signalled = true;
      void shutdown(signal);
    });
  }
}
