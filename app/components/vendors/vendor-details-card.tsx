import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/layout";
import { portfolioTagHref } from "~/modules/vendors/vendor-tags";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { CountryName } from "./country-name";
import type { VendorView } from "./vendor-view";

/** The vendor's own details: website, country, criticality, description, tags, dates. */
export function VendorDetailsCard({ vendor }: { vendor: VendorView }) {
  const { t, date } = useT();
  const websiteIsLink = vendor.website ? /^https?:\/\//i.test(vendor.website) : false;
  const notSpecified = <span className="text-slate-500">{t("vendors.notSpecified")}</span>;
  return (
    <Card title={t("vendors.details")}>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-slate-600">{t("vendors.website")}</dt>
        <dd>
          {vendor.website ? (
            websiteIsLink ? (
              <a
                href={vendor.website}
                rel="noopener noreferrer nofollow"
                target="_blank"
                className="text-brand-700 underline"
              >
                {vendor.website}
              </a>
            ) : (
              vendor.website
            )
          ) : (
            notSpecified
          )}
        </dd>
        <dt className="font-medium text-slate-600">{t("vendors.country")}</dt>
        <dd>{vendor.country ? <CountryName code={vendor.country} /> : notSpecified}</dd>
        <dt className="font-medium text-slate-600">{t("vendors.criticality")}</dt>
        <dd>{t(labelKey("vendors.criticality", vendor.criticality) ?? "common.unknownValue")}</dd>
        <dt className="font-medium text-slate-600">{t("vendors.description")}</dt>
        <dd className="whitespace-pre-wrap">{vendor.description ?? notSpecified}</dd>
        <dt className="font-medium text-slate-600">{t("vendors.tags")}</dt>
        <dd>
          {vendor.tags.length === 0 ? (
            notSpecified
          ) : (
            <ul className="flex flex-wrap gap-2" data-testid="vendor-tags">
              {vendor.tags.map((tag, index) => (
                <li key={`${index}:${tag}`}>
                  <Link
                    to={portfolioTagHref(tag)}
                    title={t("vendors.tagLinkTitle", { tag })}
                    className="rounded bg-slate-100 px-2 py-0.5 text-brand-700 underline-offset-2 hover:underline"
                  >
                    {`#${tag}`}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt className="font-medium text-slate-600">{t("vendors.createdAt")}</dt>
        <dd>{date(vendor.createdAt, true)}</dd>
        <dt className="font-medium text-slate-600">{t("vendors.updatedAt")}</dt>
        <dd>{date(vendor.updatedAt, true)}</dd>
      </dl>
    </Card>
  );
}
