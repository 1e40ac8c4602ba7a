import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, PageHeader } from "~/components/ui/layout";
import { BackToVendorLink } from "~/components/vendors/back-to-vendor-link";
import { ProductEditForms } from "~/components/vendors/product-edit-forms";
import { requirePermission } from "~/modules/auth/guards.server";
import {
  getProductEditPage,
  runProductEditAction,
  type ProductEditActionData,
} from "~/modules/vendors/product-edit-page.server";
import { readFormData } from "~/modules/vendors/vendor-forms.server";
import { translate, type Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => {
  const locale =
    (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  const name = loaderData?.product.name ?? "";
  return [{ title: `${translate(locale, "vendors.editProductTitle", { name })} · Vetted` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "vendor:edit");
  return getProductEditPage(actor, {
    vendorId: params.vendorId ?? "",
    productId: params.productId ?? "",
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "vendor:edit");
  const result = await runProductEditAction(actor, {
    vendorId: params.vendorId ?? "",
    productId: params.productId ?? "",
    form: await readFormData(request),
  });
  if ("redirectTo" in result) return redirect(result.redirectTo);
  return data<ProductEditActionData>(result.body, { status: result.status });
}

export default function EditProductPage() {
  const { vendor, product } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  return (
    <div className="max-w-2xl space-y-4">
      <BackToVendorLink vendor={vendor} />
      <PageHeader title={t("vendors.editProductTitle", { name: product.name })} />
      {vendor.archived ? (
        <Alert tone="warning">{t("vendors.archivedReadOnly")}</Alert>
      ) : (
        <ProductEditForms
          vendorId={vendor.id}
          product={product}
          actionData={actionData}
          pending={navigation.state === "submitting"}
        />
      )}
    </div>
  );
}
