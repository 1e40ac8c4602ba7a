import { errorBodyMessage, type LocalizedMessage } from "~/utils/i18n";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextAreaField, TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import { weightProfileInputSchema, weightsFromForm } from "~/modules/weights/weight-profile-schema";
import {
  createWeightProfile,
  deleteWeightProfile,
  listWeightProfiles,
  setDefaultWeightProfile,
  updateWeightProfile,
} from "~/modules/weights/weight-profiles.server";
import { weightableSections } from "~/modules/weights/template-sections.server";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import type { MessageKey } from "~/utils/i18n";
import { fieldErrors } from "~/utils/validation-messages";
import { useT } from "~/utils/use-t";
import { translatedTitle } from "~/utils/page-title";

export const meta: MetaFunction = ({ matches }) => [translatedTitle(matches, "weights.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "weight-profile:manage");
  const [profiles, template] = await Promise.all([listWeightProfiles(actor), weightableSections(actor)]);
  return { profiles, ...template };
}

/** Field errors as message keys with parameters, translated in the reader's language by the view. */
type ActionResult = { ok: boolean; errors?: Record<string, LocalizedMessage>; message?: MessageKey; profileId?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "weight-profile:manage");
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const profileId = String(form.get("profileId") ?? "");
  try {
    if (intent === "setDefault") {
      await runUseCase(() => setDefaultWeightProfile(actor, profileId || null));
      return data<ActionResult>({ ok: true, message: "weights.saved" });
    }
    if (intent === "delete") {
      if (form.get("confirm") !== "yes") return data<ActionResult>({ ok: false, profileId, errors: { confirm: { key: "weights.deleteConfirm" } } }, { status: 400 });
      await runUseCase(() => deleteWeightProfile(actor, profileId));
      return data<ActionResult>({ ok: true, message: "weights.saved" });
    }
    if (intent !== "create" && intent !== "update") return data<ActionResult>({ ok: false, errors: { _form: { key: "common.badRequestTitle" } } }, { status: 400 });
    const weights = weightsFromForm(form);
    if (!weights.ok) return data<ActionResult>({ ok: false, profileId, errors: weights.errors }, { status: 400 });
    const { questionKeys, sections } = await weightableSections(actor);
    const unknown = [
      ...Object.keys(weights.weights.sectionWeights).filter((k) => !sections.some((s) => s.key === k)),
      ...Object.keys(weights.weights.questionWeights).filter((k) => !questionKeys.includes(k)),
    ];
    if (unknown.length > 0) return data<ActionResult>({ ok: false, profileId, errors: { questionWeights: { key: "weights.unknownKeys", params: { keys: unknown.join(", ") } } } }, { status: 400 });
    const parsed = weightProfileInputSchema.safeParse({ name: form.get("name"), description: form.get("description") ?? undefined, weights: weights.weights });
    if (!parsed.success) return data<ActionResult>({ ok: false, profileId, errors: fieldErrors(parsed.error.issues) }, { status: 400 });
    if (intent === "create") await runUseCase(() => createWeightProfile(actor, parsed.data));
    else await runUseCase(() => updateWeightProfile(actor, profileId, Number(form.get("version")), parsed.data));
    return data<ActionResult>({ ok: true, message: "weights.saved" });
  } catch (error) {
    // runUseCase turned domain errors into responses; a conflict is shown on the form instead.
    if (error instanceof Response && error.status === 409) {
      return data<ActionResult>({ ok: false, profileId, errors: { name: errorBodyMessage(await error.json()) ?? { key: "weights.changedMeanwhile" } } }, { status: 409 });
    }
    throw error;
  }
}

function ProfileForm({ profile, errors }: { profile?: { id: string; name: string; description: string | null; version: number; weights: { sectionWeights: Record<string, number>; questionWeights: Record<string, number> } }; errors?: Record<string, LocalizedMessage> }) {
  const { sections } = useLoaderData<typeof loader>();
  const { t, tm, locale } = useT();
  const message = (value: LocalizedMessage | undefined) => (value ? tm(value) : null);
  return (
    <Form method="post" className="space-y-3">
      <input type="hidden" name="intent" value={profile ? "update" : "create"} />
      {profile ? <input type="hidden" name="profileId" value={profile.id} /> : null}
      {profile ? <input type="hidden" name="version" value={profile.version} /> : null}
      <TextField label={t("weights.name")} name="name" required maxLength={80} defaultValue={profile?.name ?? ""} error={message(errors?.name)} />
      <TextField label={t("weights.description")} name="description" maxLength={500} defaultValue={profile?.description ?? ""} error={message(errors?.description)} />
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">{t("weights.sectionWeights")}</legend>
        {sections.map((section) => (
          <TextField
            key={section.key}
            label={`${section.title[locale]} (${t("weights.templateWeight", { weight: section.weight })})`}
            name={`section.${section.key}`}
            inputMode="decimal"
            defaultValue={profile?.weights.sectionWeights[section.key]?.toString() ?? ""}
            error={message(errors?.[`section.${section.key}`])}
          />
        ))}
      </fieldset>
      {errors?.sectionWeights ? <Alert tone="error">{message(errors.sectionWeights)}</Alert> : null}
      <TextAreaField
        label={t("weights.questionWeights")}
        hint={t("weights.questionWeightsHint")}
        name="questionWeights"
        rows={3}
        defaultValue={Object.entries(profile?.weights.questionWeights ?? {}).map(([k, v]) => `${k} = ${v}`).join("\n")}
        error={message(errors?.questionWeights)}
      />
      <Button type="submit">{profile ? t("weights.save") : t("weights.create")}</Button>
    </Form>
  );
}

export default function WeightProfilesPage() {
  const { profiles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const errorsFor = (id: string | undefined) => (actionData && !actionData.ok && (actionData.profileId ?? "") === (id ?? "") ? actionData.errors : undefined);
  const hasDefault = profiles.some((p) => p.isDefault);
  return (
    <div className="space-y-6">
      <PageHeader title={t("weights.title")}>{t("weights.intro")}</PageHeader>
      {actionData?.ok && actionData.message ? <Alert tone="success">{t(actionData.message)}</Alert> : null}
      {!hasDefault ? <p className="text-sm text-slate-700" data-testid="template-weights-active">{t("weights.templateWeightsActive")}</p> : null}
      {profiles.length === 0 ? <p className="text-slate-600">{t("weights.none")}</p> : null}
      {profiles.map((profile) => (
        <Card key={profile.id} title={`${profile.name}${profile.isDefault ? ` · ${t("weights.isDefault")}` : ""}`}>
          <div data-testid="weight-profile" data-name={profile.name} className="space-y-4">
            {profile.description ? <p className="text-sm text-slate-700">{profile.description}</p> : null}
            <details>
              <summary className="cursor-pointer text-sm text-brand-700">{t("weights.edit")}</summary>
              <div className="mt-3"><ProfileForm profile={profile} errors={errorsFor(profile.id)} /></div>
            </details>
            <div className="flex flex-wrap items-end gap-3">
              {!profile.isDefault ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="setDefault" />
                  <input type="hidden" name="profileId" value={profile.id} />
                  <Button type="submit" variant="secondary">{t("weights.makeDefault")}</Button>
                </Form>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="setDefault" />
                  <input type="hidden" name="profileId" value="" />
                  <Button type="submit" variant="secondary">{t("weights.useTemplateWeights")}</Button>
                </Form>
              )}
              <Form method="post" className="flex items-center gap-2">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="profileId" value={profile.id} />
                <label className="inline-flex items-center gap-1 text-sm">
                  <input type="checkbox" name="confirm" value="yes" required /> {t("weights.deleteConfirm")}
                </label>
                <Button type="submit" variant="danger">{t("weights.delete")}</Button>
              </Form>
            </div>
          </div>
        </Card>
      ))}
      <Card title={t("weights.create")}>
        <ProfileForm errors={errorsFor(undefined)} />
      </Card>
    </div>
  );
}
