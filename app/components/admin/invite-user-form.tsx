import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import type { MemberAdminActionData } from "~/modules/admin/run-member-admin-action.server";
import { LOCALES } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/**
 * Invite a user (email, name, role, language). A refused invitation shows what was typed with
 * the errors; a sent one empties the form (its key changes with the result's nonce).
 */
export function InviteUserForm({
  actionData,
  roleOptions,
  busy,
}: {
  actionData: MemberAdminActionData | undefined;
  roleOptions: { value: string; label: string }[];
  busy: boolean;
}) {
  const { t, tm, locale } = useT();
  const result = actionData?.intent === "invite" ? actionData : undefined;
  const values = result && !result.ok ? result.values : undefined;
  const errors = result?.fieldErrors;
  return (
    <Card title={t("admin.inviteHeading")}>
      {result ? (
        <div className="mb-3">
          <Alert
            tone={
              result.ok
                ? result.message === "admin.invitationSent"
                  ? "success"
                  : "warning"
                : "error"
            }
          >
            {t(result.message, result.params)}
          </Alert>
        </div>
      ) : null}
      <Form
        method="post"
        className="grid gap-4 sm:grid-cols-2"
        key={actionData?.nonce ?? "invite"}
        noValidate
      >
        <input type="hidden" name="intent" value="invite" />
        <TextField
          label={t("admin.inviteEmail")}
          name="email"
          type="email"
          autoComplete="off"
          required
          maxLength={320}
          defaultValue={values?.email ?? ""}
          error={errors?.email ? tm(errors.email) : null}
        />
        <TextField
          label={t("admin.inviteName")}
          name="name"
          autoComplete="off"
          required
          maxLength={200}
          defaultValue={values?.name ?? ""}
          error={errors?.name ? tm(errors.name) : null}
        />
        <SelectField
          label={t("admin.inviteRole")}
          name="role"
          options={roleOptions}
          defaultValue={values?.role ?? "ASSESSOR"}
          error={errors?.role ? tm(errors.role) : null}
        />
        <SelectField
          label={t("admin.inviteLanguage")}
          hint={t("admin.inviteLanguageHint")}
          name="locale"
          options={LOCALES.map((l) => ({
            value: l,
            label: l === "de" ? t("common.german") : t("common.english"),
          }))}
          defaultValue={values?.locale || locale}
          error={errors?.locale ? tm(errors.locale) : null}
        />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={busy}>
            {t("admin.sendInvitation")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
