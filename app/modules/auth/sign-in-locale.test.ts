import { describe, expect, it } from "vitest";
import { localeAfterSignIn } from "./sign-in-locale";

describe("the language after sign-in", () => {
  it("stores the language chosen before sign-in when the user has no preference yet", () => {
    expect(localeAfterSignIn({ stored: null, chosen: "de" })).toEqual({ show: "de", store: "de" });
    expect(localeAfterSignIn({ stored: null, chosen: "en" })).toEqual({ show: "en", store: "en" });
  });

  it("keeps a stored preference: it is the user's, the cookie may be someone else's on this browser", () => {
    expect(localeAfterSignIn({ stored: "en", chosen: "de" })).toEqual({ show: "en", store: null });
    expect(localeAfterSignIn({ stored: "de", chosen: null })).toEqual({ show: "de", store: null });
  });

  it("stores nothing when nobody chose (Accept-Language is a guess, not a preference)", () => {
    expect(localeAfterSignIn({ stored: null, chosen: null })).toEqual({ show: null, store: null });
  });

  it("treats unknown values as no choice", () => {
    expect(localeAfterSignIn({ stored: "fr", chosen: "xx" })).toEqual({ show: null, store: null });
    expect(localeAfterSignIn({ stored: "fr", chosen: "de" })).toEqual({ show: "de", store: "de" });
  });
});
