import { Link } from "@remix-run/react";
import { dataCategoryLabel } from "~/reference-data/data-categories";
import { useT } from "~/utils/use-t";
import { CountryName } from "./country-name";
import { linkButton, type VendorView } from "./vendor-view";

/** The vendor's products with model, hosting regions and data categories; edit links when editable. */
export function VendorProductsSection({
  vendor,
  editable,
}: {
  vendor: VendorView;
  editable: boolean;
}) {
  const { t, locale, number } = useT();
  const notSpecified = <span className="text-slate-500">{t("vendors.notSpecified")}</span>;
  return (
    <section
      id="products"
      aria-labelledby="products-heading"
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="products-heading" className="text-lg font-semibold text-slate-900">
          {t("vendors.productsTitle")}
        </h2>
        {editable ? (
          <Link
            to={`/vendors/${vendor.id}/products/new`}
            className={`${linkButton} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}
          >
            {t("vendors.addProduct")}
          </Link>
        ) : null}
      </div>
      {vendor.products.length === 0 ? (
        <p className="text-sm text-slate-600">{t("vendors.noProducts")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {vendor.products.map((product) => (
            <li key={product.id} className="py-4 first:pt-0 last:pb-0" data-testid="product-item">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h3 className="font-semibold text-slate-900">
                  {product.name}
                  {product.assessmentCount > 0 ? (
                    <span className="ml-2 text-xs font-normal text-slate-600">
                      {t("vendors.productUsedByAssessments", {
                        count: number(product.assessmentCount),
                      })}
                    </span>
                  ) : null}
                </h3>
                {editable ? (
                  <Link
                    to={`/vendors/${vendor.id}/products/${product.id}/edit`}
                    className="text-sm text-brand-700 underline"
                  >
                    {t("vendors.editProduct")}
                    <span className="sr-only">: {product.name}</span>
                  </Link>
                ) : null}
              </div>
              {product.description ? (
                <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">
                  {product.description}
                </p>
              ) : null}
              <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
                <dt className="font-medium text-slate-600">{t("vendors.foundationModel")}</dt>
                <dd>{product.foundationModel ?? notSpecified}</dd>
                <dt className="font-medium text-slate-600">{t("vendors.hostingRegions")}</dt>
                <dd>
                  {product.hostingRegions.length === 0 ? (
                    notSpecified
                  ) : (
                    <ul className="flex flex-wrap gap-x-4 gap-y-1" data-testid="hosting-regions">
                      {product.hostingRegions.map((code) => (
                        <li key={code}>
                          <CountryName code={code} />
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
                <dt className="font-medium text-slate-600">{t("vendors.dataCategories")}</dt>
                <dd>
                  {product.dataCategories.length === 0
                    ? notSpecified
                    : product.dataCategories
                        .map((key) => dataCategoryLabel(key, locale))
                        .join(" · ")}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
