import { describe, expect, it } from "vitest";
import { cleanText } from "./text-wrap";

describe("cleanText (every text of the PDF report)", () => {
  it("removes bidi controls, invisible and control characters but keeps line breaks", () => {
    expect(cleanText("\u202Egnp.exe.txt")).toBe("gnp.exe.txt");
    expect(cleanText("Ac\u200Bme\u2066 AI\u2069\u00AD\r\nLine\ttwo\u0007")).toBe(
      "Acme AI\nLine two",
    );
  });
});
