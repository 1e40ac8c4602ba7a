import { ChartFigure } from "~/components/charts/chart-figure";
import { LabelledBars, SectionRadar } from "~/components/charts/charts";
import { Card } from "~/components/ui/layout";
import type { ComparisonPage } from "~/modules/comparison/comparison-view";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { formatScore } from "~/utils/score-format";

/** The four comparison charts (sections, overall, transparency, residency), each with its table. */
export function ComparisonCharts({
  comparison,
  ordered,
}: {
  comparison: ComparisonPage;
  ordered: ComparisonPage["candidates"];
}) {
  const { t, number, locale } = useT();
  const shown = (c: ComparisonPage["candidates"][number]) => c.whatIf ?? c.stored;
  const percent = (f: ReturnType<typeof shown>) =>
    f.transparency && f.transparency.total > 0
      ? Math.round((f.transparency.satisfied / f.transparency.total) * 1000) / 10
      : null;
  const residencyPercent = (f: ReturnType<typeof shown>) =>
    f.residencyPoints === null ? null : Math.round(f.residencyPoints * 1000) / 10;
  return (
    <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
      <Card>
        <ChartFigure
          id="sections"
          title={t("compare.radarTitle")}
          table={{
            columns: [t("compare.section"), ...ordered.map((c) => c.vendorName)],
            rows: comparison.sections.map((s) => ({
              key: s.key,
              cells: [
                s.title,
                ...ordered.map((c) => formatScore(locale, shown(c).sections[s.key] ?? null)),
              ],
            })),
          }}
        >
          <SectionRadar
            categories={comparison.sections.map((s) => ({ key: s.key, label: s.title }))}
            series={ordered.map((c) => ({ name: c.vendorName, values: shown(c).sections }))}
          />
        </ChartFigure>
      </Card>
      <Card>
        <ChartFigure
          id="overall"
          title={t("compare.overallChart")}
          table={{
            columns: [t("compare.vendor"), t("compare.overall")],
            rows: ordered.map((c) => ({
              key: c.vendorId,
              cells: [c.vendorName, formatScore(locale, shown(c).overall)],
            })),
          }}
        >
          <LabelledBars
            rows={ordered.map((c) => ({
              name: c.vendorName,
              value: shown(c).overall,
              label: formatScore(locale, shown(c).overall),
            }))}
          />
        </ChartFigure>
      </Card>
      <Card>
        <ChartFigure
          id="transparency"
          title={t("compare.transparencyChart")}
          table={{
            columns: [t("compare.vendor"), t("compare.transparency"), "%"],
            rows: ordered.map((c) => {
              const f = shown(c);
              return {
                key: c.vendorId,
                cells: [
                  c.vendorName,
                  f.transparency
                    ? t("compare.transparencyValue", {
                        satisfied: f.transparency.satisfied,
                        total: f.transparency.total,
                      })
                    : "–",
                  number(percent(f), 1),
                ],
              };
            }),
          }}
        >
          <LabelledBars
            rows={ordered.map((c) => ({
              name: c.vendorName,
              value: percent(shown(c)),
              label: `${number(percent(shown(c)), 1)} %`,
            }))}
          />
        </ChartFigure>
      </Card>
      <Card>
        <ChartFigure
          id="residency"
          title={t("compare.residencyChart")}
          table={{
            columns: [t("compare.vendor"), t("compare.residency"), t("compare.residencyPoints")],
            rows: ordered.map((c) => {
              const f = shown(c);
              return {
                key: c.vendorId,
                cells: [
                  c.vendorName,
                  f.residency
                    ? t(labelKey("assessments.class_", f.residency) ?? "common.unknownValue")
                    : "–",
                  number(residencyPercent(f), 1),
                ],
              };
            }),
          }}
        >
          <LabelledBars
            rows={ordered.map((c) => {
              const f = shown(c);
              return {
                name: c.vendorName,
                value: residencyPercent(f),
                label: f.residency
                  ? t(labelKey("assessments.class_", f.residency) ?? "common.unknownValue")
                  : "–",
              };
            })}
          />
        </ChartFigure>
      </Card>
    </div>
  );
}
