import { ParserBusyError, runParserJob } from "../../parsing/parser-pool.server";
import type { JobOutcome } from "../../parsing/worker-pool";
import { importMessage, type FrameworkParseResult } from "./imported-framework";

/**
 * parseFrameworkBytes in a parser worker (ADR 0014): an 850 kB library costs the YAML parser
 * about a second, which must not be the event loop's second; a file the worker cannot finish in
 * its time or memory is a clear message, not a dead process. The CLI and the upload route call
 * this. Throws ParserBusyError when every worker is busy and the queue is full (the route answers
 * 503 with Retry-After, as the template import does).
 */
export type RunFrameworkJob = (input: {
  bytes: Uint8Array;
  fileName: string;
}) => Promise<JobOutcome<FrameworkParseResult>>;

const runInParserPool: RunFrameworkJob = (input) => runParserJob("parse-framework-file", input);

export async function parseFrameworkFile(
  bytes: Uint8Array,
  fileName: string,
  run: RunFrameworkJob = runInParserPool,
): Promise<FrameworkParseResult> {
  const outcome = await run({ bytes, fileName });
  if (outcome.status === "done") return outcome.value;
  if (outcome.status === "busy") throw new ParserBusyError();
  const key =
    outcome.status === "timeout" ? "frameworkImport.limitTime" : "frameworkImport.limitResources";
  return { ok: false, errors: [importMessage("(file)", key)] };
}
