import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import { newAssessmentOptions } from "~/modules/assessments/list-assessments.server";
import {
  startAssessment,
  startAssessmentSchema,
} from "~/modules/assessments/start-assessment.server";
import { installBundledTemplatesForActor } from "~/modules/questionnaires/install-bundled-templates.server";
import { latestPublishedVersions } from "~/modules/templates/list-templates.server";
import { fieldErrors, runUseCase } from "~/utils/http.server";
import { useT } from "~/utils/use-t";
import { readFormData } from "~/utils/form-data.server";
import { translatedTitle } from "~/utils/page-title";

export const meta: MetaFunction = ({ matches }) => [
  translatedTitle(matches, "assessments.newAssessment"),
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "assessment:edit");
  // Without any template (an organisation created since the server started) the page offers to
  // install the bundled ones: a POST, because a loader never writes (ADR 0023).
  const templates = await latestPublishedVersions(actor);
  // Every template's latest published version: older versions stay pinned to the assessments
  // that use them, new assessments start on the current one.
  const { vendors } = await newAssessmentOptions(actor);
  return { vendors, templates };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "assessment:edit");
  const form = Object.fromEntries(await readFormData(request));
  if (form.intent === "installBundledTemplates") {
    await installBundledTemplatesForActor(actor);
    return redirect(`/assessments/new${new URL(request.url).search}`);
  }
  const parsed = startAssessmentSchema.safeParse(form);
  if (!parsed.success) {
    return data(
      { errors: fieldErrors(parsed.error.issues), values: form as Record<string, string> },
      { status: 400 },
    );
  }
  const assessment = await runUseCase(() => startAssessment(actor, parsed.data));
  return redirect(`/assessments/${assessment.id}`);
}

export default function NewAssessmentPage() {
  const { vendors, templates } = useLoaderData<typeof loader>();
  // The full due-diligence questionnaire is what most assessments start from.
  const defaultTemplate =
    templates.find((tpl) => tpl.key === "ai-vendor-due-diligence") ?? templates[0];
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, tm } = useT();
  const values = actionData?.values ?? {};
  const [vendorId, setVendorId] = useState(
    String(values.vendorId ?? params.get("vendorId") ?? vendors[0]?.id ?? ""),
  );
  const vendor = vendors.find((v) => v.id === vendorId);
  if (templates.length === 0) {
    return (
      <div className="max-w-2xl">
        <PageHeader title={t("assessments.newAssessment")} />
        <Card>
          <p className="text-sm text-slate-700">{t("assessments.noTemplatesYet")}</p>
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="installBundledTemplates" />
            <Button type="submit" data-testid="install-bundled-templates">
              {t("assessments.installBundledTemplates")}
            </Button>
          </Form>
        </Card>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <PageHeader title={t("assessments.newAssessment")} />
      <Card>
        {actionData?.errors ? <Alert tone="error">{t("common.formErrors")}</Alert> : null}
        <Form method="post" className="mt-3 space-y-4">
          <SelectField
            label={t("assessments.vendor")}
            name="vendorId"
            value={vendorId}
            onChange={(e) => setVendorId(e.target.value)}
            options={vendors.map((v) => ({ value: v.id, label: v.name }))}
            error={actionData?.errors?.vendorId ? tm(actionData.errors.vendorId) : undefined}
            required
          />
          <SelectField
            label={t("assessments.product")}
            name="productId"
            defaultValue={String(values.productId ?? "")}
            options={[
              { value: "", label: t("assessments.noProduct") },
              ...(vendor?.products ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
          <SelectField
            label={t("assessments.template")}
            name="templateVersionId"
            defaultValue={String(values.templateVersionId ?? defaultTemplate?.id ?? "")}
            options={templates.map((tpl) => ({ value: tpl.id, label: tpl.label }))}
            error={
              actionData?.errors?.templateVersionId
                ? tm(actionData.errors.templateVersionId)
                : undefined
            }
            required
          />
          <TextField
            label={t("assessments.assessmentTitle")}
            name="title"
            required
            maxLength={200}
            defaultValue={String(
              values.title ?? (vendor ? `${vendor.name} – AI due diligence` : ""),
            )}
            key={vendorId}
            error={actionData?.errors?.title ? tm(actionData.errors.title) : undefined}
          />
          <TextField
            label={t("assessments.dueDate")}
            name="dueDate"
            type="date"
            defaultValue={String(values.dueDate ?? "")}
            error={actionData?.errors?.dueDate ? tm(actionData.errors.dueDate) : undefined}
          />
          <Button type="submit">{t("assessments.create")}</Button>
        </Form>
      </Card>
    </div>
  );
}
