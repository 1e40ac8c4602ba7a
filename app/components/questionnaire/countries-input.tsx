import { useMemo } from "react";
import { COUNTRIES } from "~/reference-data/countries";
import type { CountryGroups } from "~/modules/questionnaires/country-groups";
import type { Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/**
 * Countries as checkboxes grouped into EU/EEA, countries with an adequacy decision and the rest
 * of the world: native inputs, so it works without JavaScript and with a screen reader. A group
 * opens by itself when it holds a chosen country. The groups come from the server (the residency
 * rating's data and rules on the assessment's reference day), never from a list kept here.
 */
export function CountriesInput({
  name,
  value,
  disabled,
  locale,
  labelId,
  groups: grouping,
}: {
  name: string;
  value: unknown;
  disabled: boolean;
  locale: Locale;
  labelId: string;
  groups: CountryGroups;
}) {
  const { t } = useT();
  const picked = useMemo(
    () => new Set(Array.isArray(value) ? (value as unknown[]).map(String) : []),
    [value],
  );
  const partial = useMemo(() => new Set(grouping.partial), [grouping]);
  const groups = useMemo(() => {
    const euEea = new Set(grouping.euEea);
    const adequacy = new Set(grouping.adequacy);
    const byName = [...COUNTRIES].sort((a, b) => a[locale].localeCompare(b[locale], locale));
    return [
      {
        key: "eu_eea",
        title: t("portal.countriesEuEea"),
        countries: byName.filter((c) => euEea.has(c.code)),
      },
      {
        key: "adequacy",
        title: t("portal.countriesAdequacy"),
        countries: byName.filter((c) => adequacy.has(c.code) && !euEea.has(c.code)),
      },
      {
        key: "world",
        title: t("portal.countriesWorld"),
        countries: byName.filter((c) => !euEea.has(c.code) && !adequacy.has(c.code)),
      },
    ];
  }, [grouping, locale, t]);
  const reserved = typeof value === "string" ? value : null;
  return (
    <div role="group" aria-labelledby={labelId} className="space-y-2">
      {picked.size > 0 ? (
        <p className="text-sm text-slate-700" data-testid="countries-picked">
          {[...picked]
            .map((code) => COUNTRIES.find((c) => c.code === code)?.[locale] ?? code)
            .join(", ")}
        </p>
      ) : null}
      {groups.map((group) => (
        <details
          key={group.key}
          data-group={group.key}
          open={group.countries.some((c) => picked.has(c.code))}
          className="rounded border border-slate-200 px-3 py-2"
        >
          <summary className="cursor-pointer text-sm font-medium">
            {group.title} ({group.countries.filter((c) => picked.has(c.code)).length}/
            {group.countries.length})
          </summary>
          <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
            {group.countries.map((country) => (
              <label key={country.code} className="inline-flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name={name}
                  value={country.code}
                  defaultChecked={picked.has(country.code)}
                  disabled={disabled}
                />
                <span>
                  {country[locale]}
                  {group.key === "adequacy" && partial.has(country.code) ? (
                    <span className="text-xs text-slate-600">
                      {" "}
                      ({t("portal.countriesPartialScope")})
                    </span>
                  ) : null}
                </span>
              </label>
            ))}
          </div>
        </details>
      ))}
      <div className="flex flex-wrap gap-x-5 text-sm">
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            name={name}
            value="unknown"
            defaultChecked={reserved === "unknown"}
            disabled={disabled}
          />
          {t("portal.unknown")}
        </label>
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            name={name}
            value="na"
            defaultChecked={reserved === "na"}
            disabled={disabled}
          />
          {t("portal.na")}
        </label>
      </div>
    </div>
  );
}
