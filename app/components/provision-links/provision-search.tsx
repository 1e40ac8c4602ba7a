import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import type { CatalogueProvision } from "~/modules/provision-links/provision-catalogue.server";
import { useT } from "~/utils/use-t";
import { fieldClass } from "./link-row";

/** The picker without JavaScript: a GET search over the catalogue the organisation sees. */
export function ProvisionSearch({
  search,
  results,
}: {
  search: string;
  results: CatalogueProvision[];
}) {
  const { t, locale } = useT();
  return (
    <Card>
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <label className="w-full space-y-1 text-sm sm:w-auto">
          <span className="block font-medium text-slate-800">
            {t("provisionLinks.searchLabel")}
          </span>
          <input
            name="q"
            defaultValue={search}
            maxLength={100}
            className={`${fieldClass} w-full sm:w-96`}
          />
        </label>
        <Button type="submit" variant="secondary">
          {t("provisionLinks.searchSubmit")}
        </Button>
      </Form>
      {search ? (
        results.length === 0 ? (
          <p className="mt-2 text-sm">{t("provisionLinks.searchNoResults", { query: search })}</p>
        ) : (
          <>
            <p className="mt-2 text-xs text-slate-500">{t("provisionLinks.searchHint")}</p>
            <ul className="mt-2 space-y-1 text-sm" data-testid="provision-search-results">
              {results.map((p) => (
                <li key={p.key}>
                  <span className="font-mono text-xs">{p.key}</span> · {p.label}
                  {(locale === "de" ? p.titleDe : p.titleEn)
                    ? ` — ${locale === "de" ? p.titleDe : p.titleEn}`
                    : ""}
                  <span className="text-xs text-slate-500">
                    {" "}
                    ({locale === "de" ? p.instrumentTitleDe : p.instrumentTitleEn} ·{" "}
                    {t(p.confirmed ? "provisionLinks.confirmed" : "provisionLinks.unconfirmed")})
                  </span>
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </Card>
  );
}
