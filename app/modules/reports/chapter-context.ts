import type { reports } from "../../locales/en/reports";
import { translate } from "../../utils/i18n";
import type { ReportLayout } from "./layout";
import type { ReportInput } from "./report-input";

/** What every chapter renderer gets: the layout to draw on, the input and the captions. */
export type ReportKey = keyof typeof reports;

export interface ChapterContext {
  layout: ReportLayout;
  input: ReportInput;
  t: (key: ReportKey, vars?: Record<string, string | number>) => string;
  /** A 0–100 number as text in the report's language ("72", "72,5"). */
  number: (value: number, fractionDigits?: number) => string;
}

export function chapterContext(layout: ReportLayout, input: ReportInput): ChapterContext {
  // One formatter per digit count (same options as formatNumber in utils/i18n): building an
  // Intl.NumberFormat per call showed up in the benchmark profile.
  const formatters = new Map<number, Intl.NumberFormat>();
  const locale = input.language === "de" ? "de-DE" : "en-GB";
  return {
    layout,
    input,
    t: (key, vars) => translate(input.language, `reports.${key}`, vars),
    number: (value, fractionDigits = 0) => {
      let formatter = formatters.get(fractionDigits);
      if (!formatter) {
        formatter = new Intl.NumberFormat(locale, {
          minimumFractionDigits: fractionDigits,
          maximumFractionDigits: fractionDigits,
        });
        formatters.set(fractionDigits, formatter);
      }
      return formatter.format(value);
    },
  };
}
