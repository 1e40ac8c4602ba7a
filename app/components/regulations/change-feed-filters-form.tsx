import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { CHANGE_TYPES, LEGAL_STATUSES } from "~/modules/regulations/catalogue-values";
import { CHANGE_TIMINGS, type FilterField } from "~/modules/regulations/change-feed-filters";
import { TRIAGE_STATUSES } from "~/modules/regulations/triage-values";
import { labelKey, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/** The change feed's filters as a GET form: works without JavaScript, the URL can be shared. */
export function ChangeFeedFiltersForm({
  values,
  errors,
  instruments,
}: {
  values: Record<FilterField, string>;
  errors: Partial<Record<FilterField, MessageKey>>;
  instruments: { key: string; titleDe: string; titleEn: string }[];
}) {
  const { t, locale } = useT();
  const error = (field: FilterField) => (errors[field] ? t(errors[field]) : null);
  const any = { value: "", label: t("regulationChanges.filterAny") };
  const labelled = (
    prefix: "regulationChanges.type" | "regulationChanges.status" | "regulationChanges.timing",
    value: string,
  ) => {
    const key = labelKey(prefix, value);
    return { value, label: key ? t(key) : value };
  };
  return (
    <Form method="get" className="grid gap-4 sm:grid-cols-3" data-testid="change-filters">
      <SelectField
        label={t("regulationChanges.filterInstrument")}
        name="instrument"
        defaultValue={values.instrument}
        error={error("instrument")}
        options={[
          any,
          ...instruments.map((i) => ({
            value: i.key,
            label: locale === "de" ? i.titleDe : i.titleEn,
          })),
        ]}
      />
      <SelectField
        label={t("regulationChanges.filterType")}
        name="type"
        defaultValue={values.type}
        error={error("type")}
        options={[any, ...CHANGE_TYPES.map((v) => labelled("regulationChanges.type", v))]}
      />
      <SelectField
        label={t("regulationChanges.filterLegalStatus")}
        name="legalStatus"
        defaultValue={values.legalStatus}
        error={error("legalStatus")}
        options={[any, ...LEGAL_STATUSES.map((v) => labelled("regulationChanges.status", v))]}
      />
      <TextField
        label={t("regulationChanges.filterEffectiveFrom")}
        name="effectiveFrom"
        type="date"
        defaultValue={values.effectiveFrom}
        error={error("effectiveFrom")}
      />
      <TextField
        label={t("regulationChanges.filterEffectiveTo")}
        name="effectiveTo"
        type="date"
        defaultValue={values.effectiveTo}
        error={error("effectiveTo")}
      />
      <SelectField
        label={t("regulationChanges.filterTiming")}
        name="timing"
        defaultValue={values.timing}
        error={error("timing")}
        options={[any, ...CHANGE_TIMINGS.map((v) => labelled("regulationChanges.timing", v))]}
      />
      <SelectField
        label={t("regulationChanges.filterTriage")}
        name="triage"
        defaultValue={values.triage}
        error={error("triage")}
        options={[
          any,
          ...TRIAGE_STATUSES.map((v) => {
            const key = labelKey("impact.triage_", v);
            return { value: v, label: key ? t(key) : v };
          }),
        ]}
      />
      <div className="flex items-center gap-3 sm:col-span-3">
        <Button type="submit">{t("regulationChanges.filterApply")}</Button>
        <Link to="/regulations/changes" className="text-sm text-slate-700 underline">
          {t("regulationChanges.filterReset")}
        </Link>
      </div>
    </Form>
  );
}
