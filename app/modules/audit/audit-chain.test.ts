import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../utils/canonical-json";
import { canonicalBodyAroundSeq, GENESIS_HASH, hashAuditEvent } from "./audit-chain";
import { createHash } from "node:crypto";

const event = {
  organizationId: "org-1",
  action: 'test.",seq":0,',
  actorType: "system",
  actorId: null,
  actorLabel: ',"seq":0, Größe 🦄 \\ "',
  targetType: "vendor",
  targetId: ',"seq":0,',
  payload: canonicalJson({ seq: 0, ',"seq":0,': ',"seq":0,' }),
  ipAddress: null,
  createdAt: new Date("2026-12-07T09:00:00.123Z"),
};

describe("canonicalBodyAroundSeq", () => {
  it("cuts the hashed body exactly around the seq's digits, whatever the other fields contain", () => {
    const { beforeSeq, afterSeq } = canonicalBodyAroundSeq(event);
    for (const seq of [1, 9, 10, 25, 999, 1_000_000, 2_147_483_647]) {
      const prevHash = seq === 1 ? GENESIS_HASH : "ab".repeat(32);
      // What PostgreSQL computes: sha256(prevHash ‖ beforeSeq ‖ seq::text ‖ afterSeq).
      const inDatabase = createHash("sha256")
        .update(prevHash + beforeSeq + String(seq) + afterSeq, "utf8")
        .digest("hex");
      expect(inDatabase).toBe(hashAuditEvent({ ...event, seq, prevHash }));
    }
  });
});
