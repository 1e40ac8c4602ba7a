import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, generateToken } from "./crypto.server";

const key = Buffer.alloc(32, 1).toString("base64");

describe("crypto helpers", () => {
  it("tokens are 32 random bytes in base64url (43 characters) and differ", () => {
    const a = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
  });

  it("AES-256-GCM round-trips, uses a fresh IV and detects tampering and wrong keys", () => {
    const one = encryptSecret("totp-secret", key);
    const two = encryptSecret("totp-secret", key);
    expect(one).not.toBe(two);
    expect(one).not.toContain("totp-secret");
    expect(decryptSecret(one, key)).toBe("totp-secret");
    const [v, iv, tag, ct] = one.split(".");
    const flipped = `${v}.${iv}.${tag}.${ct!.slice(0, -2)}${ct!.endsWith("A") ? "B" : "A"}${ct!.slice(-1)}`;
    expect(() => decryptSecret(flipped, key)).toThrow();
    expect(() => decryptSecret(one, Buffer.alloc(32, 2).toString("base64"))).toThrow();
  });
});
