import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import { requireUser } from "~/modules/auth/guards.server";
import { SECOND_FACTOR_CODE_MAX_CHARS, stepUp } from "~/modules/auth/verify-second-factor.server";
import { runUseCase } from "~/utils/http.server";
import { getEnv } from "~/utils/env.server";
import { safeRedirectPath } from "~/utils/safe-redirect.server";
import { useT } from "~/utils/use-t";
import { readFormData } from "~/utils/form-data.server";
import { translatedTitle } from "~/utils/page-title";

export const meta: MetaFunction = ({ matches }) => [translatedTitle(matches, "auth.stepUpTitle")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return { minutes: getEnv().MFA_STEP_UP_MINUTES };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireUser(request, context);
  const form = await readFormData(request);
  const result = await runUseCase(() =>
    stepUp(actor, String(form.get("code") ?? "").slice(0, SECOND_FACTOR_CODE_MAX_CHARS)),
  );
  if (result.kind === "rate_limited") {
    return data(
      { error: "rateLimited" as const, minutes: Math.ceil(result.retryAfterSeconds / 60) },
      { status: 429 },
    );
  }
  if (result.kind !== "ok")
    return data({ error: "invalidCode" as const, minutes: 0 }, { status: 400 });
  return redirect(safeRedirectPath(form.get("redirectTo"), "/"));
}

export default function StepUpPage() {
  const { minutes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useT();
  return (
    <div className="mx-auto max-w-md">
      <Card title={t("auth.stepUpTitle")} level={1}>
        <p className="mb-3 text-sm text-slate-700">{t("auth.stepUpBody", { minutes })}</p>
        {actionData?.error === "invalidCode" ? (
          <Alert tone="error">{t("auth.invalidCode")}</Alert>
        ) : null}
        {actionData?.error === "rateLimited" ? (
          <Alert tone="error">{t("auth.rateLimited", { minutes: actionData.minutes })}</Alert>
        ) : null}
        <Form method="post" className="mt-3 space-y-3">
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <TextField
            label={t("auth.code")}
            name="code"
            autoComplete="one-time-code"
            required
            autoFocus
          />
          <Button type="submit">{t("auth.verify")}</Button>
        </Form>
      </Card>
    </div>
  );
}
