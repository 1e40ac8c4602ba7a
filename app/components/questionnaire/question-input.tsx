import type { CountryGroups } from "~/modules/questionnaires/country-groups";
import type { ShowIf } from "~/modules/questionnaires/template-definition";
import type { Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { unitName } from "~/modules/questionnaires/explain-answer";
import { CountriesInput } from "./countries-input";
import { SubprocessorTable } from "./subprocessor-table";

/** The parts of a template question the vendor form needs (serialisable from the loader). */
export interface PortalQuestion {
  key: string;
  type: string;
  required: boolean;
  label: { en: string; de: string };
  help?: { en: string; de: string };
  unit?: string;
  min?: number;
  max?: number;
  options?: { value: string; label: { en: string; de: string } }[];
  /** Cited in both languages on the server (catalogue keys and legacy strings); the page picks one. */
  references: { en: string; de: string }[];
  showIf?: ShowIf;
  evidence?: { documentTypes: string[]; expiryRequired: boolean };
}

const fieldName = (key: string) => `q.${key}`;

/** Renders the native inputs for one question; uncontrolled, so the form also works without JavaScript. */
export function QuestionInput({
  question,
  value,
  disabled,
  locale,
  countryGroups,
  onRowsChanged,
}: {
  question: PortalQuestion;
  value: unknown;
  disabled: boolean;
  locale: Locale;
  countryGroups: CountryGroups;
  /** A table's rows changed without a change event (a row removed in place): save again. */
  onRowsChanged?: () => void;
}) {
  const { t } = useT();
  const name = fieldName(question.key);
  const labelId = `q-${question.key}-label`;
  const radio = (choices: { value: string; label: string }[]) => (
    <div role="radiogroup" aria-labelledby={labelId} className="flex flex-wrap gap-x-5 gap-y-2">
      {choices.map((choice) => (
        <label key={choice.value} className="inline-flex items-center gap-2 text-sm">
          <input
            type="radio"
            name={name}
            value={choice.value}
            defaultChecked={value === choice.value}
            disabled={disabled}
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
  const inputClass =
    "block w-full max-w-xl rounded-md border border-slate-300 px-3 py-2 text-sm disabled:bg-slate-100";
  switch (question.type) {
    case "yes_no":
      return radio(
        (["yes", "partial", "no", "unknown", "na"] as const).map((v) => ({
          value: v,
          label: t(`portal.${v}`),
        })),
      );
    case "single_choice":
      return radio([
        ...(question.options ?? []).map((o) => ({ value: o.value, label: o.label[locale] })),
        { value: "unknown", label: t("portal.unknown") },
      ]);
    case "multi_choice": {
      const picked = Array.isArray(value) ? (value as string[]) : [];
      return (
        <div role="group" aria-labelledby={labelId} className="flex flex-col gap-2">
          {(question.options ?? []).map((o) => (
            <label key={o.value} className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name={name}
                value={o.value}
                defaultChecked={picked.includes(o.value)}
                disabled={disabled}
              />
              {o.label[locale]}
            </label>
          ))}
        </div>
      );
    }
    case "number":
      return (
        <div className="flex items-center gap-2">
          <input
            type="text"
            inputMode="decimal"
            name={name}
            aria-labelledby={labelId}
            defaultValue={
              typeof value === "number" ? String(value) : typeof value === "string" ? value : ""
            }
            disabled={disabled}
            className={`${inputClass} max-w-40`}
          />
          {question.unit ? (
            <span className="text-sm text-slate-600">{unitName(question.unit, t)}</span>
          ) : null}
        </div>
      );
    case "date":
      return (
        <input
          type="date"
          name={name}
          aria-labelledby={labelId}
          defaultValue={typeof value === "string" ? value : ""}
          disabled={disabled}
          className={`${inputClass} max-w-48`}
        />
      );
    case "countries":
      return (
        <CountriesInput
          name={name}
          value={value}
          disabled={disabled}
          locale={locale}
          labelId={labelId}
          groups={countryGroups}
        />
      );
    case "subprocessors":
      return (
        <SubprocessorTable
          name={name}
          value={value}
          disabled={disabled}
          locale={locale}
          labelId={labelId}
          onRowsChanged={onRowsChanged}
        />
      );
    case "text":
      return (
        <input
          type="text"
          name={name}
          aria-labelledby={labelId}
          defaultValue={typeof value === "string" ? value : ""}
          disabled={disabled}
          maxLength={10_000}
          className={inputClass}
        />
      );
    default:
      return (
        <textarea
          name={name}
          aria-labelledby={labelId}
          rows={question.type === "long_text" ? 6 : 3}
          defaultValue={typeof value === "string" ? value : ""}
          disabled={disabled}
          className={inputClass}
        />
      );
  }
}
