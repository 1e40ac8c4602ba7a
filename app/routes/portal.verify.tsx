import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { VerifyCodeCard } from "~/components/portal/verify-code-card";
import { readVendorSessionToken } from "~/modules/portal/invite-links.server";
import {
  runVendorVerifyAction,
  type VerifyActionData,
} from "~/modules/portal/run-vendor-verify-action.server";
import { describeVendorVerification } from "~/modules/portal/vendor-devices-code.server";
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
  const result = await runVendorVerifyAction({
    form: await readFormData(request),
    token: await readVendorSessionToken(request),
    ip: clientIp(context),
  });
  if ("redirectTo" in result) throw redirect(result.redirectTo, { headers: result.headers });
  return data<VerifyActionData>(result.body, { status: result.status });
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
