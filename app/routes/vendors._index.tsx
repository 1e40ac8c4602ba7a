import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert, PageHeader } from "~/components/ui/layout";
import { VendorFilters } from "~/components/vendors/vendor-filters";
import { VendorTable } from "~/components/vendors/vendor-table";
import { requireUser } from "~/modules/auth/guards.server";
import { can } from "~/utils/permissions";
import { listVendors } from "~/modules/vendors/list-vendors.server";
import { translate, type Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import type { ShellHandle } from "~/components/app-shell";

/** A table page: it uses the full width beside the navigation. */
export const handle: ShellHandle = { layout: "wide" };

export const meta: MetaFunction = ({ matches }) => {
  const locale =
    (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [{ title: `${translate(locale, "vendors.title")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const params = new URL(request.url).searchParams;
  const list = await listVendors({
    actor,
    input: {
      q: params.get("q"),
      criticality: params.get("criticality"),
      includeArchived: params.get("archived") === "1",
      page: params.get("page"),
    },
  });
  return { ...list, canWrite: can(actor.role, "vendor:edit") };
}

export default function VendorsPage() {
  const { items, total, page, pageCount, query, canWrite } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, number } = useT();
  const filtered = Boolean(query.q || query.criticality || query.includeArchived);

  const pageLink = (target: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(target));
    return `?${next.toString()}`;
  };

  return (
    <div>
      <PageHeader
        title={t("vendors.title")}
        actions={
          canWrite ? (
            <Link
              to="/vendors/new"
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              {t("vendors.newVendor")}
            </Link>
          ) : null
        }
      >
        {t("vendors.intro")}
      </PageHeader>

      {params.get("notice") === "deleted" ? (
        <div className="mb-4">
          <Alert tone="success">{t("vendors.noticeVendorDeleted")}</Alert>
        </div>
      ) : null}

      <VendorFilters query={query} filtered={filtered} />

      {items.length === 0 ? (
        <p className="text-slate-600">
          {filtered
            ? t("vendors.noMatches")
            : canWrite
              ? t("vendors.emptyListWriter")
              : t("vendors.emptyList")}
        </p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite">
            {t("vendors.resultCount", { count: number(total) })}
          </p>
          <VendorTable items={items} />
          {pageCount > 1 ? (
            <nav
              aria-label={t("vendors.pagination")}
              className="mt-4 flex items-center gap-4 text-sm"
            >
              {page > 1 ? (
                <Link to={pageLink(page - 1)} rel="prev" className="underline">
                  {t("vendors.previousPage")}
                </Link>
              ) : null}
              <span aria-current="page">{t("vendors.pageOf", { page, pageCount })}</span>
              {page < pageCount ? (
                <Link to={pageLink(page + 1)} rel="next" className="underline">
                  {t("vendors.nextPage")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
