import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { FormActions } from "~/components/vendors/form-actions";
import { VendorFormFields } from "~/components/vendors/vendor-form-fields";
import { requirePermission } from "~/modules/auth/guards.server";
import { createVendor } from "~/modules/vendors/create-vendor.server";
import { readFormData } from "~/modules/vendors/vendor-forms.server";
import {
  formFieldErrors,
  readVendorForm,
  type VendorFormValues,
} from "~/modules/vendors/vendor-fields";
import { vendorFieldsSchema } from "~/modules/vendors/vendor-schemas";
import { runUseCase } from "~/utils/http.server";
import { translate, type Locale, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction = ({ matches }) => {
  const locale =
    (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [{ title: `${translate(locale, "vendors.newVendorTitle")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "vendor:edit");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "vendor:edit");
  const values = readVendorForm(await readFormData(request));
  const parsed = vendorFieldsSchema.safeParse(values);
  if (!parsed.success) {
    return data({ values, errors: formFieldErrors(parsed.error.issues) }, { status: 400 });
  }
  const vendor = await runUseCase(() => createVendor({ actor, input: parsed.data }));
  return redirect(`/vendors/${vendor.id}?notice=created`);
}

const EMPTY: VendorFormValues = {
  name: "",
  website: "",
  country: "",
  criticality: "MEDIUM",
  description: "",
  tags: "",
};

export default function NewVendorPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const values = actionData?.values ?? EMPTY;
  const errors: Partial<Record<string, MessageKey>> = actionData?.errors ?? {};
  return (
    <div className="max-w-2xl">
      <PageHeader title={t("vendors.newVendorTitle")} />
      <Card>
        {actionData?.errors ? <Alert tone="error">{t("common.formErrors")}</Alert> : null}
        <Form method="post" className="mt-3 space-y-4">
          <VendorFormFields values={values} errors={errors} />
          <FormActions
            submitLabel={t("vendors.createVendor")}
            cancelTo="/vendors"
            pending={navigation.state === "submitting"}
          />
        </Form>
      </Card>
    </div>
  );
}
