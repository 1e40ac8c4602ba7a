import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Picker, Refusal } from "~/components/comparison/compare-picker";
import { ComparisonView } from "~/components/comparison/comparison-view";
import { PageHeader } from "~/components/ui/layout";
import { getSessionUserLocale, requireUser } from "~/modules/auth/guards.server";
import { canonicalCompareUrl, MAX_CANDIDATES } from "~/modules/comparison/comparison-params";
import { getComparePage } from "~/modules/comparison/get-compare-page.server";
import { resolveLocale } from "~/utils/locale.server";
import { translate, type Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import type { ShellHandle } from "~/components/app-shell";

/** A table page: it uses the full width beside the navigation. */
export const handle: ShellHandle = { layout: "wide" };

export const meta: MetaFunction = ({ matches }) => {
  const locale =
    (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [{ title: `${translate(locale, "compare.title")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const params = new URL(request.url).searchParams;
  const canonical = canonicalCompareUrl(params);
  if (canonical) throw redirect(canonical);
  // The page's view in the reader's language (the root loader resolves the same one).
  const locale = await resolveLocale(request, await getSessionUserLocale(request, context));
  return getComparePage(actor, params, locale);
}

export default function ComparePage() {
  const { vendorIds, profileId, choices, profiles, result, search } =
    useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="space-y-6">
      <PageHeader title={t("compare.title")} />
      <Picker
        choices={choices}
        selected={vendorIds.slice(0, MAX_CANDIDATES)}
        profileId={profileId}
        search={search}
      />
      {result && !result.ok ? <Refusal refusal={result.refusal} /> : null}
      {result?.ok ? (
        <ComparisonView
          comparison={result}
          vendorIds={vendorIds}
          profileId={profileId}
          profiles={profiles}
        />
      ) : null}
    </div>
  );
}
