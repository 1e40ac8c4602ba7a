import { useMemo } from "react";
import { COUNTRIES, EU_EEA_CODES } from "../../../seeds/reference/countries";
import { ADEQUACY_DECISIONS } from "../../../seeds/reference/adequacy-decisions";
import type { Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

const EU_EEA = new Set(EU_EEA_CODES);
// Grouping only (the rating itself uses the decisions in force on the assessment date).
const ADEQUACY = new Set(ADEQUACY_DECISIONS.filter((d) => !d.validUntil).map((d) => d.code));

/**
 * Countries as checkboxes grouped into EU/EEA, countries with an adequacy decision and the rest
 * of the world: native inputs, so it works without JavaScript and with a screen reader. A group
 * opens by itself when it holds a chosen country.
 */
export function CountriesInput({ name, value, disabled, locale, labelId }: { name: string; value: unknown; disabled: boolean; locale: Locale; labelId: string }) {
  const { t } = useT();
  const picked = useMemo(() => new Set(Array.isArray(value) ? (value as unknown[]).map(String) : []), [value]);
  const groups = useMemo(() => {
    const byName = [...COUNTRIES].sort((a, b) => a[locale].localeCompare(b[locale], locale));
    return [
      { key: "eu", title: t("portal.countriesEuEea"), countries: byName.filter((c) => EU_EEA.has(c.code)) },
      { key: "adequacy", title: t("portal.countriesAdequacy"), countries: byName.filter((c) => ADEQUACY.has(c.code) && !EU_EEA.has(c.code)) },
      { key: "world", title: t("portal.countriesWorld"), countries: byName.filter((c) => !EU_EEA.has(c.code) && !ADEQUACY.has(c.code)) },
    ];
  }, [locale, t]);
  const reserved = typeof value === "string" ? value : null;
  return (
    <div role="group" aria-labelledby={labelId} className="space-y-2">
      {picked.size > 0 ? (
        <p className="text-sm text-slate-700" data-testid="countries-picked">
          {[...picked].map((code) => COUNTRIES.find((c) => c.code === code)?.[locale] ?? code).join(", ")}
        </p>
      ) : null}
      {groups.map((group) => (
        <details key={group.key} open={group.countries.some((c) => picked.has(c.code))} className="rounded border border-slate-200 px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium">
            {group.title} ({group.countries.filter((c) => picked.has(c.code)).length}/{group.countries.length})
          </summary>
          <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
            {group.countries.map((country) => (
              <label key={country.code} className="inline-flex items-center gap-2 text-sm">
                <input type="checkbox" name={name} value={country.code} defaultChecked={picked.has(country.code)} disabled={disabled} />
                <span>{country[locale]}</span>
              </label>
            ))}
          </div>
        </details>
      ))}
      <div className="flex flex-wrap gap-x-5 text-sm">
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" name={name} value="unknown" defaultChecked={reserved === "unknown"} disabled={disabled} />
          {t("portal.unknown")}
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" name={name} value="na" defaultChecked={reserved === "na"} disabled={disabled} />
          {t("portal.na")}
        </label>
      </div>
    </div>
  );
}
