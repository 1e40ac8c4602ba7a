import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { BackToVendorLink } from "~/components/vendors/back-to-vendor-link";
import { FormActions } from "~/components/vendors/form-actions";
import { ProductFormFields } from "~/components/vendors/product-form-fields";
import { requirePermission } from "~/modules/auth/guards.server";
import { createProduct } from "~/modules/vendors/create-product.server";
import { getVendor } from "~/modules/vendors/get-vendor.server";
import { readFormData } from "~/modules/vendors/vendor-forms.server";
import {
  formFieldErrors,
  readProductForm,
  type ProductFormValues,
} from "~/modules/vendors/vendor-fields";
import { productFieldsSchema } from "~/modules/vendors/vendor-schemas";
import { runUseCase } from "~/utils/http.server";
import { translate, type Locale, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => {
  const locale =
    (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [
    {
      title: `${translate(locale, "vendors.newProductTitle", { vendor: loaderData?.vendor.name ?? "" })} · Vetted`,
    },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "vendor:edit");
  const vendor = await runUseCase(() =>
    getVendor({ actor, input: { vendorId: params.vendorId ?? "" } }),
  );
  return { vendor: { id: vendor.id, name: vendor.name, archived: Boolean(vendor.archivedAt) } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "vendor:edit");
  const vendorId = params.vendorId ?? "";
  const values = readProductForm(await readFormData(request));
  const parsed = productFieldsSchema.safeParse(values);
  if (!parsed.success) {
    return data({ values, errors: formFieldErrors(parsed.error.issues) }, { status: 400 });
  }
  await runUseCase(() => createProduct({ actor, input: { vendorId, ...parsed.data } }));
  return redirect(`/vendors/${vendorId}?notice=productCreated#products`);
}

const EMPTY: ProductFormValues = {
  name: "",
  description: "",
  foundationModel: "",
  hostingRegions: [],
  dataCategories: [],
};

export default function NewProductPage() {
  const { vendor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const values = actionData?.values ?? EMPTY;
  const errors: Partial<Record<string, MessageKey>> = actionData?.errors ?? {};

  return (
    <div className="max-w-2xl space-y-4">
      <BackToVendorLink vendor={vendor} />
      <PageHeader title={t("vendors.newProductTitle", { vendor: vendor.name })} />
      {vendor.archived ? (
        <Alert tone="warning">{t("vendors.archivedReadOnly")}</Alert>
      ) : (
        <Card>
          {actionData?.errors ? <Alert tone="error">{t("common.formErrors")}</Alert> : null}
          <Form method="post" className="mt-3 space-y-4">
            <ProductFormFields values={values} errors={errors} />
            <FormActions
              submitLabel={t("vendors.createProduct")}
              cancelTo={`/vendors/${vendor.id}`}
              pending={navigation.state === "submitting"}
            />
          </Form>
        </Card>
      )}
    </div>
  );
}
