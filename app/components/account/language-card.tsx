import { Form, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { Card } from "~/components/ui/layout";
import type { AccountActionData } from "~/modules/auth/run-account-action.server";
import { isLocale, LOCALES } from "~/utils/i18n";
import { Toast } from "~/components/ui/toast";
import { useT } from "~/utils/use-t";

/** The language preference; a saved choice comes back as ?saved=language (a redirect). */
export function LanguageCard({
  account,
  actionData,
  busy,
}: {
  account: { locale: string | null };
  actionData: AccountActionData | undefined;
  busy: boolean;
}) {
  const { t, tm, locale } = useT();
  const [searchParams] = useSearchParams();
  const savedLanguage = searchParams.get("saved") === "language";
  return (
    <Card title={t("auth.languagePreference")}>
      {savedLanguage ? (
        <div className="mb-3">
          <Toast>{t("auth.languageSaved")}</Toast>
        </div>
      ) : null}
      <Form method="post" className="flex max-w-md items-end gap-3">
        <input type="hidden" name="intent" value="setLocale" />
        <div className="flex-1">
          <SelectField
            label={t("common.language")}
            name="locale"
            defaultValue={account.locale && isLocale(account.locale) ? account.locale : locale}
            options={LOCALES.map((l) => ({
              value: l,
              label: l === "de" ? t("common.german") : t("common.english"),
            }))}
            error={
              actionData?.intent === "setLocale" && actionData.fieldErrors?.locale
                ? tm(actionData.fieldErrors.locale)
                : null
            }
          />
        </div>
        <Button type="submit" disabled={busy}>
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
