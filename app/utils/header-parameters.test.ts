import { describe, expect, it } from "vitest";
import { fileNameOf, parseHeaderValue } from "./header-parameters";

const fileName = (disposition: string) => fileNameOf(parseHeaderValue(disposition).params);

describe("parseHeaderValue", () => {
  it("reads the type and parameters, quoted or not, names case-insensitively", () => {
    const { type, params } = parseHeaderValue('Form-Data; NAME="file"; filename=plain.pdf ; x');
    expect(type).toBe("form-data");
    expect(Object.fromEntries(params)).toEqual({ name: "file", filename: "plain.pdf" });
    expect(
      parseHeaderValue("multipart/form-data; boundary=----WebKitFormBoundaryABC").params.get(
        "boundary",
      ),
    ).toBe("----WebKitFormBoundaryABC");
    expect(parseHeaderValue('multipart/form-data; boundary="a b;c"').params.get("boundary")).toBe(
      "a b;c",
    );
  });

  it("keeps ;, = and escaped quotes inside a quoted value, and the first of two equal names", () => {
    expect(fileName('form-data; name="file"; filename="a;b=c.pdf"')).toBe("a;b=c.pdf");
    expect(
      fileName('form-data; name="file"; filename="x; filename=evil.exe"; filename="second.pdf"'),
    ).toBe("x; filename=evil.exe");
    expect(fileName('form-data; name="file"; filename="say \\"hi\\" \\\\o/.pdf"')).toBe(
      'say "hi" \\o/.pdf',
    );
  });

  it("keeps a backslash that escapes nothing (browsers send them unescaped)", () => {
    expect(fileName('form-data; name="file"; filename="C:\\Users\\a.pdf"')).toBe(
      "C:\\Users\\a.pdf",
    );
  });

  it("reads a value whose closing quote is missing up to the end", () => {
    expect(fileName('form-data; name="file"; filename="open.pdf')).toBe("open.pdf");
  });
});

describe("fileNameOf", () => {
  it("undoes the HTML form encoding of quotes and line breaks", () => {
    expect(fileName('form-data; name="file"; filename="a%22b%0D%0Ac.pdf"')).toBe('a"b\r\nc.pdf');
  });

  it("prefers a readable RFC 5987 filename* (UTF-8 or ISO-8859-1) over filename", () => {
    expect(
      fileName(
        `form-data; name="file"; filename="fallback.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%3B.pdf`,
      ),
    ).toBe("Résumé;.pdf");
    expect(fileName(`form-data; name="file"; filename*=iso-8859-1'de'Pr%FCfung.pdf`)).toBe(
      "Prüfung.pdf",
    );
    expect(
      fileName(`form-data; name="file"; filename="fallback.pdf"; filename*=UTF-8''%E0%A4%A.pdf`),
    ).toBe("fallback.pdf");
    expect(
      fileName(`form-data; name="file"; filename="fallback.pdf"; filename*=koi8-r''x.pdf`),
    ).toBe("fallback.pdf");
  });

  it("is undefined for a part without a file name (a plain field)", () => {
    expect(fileName('form-data; name="questionKey"')).toBeUndefined();
    expect(fileName('form-data; name="file"; filename=""')).toBe("");
  });
});
