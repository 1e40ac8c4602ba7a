// The organisation's audit trail (ADR 0023: guard → parse → use case → view model): filtered,
// paged events from getAuditPage and, on POST, the verifier's verdict (verifyAuditLog). The
// markup lives in app/components/audit.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AuditEventsCard } from "~/components/audit/audit-events-card";
import { AuditFiltersCard } from "~/components/audit/audit-filters-card";
import { AuditVerifyCard } from "~/components/audit/audit-verify-card";
import { PageHeader } from "~/components/ui/layout";
import { verifyAuditLog } from "~/modules/admin/verify-audit-log.server";
import { getAuditPage } from "~/modules/audit/get-audit-page.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import { isLocale, translate } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import type { ShellHandle } from "~/components/app-shell";

/** A table page: it uses the full width beside the navigation. */
export const handle: ShellHandle = { layout: "wide" };

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)
    ?.locale;
  return [{ title: `${translate(isLocale(locale) ? locale : "en", "audit.title")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "audit:read");
  return getAuditPage(actor, { searchParams: new URL(request.url).searchParams });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "audit:read");
  const form = await readFormData(request);
  if (form.get("intent") !== "verify") return data({ verdict: null }, { status: 400 });
  const verdict = await runUseCase(() => verifyAuditLog(actor));
  return { verdict };
}

export default function AuditRoute() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="space-y-6">
      <PageHeader title={t("audit.title")}>{t("audit.intro")}</PageHeader>
      <AuditVerifyCard verdict={actionData?.verdict ?? null} />
      <AuditFiltersCard view={view} />
      <AuditEventsCard page={view.page} filtered={view.filtered} />
    </div>
  );
}
