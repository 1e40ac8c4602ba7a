import { Card } from "~/components/ui/layout";
import { useT } from "~/utils/use-t";
import { TemplateDiffView } from "./template-diff-view";
import type { TemplatePageView } from "./template-page-view";

/** The chosen version's changes against the version before it (or its size, if it is the first). */
export function TemplateComparisonCard({
  comparison,
}: {
  comparison: NonNullable<TemplatePageView["comparison"]>;
}) {
  const { t } = useT();
  return (
    <Card
      title={
        comparison.previousVersion === null
          ? t("templates.versionLabel", { version: comparison.version })
          : comparison.status === "DRAFT"
            ? t("templates.draftChangesTitle", { previous: comparison.previousVersion })
            : t("templates.changesTitle", {
                version: comparison.version,
                previous: comparison.previousVersion,
              })
      }
    >
      {comparison.diff ? (
        <TemplateDiffView diff={comparison.diff} />
      ) : (
        <p className="text-sm text-slate-600">
          {t("templates.firstVersion", {
            version: comparison.version,
            sections: comparison.sections,
            questions: comparison.questions,
          })}
        </p>
      )}
    </Card>
  );
}
