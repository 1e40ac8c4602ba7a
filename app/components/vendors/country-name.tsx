import { countryName, isEuEea } from "~/reference-data/countries";
import { useT } from "~/utils/use-t";

/** A country in the reader's language, with an "EU/EEA" badge when it is inside. */
export function CountryName({ code }: { code: string }) {
  const { t, locale } = useT();
  const inside = isEuEea(code);
  return (
    <span>
      {countryName(code, locale)}
      {inside ? (
        <span
          className="ml-1.5 rounded bg-blue-100 px-1.5 py-0.5 text-xs font-medium text-blue-900"
          title={t("vendors.euEeaBadgeTitle")}
          data-testid="eu-eea-badge"
        >
          {t("vendors.euEeaBadge")}
        </span>
      ) : null}
    </span>
  );
}
