import type { ReactNode } from "react";
import { useT } from "~/utils/use-t";
import { useHydrated } from "./use-hydrated";
import { ScrollRegion } from "~/components/ui/scroll-region";

/** React 18 does not know `inert`; as a string attribute it reaches the DOM unchanged. */
const INERT = { inert: "" } as Record<string, string>;

export interface ChartTable {
  columns: string[];
  /** First cell is the row header. */
  rows: { key: string; cells: ReactNode[] }[];
}

/**
 * A chart with its numbers: the table is always rendered (server, no JavaScript, screen
 * readers); the chart itself only after hydration and hidden from assistive technology, since
 * the table says the same.
 */
export function ChartFigure({
  id,
  title,
  table,
  children,
  chartClassName = "h-80",
  collapseTable = false,
}: {
  id: string;
  title: string;
  table: ChartTable;
  children: ReactNode;
  /** The drawing's height (Tailwind class): small dashboard charts need less than a comparison. */
  chartClassName?: string;
  /**
   * Once the chart is drawn, fold its table into a disclosure ("The chart's numbers"), for pages
   * with many charts; before hydration and without JavaScript the table stays open, as it is then
   * the only way to read the figure.
   */
  collapseTable?: boolean;
}) {
  const hydrated = useHydrated();
  const { t } = useT();
  const numbers = (
    <ScrollRegion label={title}>
      <table className="min-w-full text-sm" data-testid={`${id}-table`}>
        <caption className="text-left text-xs text-slate-500">{t("compare.chartTable")}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left">
            {table.columns.map((column, index) => (
              <th key={index} scope="col" className="py-1 pr-3">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-100">
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className="py-1 pr-3 text-left font-medium">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className="py-1 pr-3 tabular-nums">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
  return (
    <figure aria-labelledby={`${id}-title`} className="space-y-3" data-chart={id}>
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      {hydrated ? (
        // inert as well: nothing inside the drawing can take focus, whatever recharts renders.
        <div
          aria-hidden="true"
          {...INERT}
          className={`${chartClassName} w-full`}
          data-testid={`${id}-chart`}
        >
          {children}
        </div>
      ) : null}
      {collapseTable && hydrated ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700 underline-offset-2 hover:underline">
            {t("compare.chartTable")}
          </summary>
          {numbers}
        </details>
      ) : (
        numbers
      )}
    </figure>
  );
}
