import { describe, expect, it } from "vitest";
import { redactFields } from "~/utils/logger.server";
import { anchorMac, anchorMacMatches } from "./anchor-key.server";
import {
  checkpointLogFields,
  checkpointLogLine,
  checkpointRecord,
  parseCheckpointLogLine,
} from "./audit-checkpoint";

const checkpoint = {
  organizationId: "org_1",
  seq: 50,
  hash: "a".repeat(64),
  reason: "cadence",
  createdAt: new Date("2026-12-01T10:00:00.000Z"),
  mac: "b".repeat(64),
};

describe("checkpoint log lines", () => {
  it("read back exactly what was written, also behind a log shipper's prefix", () => {
    const line = checkpointLogLine(checkpoint, new Date("2026-12-01T10:00:01Z"));
    expect(JSON.parse(line)).toMatchObject({
      level: "info",
      event: "audit.checkpoint",
      seq: 50,
      checkpointAt: "2026-12-01T10:00:00.000Z",
    });
    expect(parseCheckpointLogLine(line)).toEqual(checkpoint);
    expect(parseCheckpointLogLine(`2026-12-01T10:00:01Z vetted-1 stdout F ${line}`)).toEqual(
      checkpoint,
    );
  });

  it("keep every field through the logger's redaction (nothing in them is a secret)", () => {
    const fields = checkpointLogFields(checkpoint);
    expect(redactFields(fields)).toEqual(fields);
  });

  it("tell other lines from broken checkpoint lines", () => {
    expect(parseCheckpointLogLine(`{"level":"info","event":"http.request","path":"/"}`)).toBeNull();
    expect(parseCheckpointLogLine("plain text")).toBeNull();
    expect(parseCheckpointLogLine(`{"event":"audit.checkpoint","seq":"x"}`)).toBe("malformed");
    expect(parseCheckpointLogLine(`{"event":"audit.checkpoint", cut off`)).toBe("malformed");
  });
});

describe("anchor HMAC", () => {
  it("covers every field of a checkpoint and depends on the purpose", () => {
    const mac = anchorMac("audit-checkpoint", checkpointRecord(checkpoint));
    expect(anchorMacMatches("audit-checkpoint", checkpointRecord(checkpoint), mac)).toBe(true);
    for (const changed of [
      { seq: 51 },
      { hash: "c".repeat(64) },
      { reason: "manual" },
      { organizationId: "org_2" },
      { createdAt: new Date("2026-12-01T10:00:00.001Z") },
    ]) {
      expect(
        anchorMacMatches("audit-checkpoint", checkpointRecord({ ...checkpoint, ...changed }), mac),
      ).toBe(false);
    }
    expect(anchorMacMatches("signing-certificate", checkpointRecord(checkpoint), mac)).toBe(false);
    expect(anchorMacMatches("audit-checkpoint", checkpointRecord(checkpoint), "not hex")).toBe(
      false,
    );
  });
});
