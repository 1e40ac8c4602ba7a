import { createRequire } from "node:module";
import { UNSAFE_ErrorResponseImpl as ErrorResponseImpl } from "@remix-run/router";
import { describe, expect, it } from "vitest";
import { singleFetchErrorBody } from "./single-fetch-error.server";

// Remix's own encoder is internal: loaded from its file here only, to pin the format we write.
const { encodeViaTurboStream } = createRequire(import.meta.url)(
  "@remix-run/server-runtime/dist/single-fetch.js",
) as {
  encodeViaTurboStream: (
    data: unknown,
    signal: AbortSignal,
    streamTimeout: number | undefined,
    mode: string,
  ) => ReadableStream<Uint8Array>;
};

async function remixEncoded(value: unknown): Promise<string> {
  return new Response(
    encodeViaTurboStream(value, new AbortController().signal, 5000, "production"),
  ).text();
}

describe("singleFetchErrorBody", () => {
  it("is what Remix itself sends for an action error, whatever the message holds", async () => {
    for (const message of [
      "The file is larger than 25 MB.",
      'Größer als „1 MB“ – \\ "quoted" \n',
      '😀 -1 _1 ["x"]',
    ]) {
      expect(singleFetchErrorBody(413, "Payload Too Large", message)).toBe(
        await remixEncoded({ error: new ErrorResponseImpl(413, "Payload Too Large", message) }),
      );
    }
  });
});
