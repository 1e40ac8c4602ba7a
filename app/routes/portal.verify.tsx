import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { VerifyCodeCard, type VerifyActionData } from "~/components/portal/verify-code-card";
import { vendorDeviceCookie } from "~/modules/auth/cookies.server";
import { readVendorSessionToken } from "~/modules/portal/invite-links.server";
import {
  describeVendorVerification,
  resendVendorCode,
  verifyVendorCode,
} from "~/modules/portal/vendor-devices-code.server";
import { readFormData } from "~/utils/form-data.server";
import { clientIp } from "~/utils/request-context.server";
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
        return data<VerifyActionData>(
          { message: "resendTooSoon", seconds: sent.retryAfterSeconds },
          { status: 429 },
        );
      case "rate_limited":
        return data<VerifyActionData>(
          { message: "rateLimited", minutes: Math.ceil(sent.retryAfterSeconds / 60) },
          { status: 429 },
        );
      case "sent":
        return data<VerifyActionData>({ message: "resent" });
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
      return data<VerifyActionData>({ message: "codeMalformed" }, { status: 400 });
    case "expired":
      return data<VerifyActionData>({ message: "codeExpired" }, { status: 400 });
    case "invalid":
      return data<VerifyActionData>(
        { message: "codeInvalid", attempts: result.attemptsLeft },
        { status: 400 },
      );
    case "rate_limited":
      return data<VerifyActionData>(
        { message: "rateLimited", minutes: Math.ceil(result.retryAfterSeconds / 60) },
        { status: 429 },
      );
  }
}

export default function PortalVerifyPage() {
  const pending = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as VerifyActionData | undefined;
  return (
    <div className="mx-auto max-w-lg">
      <VerifyCodeCard pending={pending} result={result} />
    </div>
  );
}
