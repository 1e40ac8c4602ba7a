import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readFileUpload, UnreadableUploadError, UploadTooLargeError } from "./file-upload.server";

/**
 * The single-file multipart reader of /verify and evidence uploads (issue 11): what a browser
 * sends (built by the platform's own FormData encoder), names with ";" and "=" in them, and the
 * bounds (file size, body size, parts) that hold before anything else is done.
 */
function requestOf(form: FormData | { body: string; boundary: string }): Request {
  if (form instanceof FormData)
    return new Request("http://x/upload", { method: "POST", body: form });
  return new Request("http://x/upload", {
    method: "POST",
    body: form.body,
    headers: { "Content-Type": `multipart/form-data; boundary=${form.boundary}` },
  });
}

const limits = {
  fileField: "file",
  maxFileBytes: 1024 * 1024,
  maxBodyBytes: 1024 * 1024 + 64 * 1024,
};

describe("readFileUpload", () => {
  it("reads the file's exact bytes, its base name and the text fields", async () => {
    const bytes = randomBytes(300_000);
    const form = new FormData();
    form.append("questionKey", "security.certificate");
    form.append("file", new Blob([bytes]), "C:\\Users\\me\\Prüfbericht; Version=2.pdf");
    const upload = await readFileUpload(requestOf(form), limits);
    expect(upload.fields.get("questionKey")).toBe("security.certificate");
    expect(upload.file?.name).toBe("Prüfbericht; Version=2.pdf");
    expect(Buffer.from(upload.file!.bytes).equals(bytes)).toBe(true);
    // The upload's own buffer: it moves to a worker without a copy.
    const moved = structuredClone(upload.file!.bytes, { transfer: [upload.file!.bytes.buffer] });
    expect(Buffer.from(moved).equals(bytes)).toBe(true);
    expect(upload.file!.bytes.byteLength).toBe(0);
  });

  it("an empty file input is a file without a name or bytes; no file input is null", async () => {
    // What a browser sends for a file input left empty.
    const empty = {
      boundary: "b",
      body: '--b\r\nContent-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n',
    };
    expect((await readFileUpload(requestOf(empty), limits)).file).toMatchObject({
      name: "",
      bytes: new Uint8Array(),
    });
    const none = new FormData();
    none.append("other", "x");
    expect((await readFileUpload(requestOf(none), limits)).file).toBeNull();
  });

  it("refuses a file or a body above its limit", async () => {
    const form = new FormData();
    form.append("file", new Blob([randomBytes(limits.maxFileBytes + 1)]), "big.pdf");
    await expect(readFileUpload(requestOf(form), limits)).rejects.toBeInstanceOf(
      UploadTooLargeError,
    );
    const body = new FormData();
    body.append("file", new Blob([randomBytes(2 * limits.maxBodyBytes)]), "huge.pdf");
    await expect(readFileUpload(requestOf(body), limits)).rejects.toBeInstanceOf(
      UploadTooLargeError,
    );
  });

  it("refuses what is not a well-formed multipart body", async () => {
    const cases = [
      { boundary: "b", body: "no boundary at all" },
      { boundary: "b", body: "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n" }, // no Content-Disposition
      {
        boundary: "b",
        body: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nnever closed',
      },
      {
        boundary: "b",
        body: `${Array.from({ length: 20 }, (_, i) => `--b\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nx\r\n`).join("")}--b--\r\n`,
      },
    ];
    for (const form of cases)
      await expect(readFileUpload(requestOf(form), limits)).rejects.toBeInstanceOf(
        UnreadableUploadError,
      );
    const urlEncoded = new Request("http://x/upload", {
      method: "POST",
      body: new URLSearchParams({ file: "x" }),
    });
    await expect(readFileUpload(urlEncoded, limits)).rejects.toBeInstanceOf(UnreadableUploadError);
  });
});
