import { isMessageKey } from "../../utils/i18n";
import { describe, it, expect } from "vitest";
import {
  answerFieldName,
  answerFromFormData,
  comparableAnswer,
  parseAnswerValue,
  type AnswerQuestion,
} from "./answer-value";

const yesNo: AnswerQuestion = { key: "security.mfa", type: "yes_no" };
const single: AnswerQuestion = {
  key: "security.level",
  type: "single_choice",
  options: [
    { value: "high", label: { en: "High", de: "Hoch" }, points: 1 },
    { value: "low", label: { en: "Low", de: "Niedrig" }, points: 0 },
  ],
};
const multi: AnswerQuestion = {
  key: "compliance.certs",
  type: "multi_choice",
  options: [
    { value: "c5", label: { en: "C5", de: "C5" }, points: 0.5 },
    { value: "soc2", label: { en: "SOC 2", de: "SOC 2" }, points: 0.5 },
    {
      value: "none",
      label: { en: "None of these", de: "Nichts davon" },
      points: 0,
      exclusive: true,
    },
  ],
};
const hours: AnswerQuestion = { key: "monitoring.hours", type: "number", min: 0, max: 720 };
const date: AnswerQuestion = { key: "security.pentest_date", type: "date" };
const text: AnswerQuestion = { key: "data_use.subprocessors", type: "text" };
const countries: AnswerQuestion = { key: "residency.storage", type: "countries" };

function form(entries: Array<[string, string | Blob]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("parseAnswerValue", () => {
  it("treats null, undefined and empty strings as no answer", () => {
    for (const question of [yesNo, single, multi, hours, date, text, countries]) {
      expect(parseAnswerValue(question, null)).toEqual({ ok: true, value: null });
      expect(parseAnswerValue(question, undefined)).toEqual({ ok: true, value: null });
      expect(parseAnswerValue(question, "  ")).toEqual({ ok: true, value: null });
    }
  });

  it("accepts valid values per type", () => {
    expect(parseAnswerValue(yesNo, "partial")).toEqual({ ok: true, value: "partial" });
    expect(parseAnswerValue(single, "high")).toEqual({ ok: true, value: "high" });
    expect(parseAnswerValue(single, "na")).toEqual({ ok: true, value: "na" });
    expect(parseAnswerValue(multi, ["c5", "soc2"])).toEqual({ ok: true, value: ["c5", "soc2"] });
    expect(parseAnswerValue(multi, "unknown")).toEqual({ ok: true, value: "unknown" });
    expect(parseAnswerValue(hours, 24)).toEqual({ ok: true, value: 24 });
    expect(parseAnswerValue(hours, "unknown")).toEqual({ ok: true, value: "unknown" });
    expect(parseAnswerValue(date, "2024-02-29")).toEqual({ ok: true, value: "2024-02-29" });
    expect(parseAnswerValue(text, "  Acme Ltd.  ")).toEqual({ ok: true, value: "Acme Ltd." });
    expect(parseAnswerValue(countries, ["DE", "CH"])).toEqual({ ok: true, value: ["DE", "CH"] });
  });

  it("rejects malformed values with a message instead of throwing", () => {
    const cases: Array<[AnswerQuestion, unknown]> = [
      [yesNo, "maybe"],
      [yesNo, true],
      [single, "medium"],
      [multi, ["c5", "gold"]],
      [multi, ["none", "c5"]],
      [multi, ["c5", "c5"]],
      [multi, []],
      [hours, "24"],
      [hours, -1],
      [hours, 1000],
      [hours, Number.NaN],
      [date, "2023-02-29"],
      [date, "29.02.2024"],
      [text, 42],
      [text, "x".repeat(10_001)],
      [countries, ["Germany"]],
      [countries, ["DE", "DE"]],
      [countries, "DE"],
      [countries, { DE: true }],
    ];
    for (const [question, raw] of cases) {
      const result = parseAnswerValue(question, raw);
      expect(result.ok, `${question.type} ${JSON.stringify(raw)?.slice(0, 40)}`).toBe(false);
      if (!result.ok) expect(isMessageKey(result.error.key)).toBe(true);
    }
    const exclusive = parseAnswerValue(multi, ["none", "c5"]);
    expect(exclusive).toEqual({
      ok: false,
      error: { key: "answers.exclusiveOption", params: { option: "None of these" } },
    });
  });
});

describe("dates of past events (scoring method 1.2.0)", () => {
  const pentest: AnswerQuestion = {
    key: "security.pentest_date",
    type: "date",
    thresholds: { kind: "linear", min: 0, max: 730, higherIsBetter: false },
  };
  const today = "2026-12-07";

  it("refuses a day after today for a date question scored by age, with a message", () => {
    expect(parseAnswerValue(pentest, "2026-12-08", { today })).toEqual({
      ok: false,
      error: { key: "answers.dateInFuture" },
    });
    expect(parseAnswerValue(pentest, "2026-12-07", { today })).toEqual({
      ok: true,
      value: "2026-12-07",
    });
    expect(parseAnswerValue(pentest, "unknown", { today })).toEqual({ ok: true, value: "unknown" });
  });

  it("leaves dates without thresholds free, and stored answers (read without today) readable", () => {
    expect(parseAnswerValue(date, "2031-01-01", { today })).toEqual({
      ok: true,
      value: "2031-01-01",
    });
    expect(parseAnswerValue(pentest, "2031-01-01")).toEqual({ ok: true, value: "2031-01-01" });
  });
});

describe("answerFromFormData", () => {
  it("uses fields named q.<questionKey>", () => {
    expect(answerFieldName(yesNo)).toBe("q.security.mfa");
    expect(answerFromFormData(yesNo, form([["q.security.mfa", "yes"]]))).toEqual({
      ok: true,
      value: "yes",
    });
    expect(answerFromFormData(yesNo, form([["q.other", "yes"]]))).toEqual({
      ok: true,
      value: null,
    });
  });

  it("reads repeated fields or a comma-separated value for multi choice and countries", () => {
    expect(
      answerFromFormData(
        multi,
        form([
          ["q.compliance.certs", "c5"],
          ["q.compliance.certs", "soc2"],
        ]),
      ),
    ).toEqual({ ok: true, value: ["c5", "soc2"] });
    expect(answerFromFormData(multi, form([["q.compliance.certs", "c5, soc2"]]))).toEqual({
      ok: true,
      value: ["c5", "soc2"],
    });
    expect(answerFromFormData(countries, form([["q.residency.storage", "de, fr,,ch"]]))).toEqual({
      ok: true,
      value: ["DE", "FR", "CH"],
    });
    expect(answerFromFormData(countries, form([["q.residency.storage", "unknown"]]))).toEqual({
      ok: true,
      value: "unknown",
    });
    expect(answerFromFormData(countries, form([["q.residency.storage", " , "]]))).toEqual({
      ok: true,
      value: null,
    });
  });

  it("parses numbers, including a decimal comma", () => {
    expect(answerFromFormData(hours, form([["q.monitoring.hours", " 24 "]]))).toEqual({
      ok: true,
      value: 24,
    });
    expect(answerFromFormData(hours, form([["q.monitoring.hours", "1,5"]]))).toEqual({
      ok: true,
      value: 1.5,
    });
    expect(answerFromFormData(hours, form([["q.monitoring.hours", "na"]]))).toEqual({
      ok: true,
      value: "na",
    });
    expect(answerFromFormData(hours, form([["q.monitoring.hours", ""]]))).toEqual({
      ok: true,
      value: null,
    });
    expect(answerFromFormData(hours, form([["q.monitoring.hours", "24h"]]))).toEqual({
      ok: false,
      error: { key: "answers.enterNumber" },
    });
    expect(answerFromFormData(hours, form([["q.monitoring.hours", "9999"]])).ok).toBe(false);
  });

  it("normalises text and treats blank input as no answer", () => {
    expect(
      answerFromFormData(text, form([["q.data_use.subprocessors", "  line 1\r\nline 2  "]])),
    ).toEqual({
      ok: true,
      value: "line 1\nline 2",
    });
    expect(answerFromFormData(text, form([["q.data_use.subprocessors", "   "]]))).toEqual({
      ok: true,
      value: null,
    });
  });

  it("rejects files and conflicting single values", () => {
    expect(answerFromFormData(yesNo, form([["q.security.mfa", new Blob(["x"])]])).ok).toBe(false);
    expect(
      answerFromFormData(
        yesNo,
        form([
          ["q.security.mfa", "yes"],
          ["q.security.mfa", "no"],
        ]),
      ),
    ).toEqual({
      ok: false,
      error: { key: "answers.singleValue" },
    });
    expect(answerFromFormData(single, form([["q.security.level", "gold"]])).ok).toBe(false);
  });
});

describe("sub-processor tables, evidence and long text", () => {
  const table: AnswerQuestion = { key: "data.subprocessors", type: "subprocessors" };
  const evidence: AnswerQuestion = {
    key: "compliance.iso_certificate",
    type: "evidence",
    evidence: { documentTypes: ["iso27001_certificate", "other"], expiryRequired: true },
  };
  const longText: AnswerQuestion = { key: "ai.description", type: "long_text" };
  const fileId = "cm3x0abcdefghijklmnopqrst";

  it("reads table rows column by column, drops empty rows and upper-cases countries", () => {
    const result = answerFromFormData(
      table,
      form([
        ["q.data.subprocessors.name", "Hoster GmbH"],
        ["q.data.subprocessors.purpose", "Hosting"],
        ["q.data.subprocessors.country", "de"],
        ["q.data.subprocessors.mechanism", "not_needed"],
        ["q.data.subprocessors.name", ""],
        ["q.data.subprocessors.purpose", ""],
        ["q.data.subprocessors.country", ""],
        ["q.data.subprocessors.mechanism", "scc"],
        ["q.data.subprocessors.name", "Support Inc"],
        ["q.data.subprocessors.purpose", "Support"],
        ["q.data.subprocessors.country", "IN"],
        ["q.data.subprocessors.mechanism", "scc"],
      ]),
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { name: "Hoster GmbH", purpose: "Hosting", country: "DE", mechanism: "not_needed" },
        { name: "Support Inc", purpose: "Support", country: "IN", mechanism: "scc" },
      ],
    });
  });

  it("accepts 'none' (na) and refuses it together with rows, rows without a name or a bad mechanism", () => {
    expect(answerFromFormData(table, form([["q.data.subprocessors", "na"]]))).toEqual({
      ok: true,
      value: "na",
    });
    expect(
      answerFromFormData(
        table,
        form([
          ["q.data.subprocessors", "na"],
          ["q.data.subprocessors.name", "X"],
          ["q.data.subprocessors.country", "DE"],
          ["q.data.subprocessors.mechanism", "scc"],
        ]),
      ),
    ).toMatchObject({ ok: false });
    expect(
      answerFromFormData(
        table,
        form([
          ["q.data.subprocessors.purpose", "Hosting"],
          ["q.data.subprocessors.country", "DE"],
          ["q.data.subprocessors.mechanism", "scc"],
        ]),
      ),
    ).toMatchObject({ ok: false, error: { key: "answers.subprocessorName" } });
    expect(
      parseAnswerValue(table, [{ name: "X", purpose: "", country: "DE", mechanism: "magic" }]),
    ).toMatchObject({ ok: false, error: { key: "answers.chooseMechanism" } });
    expect(
      parseAnswerValue(table, [
        { name: "X", purpose: "", country: "DE", mechanism: "scc", extra: 1 },
      ]),
    ).toMatchObject({ ok: false });
    expect(answerFromFormData(table, form([]))).toEqual({ ok: true, value: null });
  });

  it("reads evidence parts and enforces the requested document types and expiry", () => {
    expect(
      answerFromFormData(
        evidence,
        form([
          ["q.compliance.iso_certificate.documentType", "iso27001_certificate"],
          ["q.compliance.iso_certificate.validUntil", "2027-06-30"],
          ["q.compliance.iso_certificate.file", fileId],
        ]),
      ),
    ).toEqual({
      ok: true,
      value: { documentType: "iso27001_certificate", validUntil: "2027-06-30", files: [fileId] },
    });
    expect(
      answerFromFormData(evidence, form([["q.compliance.iso_certificate.file", fileId]])),
    ).toMatchObject({ ok: false, error: { key: "answers.validUntilRequired" } });
    expect(parseAnswerValue(evidence, { documentType: "soc2_report", files: [] })).toMatchObject({
      ok: false,
      error: { key: "answers.chooseRequestedDocumentType" },
    });
    expect(
      parseAnswerValue(evidence, { documentType: "other", files: ["../../etc/passwd"] }),
    ).toMatchObject({ ok: false });
    expect(answerFromFormData(evidence, form([["q.compliance.iso_certificate", "na"]]))).toEqual({
      ok: true,
      value: "na",
    });
    expect(
      answerFromFormData(
        evidence,
        form([["q.compliance.iso_certificate.documentType", "iso27001_certificate"]]),
      ),
    ).toEqual({ ok: true, value: null });
  });

  it("keeps long text with line breaks and refuses a file in a text field", () => {
    expect(answerFromFormData(longText, form([["q.ai.description", "Line 1\r\nLine 2"]]))).toEqual({
      ok: true,
      value: "Line 1\nLine 2",
    });
    expect(
      answerFromFormData(longText, form([["q.ai.description", new Blob(["x"])]])),
    ).toMatchObject({ ok: false });
    expect(
      answerFromFormData(table, form([["q.data.subprocessors.name", new Blob(["x"])]])),
    ).toMatchObject({ ok: false });
  });

  it("compares objects by content and string lists as sets", () => {
    expect(comparableAnswer({ files: [fileId], documentType: "dpa" })).toBe(
      comparableAnswer({ documentType: "dpa", files: [fileId] }),
    );
    expect(comparableAnswer(["B", "A"])).toBe(comparableAnswer(["A", "B"]));
    expect(comparableAnswer([{ name: "A" }, { name: "B" }])).not.toBe(
      comparableAnswer([{ name: "B" }, { name: "A" }]),
    );
  });
});
