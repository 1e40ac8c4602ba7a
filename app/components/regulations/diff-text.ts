import { countryName } from "~/reference-data/countries";
import { labelKey, translate, type Locale } from "~/utils/i18n";

// A change's structured diff in words: the bundle's scoped fields ("appliesUntil[GB]",
// "adequacy[BR]") name what and for whom, days read as dates, scope values as phrases. Anything
// else is shown as recorded (an imported framework's field names are the user's own words).

const SCOPED_FIELD = /^(appliesUntil|appliesFrom|adequacy)\[([^\]]+)\]$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function scopeName(scope: string, locale: Locale): string {
  return /^[A-Z]{2}$/.test(scope) ? countryName(scope, locale) : scope.replace(/^io:/, "");
}

export function diffFieldText(field: string, locale: Locale): string {
  const match = SCOPED_FIELD.exec(field);
  if (!match) return field;
  const key = labelKey("impact.field_", match[1]!);
  return key ? translate(locale, key, { scope: scopeName(match[2]!, locale) }) : field;
}

export function diffValueText(
  value: string,
  locale: Locale,
  formatDay: (day: string) => string,
): string {
  if (DAY.test(value)) return formatDay(value);
  const key = labelKey("impact.value_", value);
  return key ? translate(locale, key) : value;
}
