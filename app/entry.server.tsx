import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { RequestInfoProvider } from "./utils/request-info";
import { getEnv } from "./utils/env.server";
import { NulFreeHtmlStream } from "./utils/html-stream.server";
import { logger } from "./utils/logger.server";
// Plain JavaScript shared with the Express front (server/app.js), which runs outside the bundle.
import { redactPath } from "../server/request-path.js";
import { migrateDatabase } from "./utils/migrate.server";
import { syncBundledTemplates } from "./modules/questionnaires/bundled-templates.server";
import { syncBundledRegulations } from "./modules/regulations/load-bundled-regulations.server";
import { backfillPortfolio } from "./modules/portfolio/backfill-portfolio.server";
import { startReminderSchedule } from "./modules/reminders/reminder-schedule.server";
import { startRegulationDigestSchedule } from "./modules/regulations/digest/regulation-digest-schedule.server";
import { startRegulationDailySchedule } from "./modules/regulations/regulation-daily-schedule.server";
import { startEvidenceSweepSchedule } from "./modules/evidence/evidence-sweep-schedule.server";
import { startReportSweepSchedule } from "./modules/reports/report-sweep.server";
import { startJobRunner } from "./modules/jobs/job-runner.server";
import { requireSigningIdentityAtBoot } from "./modules/signing/signing-certificate.server";
import { releaseJobLeasesOf } from "./modules/reminders/job-lease.server";
import { verifyEncryptionKey } from "./modules/operations/encryption-key-check.server";
import {
  describeListenError,
  describeStartupError,
} from "./modules/operations/startup-errors.server";
import { disconnectDb } from "./utils/db.server";
import "./utils/request-context.server";
// Side effect first: in production every console line becomes one JSON object.
import "./utils/json-console.server";
import { resolveLocale } from "./utils/locale.server";
import { getSessionUserLocale } from "./modules/auth/guards.server";

/** The rendered-page cache server/app.js consults before Remix (ADR 0012). */
export { pageCache } from "./modules/page-cache/page-cache.server";
/** The request body limit of every route, applied by server/app.js before Remix reads a body. */
export { bodyLimits } from "./modules/request-limits/body-limits.server";

/** The Prometheus endpoint and request metrics server/app.js serves (app/modules/metrics). */
export { metrics } from "./modules/metrics/metrics-endpoint.server";

/** The parser workers (ADR 0014): their figures for operators, and tests hold them deterministically. */
export { parserPool } from "./modules/parsing/parser-pool.server";

/** Readiness for /readyz (server/probes.js): database, migrations, signing key, shutdown. */
export { checkReadiness } from "./modules/operations/readiness.server";

/** Boot helpers for server/index.js: one env schema and one migrator, bundled with the app. */
export const boot = {
  loadEnv: getEnv,
  migrate: migrateDatabase,
  verifyEncryptionKey,
  describeStartupError,
  describeListenError,
  releaseJobLeasesOf,
  disconnectDb,
  syncBundledTemplates,
  syncBundledRegulations,
  backfillPortfolio,
  startReminderSchedule,
  startRegulationDigestSchedule,
  startRegulationDailySchedule,
  startReportSweepSchedule,
  startEvidenceSweepSchedule,
  startJobRunner,
  requireSigningIdentity: requireSigningIdentityAtBoot,
};

const ABORT_DELAY_MS = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // An error page after a failed action renders without the root loader's data; its language is
  // resolved here, so a German reader's error is German too (only then: one session read).
  const rootData = remixContext.staticHandlerContext.loaderData?.root as
    { locale?: string } | undefined;
  const locale =
    rootData?.locale ??
    (await resolveLocale(
      request,
      await getSessionUserLocale(request, loadContext).catch(() => null),
    ));
  const nonce = loadContext?.cspNonce ?? "";
  const requestId = loadContext?.requestId ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <RequestInfoProvider value={{ nonce, requestId, locale }}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY_MS}
          nonce={nonce}
        />
      </RequestInfoProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new NulFreeHtmlStream();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          loadContext?.markIncomplete?.();
          if (shellRendered)
            logger.error("render.error", {
              requestId,
              message: String((error as Error)?.message ?? error),
            });
        },
      },
    );
    setTimeout(abort, ABORT_DELAY_MS);
  });
}

/** Unexpected errors are logged once, with the request id the user sees; never sent to the browser. */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // Aborted requests and thrown HTTP responses (404, 403 …) are expected, not failures.
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  const err = error as Error;
  logger.error("request.error", {
    requestId: (context as AppLoadContext | undefined)?.requestId,
    method: request.method,
    // Invite and invitation paths carry credentials: the access log's redaction, however the
    // path is spelled (one function for both, server/request-path.js).
    path: redactPath(new URL(request.url).pathname),
    message: err?.message ?? String(error),
    stack: process.env.NODE_ENV === "production" ? undefined : err?.stack,
  });
};
