// Public report verification, no login (ADR 0023: guard → parse → use case → view model): the
// upload is checked by checkUploadedReport (app/modules/signing: rate limit, size limits before
// buffering, parser worker, 503 when busy); the page is VerifyPage (app/components/verify).
// Every outcome, garbage included, is a verdict panel or a message, never an error page.
import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { VerifyPage } from "~/components/verify/verify-page";
import {
  checkUploadedReport,
  type VerifyActionData,
} from "~/modules/signing/check-uploaded-report.server";
import { translatedTitle } from "~/utils/page-title";
import { clientIp } from "~/utils/request-context.server";

export const meta: MetaFunction = ({ matches }) => [translatedTitle(matches, "verify.title")];

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const out = new Headers({ "Cache-Control": "no-store" });
  for (const name of ["Retry-After", "Connection"]) {
    const value = actionHeaders.get(name);
    if (value) out.set(name, value);
  }
  return out;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const outcome = await checkUploadedReport({ request, ip: clientIp(context) });
  return data<VerifyActionData>(outcome.body, { status: outcome.status, headers: outcome.headers });
}

export default function VerifyRoute() {
  const actionData = useActionData<typeof action>();
  return <VerifyPage actionData={actionData} />;
}
