import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, localeFromAcceptLanguage, translate } from "./i18n";

describe("i18n", () => {
  it("picks the best supported language from Accept-Language, honouring q-values", () => {
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,en;q=0.8")).toBe("de");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.5,de;q=0.7")).toBe("de");
    expect(localeFromAcceptLanguage("fr, it")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
    expect(localeFromAcceptLanguage("en;q=0, de;q=0.1")).toBe("de");
  });

  it("fills placeholders and keeps unknown ones visible", () => {
    expect(translate("de", "auth.rateLimited", { minutes: 5 })).toBe(
      "Zu viele Versuche. Bitte in 5 Minuten erneut versuchen.",
    );
    expect(translate("en", "auth.rateLimited")).toContain("{minutes}");
  });

  it("formats dates and numbers per locale in the display time zone", () => {
    const date = new Date("2026-03-01T23:30:00Z"); // already 2 March in Berlin
    expect(formatDate("de", date)).toBe("02.03.2026");
    expect(formatDate("en", date)).toBe("2 Mar 2026");
    expect(formatNumber("de", 1234.5, 1)).toBe("1.234,5");
    expect(formatNumber("en", 1234.5, 1)).toBe("1,234.5");
    expect(formatNumber("en", null)).toBe("–");
  });
});
