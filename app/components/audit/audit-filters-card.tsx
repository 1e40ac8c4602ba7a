import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import { isMessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import type { AuditPageView } from "./audit-view";

/** The GET filter form (action prefix, actor, dates, target type); rejected filters are marked and ignored. */
export function AuditFiltersCard({ view }: { view: AuditPageView }) {
  const { page, typed, errors, filtered } = view;
  const { t } = useT();
  const errorText = (key: string | undefined) =>
    key ? t(isMessageKey(key) ? key : "errors.invalidInput") : null;
  return (
    <Card title={t("audit.filtersHeading")}>
      {Object.keys(errors).length > 0 ? (
        <div className="mb-3">
          <Alert tone="warning">{t("audit.filtersIgnored")}</Alert>
        </div>
      ) : null}
      <Form method="get" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <TextField
          label={t("audit.filterAction")}
          name="action"
          defaultValue={typed.action}
          placeholder="auth."
          hint={t("audit.filterActionHint")}
          error={errorText(errors.action)}
        />
        <TextField
          label={t("audit.filterActor")}
          name="actor"
          defaultValue={typed.actor}
          hint={t("audit.filterActorHint")}
          error={errorText(errors.actor)}
        />
        <TextField
          label={t("audit.filterFrom")}
          name="from"
          type="date"
          defaultValue={typed.from}
          error={errorText(errors.from)}
        />
        <TextField
          label={t("audit.filterTo")}
          name="to"
          type="date"
          defaultValue={typed.to}
          error={errorText(errors.to)}
        />
        <SelectField
          label={t("audit.filterTargetType")}
          name="targetType"
          defaultValue={typed.targetType}
          options={[
            { value: "", label: t("audit.anyTargetType") },
            ...Array.from(
              new Set([...page.targetTypes, ...(typed.targetType ? [typed.targetType] : [])]),
            ).map((type) => ({ value: type, label: type })),
          ]}
          error={errorText(errors.targetType)}
        />
        <div className="flex items-end gap-2 lg:col-span-5">
          <Button type="submit">{t("audit.applyFilters")}</Button>
          {filtered ? (
            <Link
              to="/audit"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
            >
              {t("audit.resetFilters")}
            </Link>
          ) : null}
        </div>
      </Form>
    </Card>
  );
}
