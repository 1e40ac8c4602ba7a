import { describe, expect, it } from "vitest";
import { translate, type Locale } from "../../utils/i18n";
import { describeBestAnswer, explainAnswerScore, thresholdRules, unitName } from "./explain-answer";

const tr =
  (locale: Locale) =>
  (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);

const patchDays = {
  type: "number",
  unit: "days",
  thresholds: {
    kind: "steps" as const,
    steps: [
      { min: 0, points: 1 },
      { min: 8, points: 0.6 },
      { min: 31, points: 0.2 },
      { min: 91, points: 0 },
    ],
  },
};

describe("explainAnswerScore", () => {
  it("words every step of a threshold, the unit once", () => {
    expect(thresholdRules(patchDays, "de", tr("de"))).toEqual([
      "bis 7 Tage: volle Punktzahl",
      "8 bis 30 Tage: 60 % der Punkte",
      "31 bis 90 Tage: 20 % der Punkte",
      "91 Tage oder mehr: keine Punkte",
    ]);
    expect(thresholdRules(patchDays, "en", tr("en"))[0]).toBe("up to 7 days: full points");
  });

  it("keeps the exact bound for a fractional value", () => {
    const result = { status: "scored", points: 1, reason: "value 7.5 (≥ 0) → 1" };
    expect(explainAnswerScore(patchDays, 7.5, result, "de", tr("de"))).toBe(
      "7,5 Tage – angewandte Regel: weniger als 8 Tage: volle Punktzahl",
    );
    expect(explainAnswerScore(patchDays, 7.5, result, "en", tr("en"))).toBe(
      "7.5 days — rule applied: under 8 days: full points",
    );
  });

  it("words a linear scale", () => {
    const notice = {
      type: "number",
      unit: "days",
      thresholds: { kind: "linear" as const, min: 0, max: 30, higherIsBetter: true },
    };
    const result = {
      status: "scored",
      points: 0.5,
      reason: "value 15 on 0–30, higher is better → 0.5",
    };
    expect(explainAnswerScore(notice, 15, result, "de", tr("de"))).toBe(
      "15 Tage – lineare Skala (0 Tage: keine Punkte; 30 Tage: volle Punktzahl): 50 % der Punkte",
    );
  });

  it("says when countries could not be rated, naming them", () => {
    const result = {
      status: "unknown",
      points: 0,
      reason:
        "residency unknown (US: third country; safeguard unknown | CN: third country; safeguard unknown) → 0 (unknown)",
    };
    expect(explainAnswerScore({ type: "countries" }, ["US", "CN"], result, "de", tr("de"))).toBe(
      "Übermittlungsgrundlage unbekannt (Vereinigte Staaten, China): keine Punkte",
    );
  });

  it("words missing, invalid and not applicable answers", () => {
    const q = { type: "yes_no" };
    const de = tr("de");
    expect(
      explainAnswerScore(
        q,
        null,
        { status: "unanswered", points: null, reason: "no answer → 0" },
        "de",
        de,
      ),
    ).toBe("Nicht beantwortet: keine Punkte");
    expect(
      explainAnswerScore(
        q,
        "maybe",
        { status: "unanswered", points: null, reason: "invalid answer: x → 0" },
        "de",
        de,
      ),
    ).toBe("Die Antwort konnte nicht gewertet werden: keine Punkte");
    expect(
      explainAnswerScore(
        q,
        "na",
        { status: "not_applicable", points: null, reason: "answer 'na' → not applicable" },
        "de",
        de,
      ),
    ).toBe("Nicht zutreffend: Die Frage zählt nicht zur Punktzahl");
  });
});

describe("describeBestAnswer", () => {
  it("never prints a key or '?': a worded fallback for what it cannot name", () => {
    expect(describeBestAnswer(undefined, { bestAnswer: "x_y" }, "de", tr("de"))).toBe(
      "eine Antwort mit voller Punktzahl",
    );
    expect(describeBestAnswer({ type: "countries" }, { bestAnswer: ["AT"] }, "de", tr("de"))).toBe(
      "nur Länder in der EU/im EWR (zum Beispiel Österreich)",
    );
    expect(describeBestAnswer(patchDays, { bestAnswer: 0 }, "en", tr("en"))).toBe(
      "0 days (up to 7 days: full points)",
    );
  });
});

describe("unitName", () => {
  it("names the bundled units in the reader's language and keeps a custom one", () => {
    expect(unitName("days", tr("de"))).toBe("Tage");
    expect(unitName("hours", tr("de"))).toBe("Stunden");
    expect(unitName("hours", tr("en"))).toBe("hours");
    expect(unitName("MB", tr("de"))).toBe("MB");
  });
});
