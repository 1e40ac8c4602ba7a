import { Form, useSubmit } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import type { ComparisonPage } from "~/modules/comparison/comparison-view";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { ComparisonCharts } from "./comparison-charts";
import { ComparisonRanking } from "./comparison-ranking";
import { DifferingAnswersCard } from "./differing-answers-card";

/** The export links' labels, one key per format (typed: a missing key does not compile). */
const EXPORT_LABELS = {
  csv: "compare.exportCsv",
  xlsx: "compare.exportXlsx",
  json: "compare.exportJson",
  pdf: "compare.exportPdf",
} as const satisfies Record<string, MessageKey>;

/** A comparison of the chosen vendors: profile choice, ranking, charts, differing answers, exports. */
export function ComparisonView({
  comparison,
  vendorIds,
  profileId,
  profiles,
}: {
  comparison: ComparisonPage;
  vendorIds: string[];
  profileId: string | null;
  profiles: { id: string; name: string }[];
}) {
  const { t } = useT();
  const submit = useSubmit();
  const ordered = [...comparison.candidates].sort(
    (a, b) => (a.whatIfRank ?? a.storedRank) - (b.whatIfRank ?? b.storedRank),
  );
  const exportQuery = (format: string) => {
    const params = new URLSearchParams({ format, vendors: vendorIds.join(",") });
    if (profileId) params.set("profile", profileId);
    return `/compare/export?${params.toString()}`;
  };

  return (
    <div className="space-y-6">
      <Card title={t("compare.profileLabel")}>
        <Form
          method="get"
          className="flex flex-wrap items-end gap-2"
          onChange={(event) => submit(event.currentTarget)}
        >
          <input type="hidden" name="vendors" value={vendorIds.join(",")} />
          <label className="flex min-w-0 max-w-full flex-col text-sm">
            <span className="sr-only">{t("compare.profileLabel")}</span>
            <select
              name="profile"
              defaultValue={profileId ?? ""}
              className="max-w-full rounded-md border border-slate-300 px-2 py-1"
            >
              <option value="">{t("compare.profileStored")}</option>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="secondary">
            {t("compare.applyProfile")}
          </Button>
        </Form>
        <p className="mt-2 text-sm text-slate-700" role="status">
          {comparison.profile
            ? t("compare.whatIfNote", { profile: comparison.profile.name })
            : t("compare.storedNote")}
        </p>
        <p className="mt-1 text-xs text-slate-500">
          {t("compare.template")}: {comparison.templateName}
        </p>
      </Card>

      <ComparisonRanking comparison={comparison} ordered={ordered} />

      <ComparisonCharts comparison={comparison} ordered={ordered} />

      <DifferingAnswersCard comparison={comparison} />

      <Card title={t("compare.export")}>
        <ul className="flex flex-wrap gap-3 text-sm">
          {(["csv", "xlsx", "json", "pdf"] as const).map((format) => (
            <li key={format}>
              <a href={exportQuery(format)} className="underline" download>
                {t(EXPORT_LABELS[format])}
              </a>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
