import { describe, expect, it } from "vitest";
import { BodyTooLargeError } from "./limited-body.server";
import { MultipartError, parseMultipartBody, readMultipartForm } from "./multipart-form.server";

const part = (disposition: string, content: string, type?: string) =>
  `Content-Disposition: ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ""}\r\n${content}`;
const body = (boundary: string, parts: string[], preamble = "") =>
  Buffer.from(
    `${preamble}${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join("")}--${boundary}--\r\n`,
    "utf8",
  );

describe("parseMultipartBody", () => {
  it("reads fields and files, file names with ; = and quotes included", async () => {
    const form = parseMultipartBody(
      body(
        "XyZ",
        [
          part('form-data; name="questionKey"', "security.certificate"),
          part(
            'form-data; name="file"; filename="a;b=c \\"d\\".pdf"',
            "%PDF-1.4\r\n-XyZ, --XyZ without a line break",
            "application/pdf",
          ),
        ],
        "preamble\r\n",
      ),
      "XyZ",
    );
    expect(form.get("questionKey")).toBe("security.certificate");
    const file = form.get("file") as File;
    expect(file).toBeInstanceOf(File);
    expect(file.name).toBe('a;b=c "d".pdf');
    expect(file.type).toBe("application/pdf");
    expect(await file.text()).toBe("%PDF-1.4\r\n-XyZ, --XyZ without a line break");
  });

  it("reads an empty file input (a browser's form without a chosen file) as an empty file without a name", () => {
    const file = parseMultipartBody(
      body("b", [part('form-data; name="file"; filename=""', "", "application/octet-stream")]),
      "b",
    ).get("file") as File;
    expect([file.name, file.size]).toEqual(["", 0]);
  });

  it("reads Latin-1 bytes in a file name instead of refusing the upload", () => {
    const raw = Buffer.concat([
      Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="Pr'),
      Buffer.from([0xfc]),
      Buffer.from('fung.pdf"\r\n\r\nx\r\n--b--'),
    ]);
    expect((parseMultipartBody(raw, "b").get("file") as File).name).toBe("Prüfung.pdf");
  });

  it.each([
    ["no boundary at all", "garbage"],
    [
      "a body that ends inside a part",
      '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue',
    ],
    ["unterminated headers", '--b\r\nContent-Disposition: form-data; name="a"'],
    ["a part without a name", "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--"],
    ["a header line without a colon", "--b\r\nnonsense\r\n\r\nx\r\n--b--"],
  ])("refuses %s with MultipartError", (_, raw) => {
    expect(() => parseMultipartBody(Buffer.from(raw), "b")).toThrow(MultipartError);
  });

  it("refuses more parts than any form has", () => {
    const parts = Array.from({ length: 101 }, (_, i) => part(`form-data; name="f${i}"`, "x"));
    expect(() => parseMultipartBody(body("b", parts), "b")).toThrow(/too many parts/);
  });
});

describe("readMultipartForm", () => {
  const request = (raw: Buffer, contentType: string) =>
    new Request("http://localhost/x", {
      method: "POST",
      body: new Uint8Array(raw),
      headers: { "Content-Type": contentType },
    });

  it("reads a body with a quoted boundary", async () => {
    const form = await readMultipartForm(
      request(
        body("a b", [part('form-data; name="x"', "1")]),
        'multipart/form-data; boundary="a b"',
      ),
      1000,
    );
    expect(form.get("x")).toBe("1");
  });

  it("refuses a body that is not multipart, and one over the limit with BodyTooLargeError", async () => {
    await expect(
      readMultipartForm(request(Buffer.from("a=1"), "application/x-www-form-urlencoded"), 1000),
    ).rejects.toThrow(MultipartError);
    const big = body("b", [part('form-data; name="file"; filename="a.pdf"', "x".repeat(2000))]);
    await expect(
      readMultipartForm(request(big, "multipart/form-data; boundary=b"), 1000),
    ).rejects.toThrow(BodyTooLargeError);
  });
});
