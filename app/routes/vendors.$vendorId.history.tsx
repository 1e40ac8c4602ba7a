import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AssessmentDiff } from "~/components/history/assessment-diff";
import { DiffPicker } from "~/components/history/diff-picker";
import { HistoryChartCard } from "~/components/history/history-chart-card";
import { Card, PageHeader } from "~/components/ui/layout";
import { requireUser } from "~/modules/auth/guards.server";
import { getVendorHistoryPage } from "~/modules/history/get-vendor-history-page.server";
import { translate, type Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => {
  const locale =
    (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  const vendor = loaderData?.history.vendor.name ?? "";
  return [{ title: `${translate(locale, "compare.historyTitle", { vendor })} · Vetted` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const url = new URL(request.url);
  return getVendorHistoryPage(actor, {
    vendorId: params.vendorId ?? "",
    from: url.searchParams.get("from"),
    to: url.searchParams.get("to"),
  });
}

export default function VendorHistoryPage() {
  const { history, from, to, diff } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to={`/vendors/${history.vendor.id}`} className="text-slate-700 underline">
          {t("compare.backToVendor")}
        </Link>
      </p>
      <PageHeader title={t("compare.historyTitle", { vendor: history.vendor.name })} />
      <HistoryChartCard history={history} />
      <Card title={t("compare.diffTitle")}>
        {history.assessments.length < 2 ? (
          <p className="text-sm">{t("compare.diffNeedTwo")}</p>
        ) : (
          <DiffPicker history={history} from={from} to={to} />
        )}
        {diff ? <AssessmentDiff diff={diff} /> : null}
      </Card>
    </div>
  );
}
