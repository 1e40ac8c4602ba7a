import { ParserBusyError, runParserJob } from "../parsing/parser-pool.server";
import { guessFormat, type ParseTemplateFileResult, type TemplateFileFormat } from "./template-file";

/**
 * parseTemplateFile in a parser worker (ADR 0014): a 2 MB template costs the event loop nothing,
 * and a file the worker cannot finish in its time or memory is a clear error, not a dead process.
 * Throws ParserBusyError when every worker is busy and the queue is full.
 */
export async function parseTemplateFileInWorker(text: string, format?: TemplateFileFormat): Promise<ParseTemplateFileResult> {
  const outcome = await runParserJob("parse-template-file", { text, format });
  if (outcome.status === "done") return outcome.value;
  if (outcome.status === "busy") throw new ParserBusyError();
  const why = outcome.status === "timeout" ? ("time" as const) : ("resources" as const);
  return {
    ok: false,
    format: format ?? guessFormat(text),
    errors: [
      {
        path: "(file)",
        message: why === "time" ? "the file could not be checked in time" : "the file could not be checked: it needs more memory than allowed",
        limit: { code: why },
      },
    ],
  };
}
