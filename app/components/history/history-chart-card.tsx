import { Link } from "@remix-run/react";
import { ChartFigure } from "~/components/charts/chart-figure";
import { TimeLines } from "~/components/charts/charts";
import { Card } from "~/components/ui/layout";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import type { VendorHistoryView } from "./history-view";
import { formatScore } from "~/utils/score-format";

/** The vendor's scores over time: a line chart with its table (overall and per section). */
export function HistoryChartCard({ history }: { history: VendorHistoryView }) {
  const { t, locale, date } = useT();
  const sectionTitle = (key: string) =>
    history.sections.find((s) => s.key === key)?.title[locale] ?? key;
  const lines = [
    { key: "overall", name: t("compare.overall") },
    ...history.sectionKeys.map((key) => ({ key, name: sectionTitle(key) })),
  ];
  const points = history.assessments.map((a) => ({
    label: `${date(a.submittedAt)}`,
    values: { overall: a.overall, ...a.sections },
  }));
  return history.assessments.length === 0 ? (
    <Card>
      <p className="text-sm">{t("compare.noHistory")}</p>
    </Card>
  ) : (
    <Card>
      <ChartFigure
        id="history"
        title={t("compare.historyChart")}
        table={{
          columns: [
            t("compare.submitted"),
            t("compare.assessment"),
            t("compare.overall"),
            t("compare.tier"),
            ...history.sectionKeys.map(sectionTitle),
          ],
          rows: history.assessments.map((a) => ({
            key: a.assessmentId,
            cells: [
              date(a.submittedAt),
              <Link key="link" to={`/assessments/${a.assessmentId}`} className="underline">
                {a.title}
              </Link>,
              formatScore(locale, a.overall),
              a.riskTier
                ? t(labelKey("assessments.tier", a.riskTier) ?? "common.unknownValue")
                : "–",
              ...history.sectionKeys.map((key) => formatScore(locale, a.sections[key] ?? null)),
            ],
          })),
        }}
      >
        <TimeLines points={points} lines={lines} />
      </ChartFigure>
    </Card>
  );
}
