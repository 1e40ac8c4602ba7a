import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("exitWith", () => {
  it("hands a consumer that reads late all of a large output, not the first 64 KiB", () => {
    // The reader starts two seconds late: by then the writer has filled the pipe and exited.
    const received = execFileSync(
      "sh",
      ["-c", "node_modules/.bin/tsx cli/fixtures/large-output.ts | (sleep 2; wc -c)"],
      { encoding: "utf8" },
    );
    expect(Number(received.trim())).toBe(300_001);
  });
});
