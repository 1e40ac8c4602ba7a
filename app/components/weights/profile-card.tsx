import { Form } from "@remix-run/react";
import type { LocalizedMessage } from "~/utils/i18n";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import { useT } from "~/utils/use-t";
import { ProfileForm, type WeightableSectionView } from "./profile-form";

/** One weight profile: its description, its form, make default (or back to template weights), delete. */
export function ProfileCard({
  profile,
  sections,
  errors,
}: {
  profile: NonNullable<Parameters<typeof ProfileForm>[0]["profile"]> & { isDefault: boolean };
  sections: WeightableSectionView[];
  errors: Record<string, LocalizedMessage> | undefined;
}) {
  const { t } = useT();
  return (
    <Card title={`${profile.name}${profile.isDefault ? ` · ${t("weights.isDefault")}` : ""}`}>
      <div data-testid="weight-profile" data-name={profile.name} className="space-y-4">
        {profile.description ? (
          <p className="text-sm text-slate-700">{profile.description}</p>
        ) : null}
        <details>
          <summary className="cursor-pointer text-sm text-brand-700">{t("weights.edit")}</summary>
          <div className="mt-3">
            <ProfileForm sections={sections} profile={profile} errors={errors} />
          </div>
        </details>
        <div className="flex flex-wrap items-end gap-3">
          {!profile.isDefault ? (
            <Form method="post">
              <input type="hidden" name="intent" value="setDefault" />
              <input type="hidden" name="profileId" value={profile.id} />
              <Button type="submit" variant="secondary">
                {t("weights.makeDefault")}
              </Button>
            </Form>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="setDefault" />
              <input type="hidden" name="profileId" value="" />
              <Button type="submit" variant="secondary">
                {t("weights.useTemplateWeights")}
              </Button>
            </Form>
          )}
          <Form method="post" className="flex items-center gap-2">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="profileId" value={profile.id} />
            <label className="inline-flex items-center gap-1 text-sm">
              <input type="checkbox" name="confirm" value="yes" required />{" "}
              {t("weights.deleteConfirm")}
            </label>
            <Button type="submit" variant="danger">
              {t("weights.delete")}
            </Button>
          </Form>
        </div>
      </div>
    </Card>
  );
}
