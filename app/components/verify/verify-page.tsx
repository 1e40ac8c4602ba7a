import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/layout";
import type { VerifyActionData } from "~/modules/signing/check-uploaded-report.server";
import { VERIFY_MAX_BYTES } from "~/modules/signing/verify-limits";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { VerdictPanel } from "./verdict-panel";

const MAX_MB = VERIFY_MAX_BYTES / (1024 * 1024);

/** The public verification page: the upload form, a refusal's message, and the verdict. */
export function VerifyPage({ actionData }: { actionData: VerifyActionData | undefined }) {
  const navigation = useNavigation();
  const { t } = useT();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Card>
        <h1 className="mb-2 text-2xl font-semibold">{t("verify.title")}</h1>
        <p className="mb-4 text-slate-700">{t("verify.intro")}</p>
        {actionData && "error" in actionData ? (
          <Alert tone="error">
            {actionData.error === "rateLimited"
              ? t("verify.rateLimited", { minutes: actionData.minutes ?? 5 })
              : actionData.error === "tooLarge"
                ? t("verify.tooLarge", { size: MAX_MB })
                : t(labelKey("verify.", actionData.error) ?? "common.unknownValue")}
          </Alert>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="mt-4 space-y-4">
          <div>
            <label htmlFor="verify-file" className="block text-sm font-medium text-slate-800">
              {t("verify.fileLabel")}
            </label>
            <input
              id="verify-file"
              name="file"
              type="file"
              accept="application/pdf,.pdf"
              required
              className="mt-1 block w-full text-sm"
              aria-describedby="verify-file-hint"
            />
            <p id="verify-file-hint" className="mt-1 text-xs text-slate-600">
              {t("verify.fileHint", { size: MAX_MB })}
            </p>
          </div>
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("verify.checking") : t("verify.submit")}
          </Button>
        </Form>
      </Card>
      {actionData && "result" in actionData ? <VerdictPanel result={actionData.result} /> : null}
      <p className="text-xs text-slate-600">{t("verify.cliHint")}</p>
    </div>
  );
}
