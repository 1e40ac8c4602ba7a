import { describe, expect, it } from "vitest";
import { EventEmitter } from "node:events";
import { consoleLine, installJsonConsole, routeProcessWarningsToJson } from "./json-console.server";

/**
 * The production server's console prints one JSON object per line (issue 13, item 6): a
 * multi-line framework warning or an error with a stack must not become several log records.
 */
describe("JSON console", () => {
  it("turns a multi-line message with format arguments into one JSON line", () => {
    const line = consoleLine(
      "warn",
      ["⚠️ FUTURE CHANGE: first line\nsecond line %s", "argument", { answer: 42 }],
      new Date("2026-12-07T12:00:00.000Z"),
    );
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({
      time: "2026-12-07T12:00:00.000Z",
      level: "warn",
      event: "console",
      message: "⚠️ FUTURE CHANGE: first line\nsecond line argument { answer: 42 }",
    });
  });

  it("replaces every console method of the console it is given, once", () => {
    const target = {
      log: () => undefined,
      info: () => undefined,
      debug: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      trace: () => undefined,
    } as unknown as Console;
    const before = { ...target };
    installJsonConsole(target);
    const installed = { ...target };
    for (const name of ["log", "info", "debug", "warn", "error", "trace"] as const)
      expect(target[name], name).not.toBe(before[name]);
    installJsonConsole(target);
    expect({ ...target }).toEqual(installed);
  });

  it("prints Node's process warnings as JSON lines instead of its text", () => {
    const emitter = new EventEmitter();
    const textPrinter = () => {
      throw new Error("Node's text printer must be gone");
    };
    emitter.on("warning", textPrinter);
    const lines: string[] = [];
    routeProcessWarningsToJson(emitter, (line) => lines.push(line));
    const warning = Object.assign(new Error("Buffer() is deprecated"), {
      name: "DeprecationWarning",
      code: "DEP0005",
    });
    emitter.emit("warning", warning);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: "warn",
      event: "process.warning",
      name: "DeprecationWarning",
      code: "DEP0005",
      message: "Buffer() is deprecated",
    });
  });
});
