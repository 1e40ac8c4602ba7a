import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/modules/auth/password.server";
import { PASSWORD_MAX_LENGTH_CLIENT, PASSWORD_MIN_LENGTH_CLIENT } from "./password-limits";

describe("client-side password limits", () => {
  it("match the server's password policy", () => {
    expect(PASSWORD_MIN_LENGTH_CLIENT).toBe(PASSWORD_MIN_LENGTH);
    expect(PASSWORD_MAX_LENGTH_CLIENT).toBe(PASSWORD_MAX_LENGTH);
  });
});
