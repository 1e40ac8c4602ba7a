import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NulFreeHtmlStream } from "./html-stream.server";

/** Renders list items of `texts` through React's streaming writer into NulFreeHtmlStream. */
function render(texts: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const out = new NulFreeHtmlStream();
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    out.on("end", () => resolve(Buffer.concat(chunks)));
    out.on("error", reject);
    const { pipe } = renderToPipeableStream(
      createElement("ul", null, ...texts.map((text, i) => createElement("li", { key: i }, text))),
      { onAllReady: () => pipe(out), onShellError: reject },
    );
  });
}

describe("NulFreeHtmlStream", () => {
  it("passes React's output without the zero bytes it pads 2 KiB chunks with", async () => {
    // Characters of 2, 3 and 4 bytes after ASCII prefixes of every length: some straddle a boundary.
    const texts = Array.from(
      { length: 60 },
      (_, i) => `${"x".repeat(i % 5)}${["ä", "€", "😀"][i % 3]!.repeat(90)}`,
    );
    const html = await render(texts);
    expect(html.length).toBeGreaterThan(6 * 2048);
    expect(html.includes(0)).toBe(false);
    expect(html.toString("utf8")).toBe(`<ul>${texts.map((t) => `<li>${t}</li>`).join("")}</ul>`);
  });

  it("keeps a chunk without zero bytes as it is, and removes zero bytes anywhere in a chunk", async () => {
    const stream = new NulFreeHtmlStream();
    const out: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => out.push(chunk));
    const clean = Buffer.from("<p>Grüße</p>");
    stream.write(clean);
    stream.end(Buffer.from([0, 0x61, 0, 0, 0x62, 0]));
    await new Promise((resolve) => stream.on("end", resolve));
    expect(out[0]).toBe(clean);
    expect(Buffer.concat(out).toString("utf8")).toBe("<p>Grüße</p>ab");
  });
});
