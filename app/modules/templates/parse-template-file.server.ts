import { ParserBusyError, runParserJob } from "../parsing/parser-pool.server";
import { templateError } from "../questionnaires/template-definition";
import {
  guessFormat,
  LIMIT_KEYS,
  type ParseTemplateFileResult,
  type TemplateFileFormat,
} from "./template-file";

/**
 * parseTemplateFile in a parser worker (ADR 0014): a 2 MB template costs the event loop nothing,
 * and a file the worker cannot finish in its time or memory is a clear error, not a dead process.
 * Throws ParserBusyError when every worker is busy and the queue is full.
 */
export async function parseTemplateFileInWorker(
  text: string,
  format?: TemplateFileFormat,
): Promise<ParseTemplateFileResult> {
  const outcome = await runParserJob("parse-template-file", { text, format });
  if (outcome.status === "done") return outcome.value;
  if (outcome.status === "busy") throw new ParserBusyError();
  const why = outcome.status === "timeout" ? ("time" as const) : ("resources" as const);
  return {
    ok: false,
    format: format ?? guessFormat(text),
    errors: [{ ...templateError("(file)", LIMIT_KEYS[why]), limit: { code: why } }],
  };
}
