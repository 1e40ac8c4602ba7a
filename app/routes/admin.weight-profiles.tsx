import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { ProfileCard } from "~/components/weights/profile-card";
import { ProfileForm } from "~/components/weights/profile-form";
import { requirePermission } from "~/modules/auth/guards.server";
import {
  runWeightProfileAction,
  type WeightProfileActionData,
} from "~/modules/weights/run-weight-profile-action.server";
import { weightableSections } from "~/modules/weights/template-sections.server";
import { listWeightProfiles } from "~/modules/weights/weight-profiles.server";
import { readFormData } from "~/utils/form-data.server";
import { translatedTitle } from "~/utils/page-title";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction = ({ matches }) => [translatedTitle(matches, "weights.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "weight-profile:manage");
  const [profiles, template] = await Promise.all([
    listWeightProfiles(actor),
    weightableSections(actor),
  ]);
  return { profiles, ...template };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "weight-profile:manage");
  const result = await runWeightProfileAction(actor, await readFormData(request));
  return data<WeightProfileActionData>(result.body, { status: result.status });
}

export default function WeightProfilesPage() {
  const { profiles, sections } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  // Errors belong to the form that was sent: a profile's, or the new profile's ("").
  const errorsFor = (id: string | undefined) =>
    actionData && !actionData.ok && (actionData.profileId ?? "") === (id ?? "")
      ? actionData.errors
      : undefined;
  const hasDefault = profiles.some((p) => p.isDefault);
  return (
    <div className="space-y-6">
      <PageHeader title={t("weights.title")}>{t("weights.intro")}</PageHeader>
      {actionData?.ok && actionData.message ? (
        <Alert tone="success">{t(actionData.message)}</Alert>
      ) : null}
      {!hasDefault ? (
        <p className="text-sm text-slate-700" data-testid="template-weights-active">
          {t("weights.templateWeightsActive")}
        </p>
      ) : null}
      {profiles.length === 0 ? <p className="text-slate-600">{t("weights.none")}</p> : null}
      {profiles.map((profile) => (
        <ProfileCard
          key={profile.id}
          profile={profile}
          sections={sections}
          errors={errorsFor(profile.id)}
        />
      ))}
      <Card title={t("weights.create")}>
        <ProfileForm sections={sections} errors={errorsFor(undefined)} />
      </Card>
    </div>
  );
}
