import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/layout";
import { vendorDeviceCookie } from "~/modules/auth/cookies.server";
import { readVendorSessionToken } from "~/modules/portal/invite-links.server";
import {
  describeVendorVerification,
  resendVendorCode,
  verifyVendorCode,
} from "~/modules/portal/vendor-devices-code.server";
import { readFormData } from "~/utils/form-data.server";
import { clientIp } from "~/utils/request-context.server";
import { useT } from "~/utils/use-t";
import { translatedTitle } from "~/utils/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { name: "robots", content: "noindex, nofollow" },
  translatedTitle(matches, "access.verifyTitle"),
];

/** The code page of a new browser: only an unverified vendor session gets here. */
export async function loader({ request }: LoaderFunctionArgs) {
  const verification = await describeVendorVerification(await readVendorSessionToken(request));
  if (verification.state === "none") throw redirect("/portal/ended");
  if (verification.state === "verified") throw redirect("/portal");
  return verification;
}

type ActionResult = {
  message:
    "codeInvalid" | "codeExpired" | "codeMalformed" | "resendTooSoon" | "rateLimited" | "resent";
  attempts?: number;
  seconds?: number;
  minutes?: number;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const token = await readVendorSessionToken(request);
  const ip = clientIp(context);
  if (form.get("intent") === "resend") {
    const sent = await resendVendorCode(token, ip);
    switch (sent.kind) {
      case "no_session":
        throw redirect("/portal/ended");
      case "already_verified":
        throw redirect("/portal");
      case "too_soon":
        return data<ActionResult>(
          { message: "resendTooSoon", seconds: sent.retryAfterSeconds },
          { status: 429 },
        );
      case "rate_limited":
        return data<ActionResult>(
          { message: "rateLimited", minutes: Math.ceil(sent.retryAfterSeconds / 60) },
          { status: 429 },
        );
      case "sent":
        return data<ActionResult>({ message: "resent" });
    }
  }
  const code = form.get("code");
  const result = await verifyVendorCode(
    token,
    typeof code === "string" ? code.slice(0, 20) : "",
    ip,
  );
  switch (result.kind) {
    case "ok":
      // The device cookie (Path=/invite) lets the next "Continue" from this browser skip the code.
      throw redirect("/portal", {
        headers: { "Set-Cookie": await vendorDeviceCookie().serialize(result.deviceToken) },
      });
    case "already_verified":
      throw redirect("/portal");
    case "no_session":
      throw redirect("/portal/ended");
    case "dead":
      throw redirect("/portal/ended?reason=attempts");
    case "malformed":
      return data<ActionResult>({ message: "codeMalformed" }, { status: 400 });
    case "expired":
      return data<ActionResult>({ message: "codeExpired" }, { status: 400 });
    case "invalid":
      return data<ActionResult>(
        { message: "codeInvalid", attempts: result.attemptsLeft },
        { status: 400 },
      );
    case "rate_limited":
      return data<ActionResult>(
        { message: "rateLimited", minutes: Math.ceil(result.retryAfterSeconds / 60) },
        { status: 429 },
      );
  }
}

export default function PortalVerifyPage() {
  const pending = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t } = useT();
  const error =
    result &&
    result.message !== "resent" &&
    result.message !== "resendTooSoon" &&
    result.message !== "rateLimited"
      ? result.message
      : null;
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <h1 className="text-xl font-semibold">{t("access.verifyTitle")}</h1>
        <p className="mt-3 text-slate-700">
          {t("access.verifyBody", { email: pending.maskedEmail, minutes: pending.codeMinutes })}
        </p>
        <p className="mt-2 text-sm text-slate-600">
          {t("access.verifyDeviceNote", { days: pending.deviceDays })}
        </p>
        {result?.message === "resent" ? (
          <div className="mt-3">
            <Alert tone="success">{t("access.resent")}</Alert>
          </div>
        ) : null}
        {result?.message === "resendTooSoon" ? (
          <div className="mt-3">
            <Alert tone="warning">
              {t("access.resendTooSoon", { seconds: result.seconds ?? 60 })}
            </Alert>
          </div>
        ) : null}
        {result?.message === "rateLimited" ? (
          <div className="mt-3">
            <Alert tone="error">{t("access.rateLimited", { minutes: result.minutes ?? 1 })}</Alert>
          </div>
        ) : null}
        <Form method="post" className="mt-5 space-y-3">
          <input type="hidden" name="intent" value="verify" />
          <TextField
            label={t("access.codeLabel")}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            maxLength={7}
            required
            autoFocus
            error={error ? t(`access.${error}`, { attempts: result?.attempts ?? 0 }) : null}
          />
          <Button type="submit">{t("access.verifySubmit")}</Button>
        </Form>
        <Form method="post" className="mt-4">
          <input type="hidden" name="intent" value="resend" />
          <Button type="submit" variant="secondary">
            {t("access.resend")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
