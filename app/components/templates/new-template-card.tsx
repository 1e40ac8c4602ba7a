import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import { labelKey, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

const ERROR_KEYS: Record<string, MessageKey> = { keyTaken: "templates.keyTaken" };

/**
 * The form that creates an empty template (key and both titles); after a refused submit it shows
 * each field's error and keeps what was typed.
 */
export function NewTemplateCard({
  errors,
  values,
}: {
  errors: Record<string, string> | undefined;
  values: Record<string, string>;
}) {
  const { t } = useT();
  const message = (field: string) =>
    errors?.[field]
      ? t(
          ERROR_KEYS[errors[field]] ??
            labelKey("templates.", errors[field]) ??
            "errors.invalidInput",
        )
      : undefined;
  return (
    <Card title={t("templates.newTemplate")} className="max-w-2xl">
      <p className="mb-3 text-sm text-slate-600">{t("templates.newTemplateHint")}</p>
      {errors ? <Alert tone="error">{t("common.formErrors")}</Alert> : null}
      <Form method="post" className="mt-3 space-y-4">
        <TextField
          label={t("templates.key")}
          name="key"
          required
          maxLength={80}
          hint={t("templates.keyHint")}
          defaultValue={values.key ?? ""}
          error={message("key")}
        />
        <TextField
          label={t("templates.titleEn")}
          name="titleEn"
          required
          maxLength={200}
          defaultValue={values.titleEn ?? ""}
          error={message("titleEn")}
        />
        <TextField
          label={t("templates.titleDe")}
          name="titleDe"
          required
          maxLength={200}
          defaultValue={values.titleDe ?? ""}
          error={message("titleDe")}
        />
        <Button type="submit">{t("templates.create")}</Button>
      </Form>
    </Card>
  );
}
