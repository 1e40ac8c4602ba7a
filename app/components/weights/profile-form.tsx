import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextAreaField, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/layout";
import type { weightableSections } from "~/modules/weights/template-sections.server";
import type { LocalizedMessage } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/** A section of the template that a profile can weight, as the loader hands it to the browser. */
export type WeightableSectionView = SerializeFrom<typeof weightableSections>["sections"][number];

/** A weight profile's form (create, or update at the version it was read at). */
export function ProfileForm({
  sections,
  profile,
  errors,
}: {
  sections: WeightableSectionView[];
  profile?: {
    id: string;
    name: string;
    description: string | null;
    version: number;
    weights: { sectionWeights: Record<string, number>; questionWeights: Record<string, number> };
  };
  errors?: Record<string, LocalizedMessage>;
}) {
  const { t, tm, locale } = useT();
  const message = (value: LocalizedMessage | undefined) => (value ? tm(value) : null);
  return (
    <Form method="post" className="space-y-3">
      <input type="hidden" name="intent" value={profile ? "update" : "create"} />
      {profile ? <input type="hidden" name="profileId" value={profile.id} /> : null}
      {profile ? <input type="hidden" name="version" value={profile.version} /> : null}
      <TextField
        label={t("weights.name")}
        name="name"
        required
        maxLength={80}
        defaultValue={profile?.name ?? ""}
        error={message(errors?.name)}
      />
      <TextField
        label={t("weights.description")}
        name="description"
        maxLength={500}
        defaultValue={profile?.description ?? ""}
        error={message(errors?.description)}
      />
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
        defaultValue={Object.entries(profile?.weights.questionWeights ?? {})
          .map(([k, v]) => `${k} = ${v}`)
          .join("\n")}
        error={message(errors?.questionWeights)}
      />
      <Button type="submit">{profile ? t("weights.save") : t("weights.create")}</Button>
    </Form>
  );
}
