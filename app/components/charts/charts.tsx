import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { seriesColor, seriesDash, seriesShape } from "./palette";

// Every chart is drawn inside ChartFigure's aria-hidden wrapper next to a table with the same
// numbers: recharts' keyboard layer (accessibilityLayer, a Tab stop on the SVG) stays off, or a
// keyboard user would land on something a screen reader is told does not exist.

/** One named series (a vendor) with a value per category key (0–100, null = no score). */
export interface ChartSeries {
  name: string;
  values: Record<string, number | null>;
}

export function SectionRadar({
  categories,
  series,
}: {
  categories: { key: string; label: string }[];
  series: ChartSeries[];
}) {
  const data = categories.map((c) => ({
    category: c.label,
    ...Object.fromEntries(series.map((s, i) => [`s${i}`, s.values[c.key] ?? 0])),
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <RadarChart data={data} outerRadius="70%" accessibilityLayer={false}>
        <PolarGrid />
        <PolarAngleAxis dataKey="category" tick={{ fontSize: 11 }} />
        <PolarRadiusAxis angle={90} domain={[0, 100]} tick={{ fontSize: 10 }} />
        {series.map((s, i) => (
          <Radar
            key={i}
            name={s.name}
            dataKey={`s${i}`}
            stroke={seriesColor(i)}
            strokeDasharray={seriesDash(i)}
            strokeWidth={2}
            fill={seriesColor(i)}
            fillOpacity={0.08}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        ))}
        <Legend />
        <Tooltip />
      </RadarChart>
    </ResponsiveContainer>
  );
}

/** Horizontal bars, one per row, each labelled with its value text (not colour alone). */
export function LabelledBars({
  rows,
  max = 100,
}: {
  rows: { name: string; value: number | null; label: string }[];
  max?: number;
}) {
  const data = rows.map((r) => ({ name: r.name, value: r.value ?? 0, label: r.label }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={data}
        layout="vertical"
        margin={{ left: 8, right: 64 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, max]} allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} />
        <Bar dataKey="value" fill={seriesColor(0)} isAnimationActive={false}>
          <LabelList dataKey="label" position="right" style={{ fontSize: 12, fill: "#1e293b" }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Lines over time (x = category label), one per series key, with distinct dashes and markers. */
export function TimeLines({
  points,
  lines,
}: {
  points: { label: string; values: Record<string, number | null> }[];
  lines: { key: string; name: string }[];
}) {
  const data = points.map((p) => ({ label: p.label, ...p.values }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ left: 8, right: 24, top: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} />
        <YAxis domain={[0, 100]} />
        {lines.map((line, i) => (
          <Line
            key={line.key}
            type="monotone"
            dataKey={line.key}
            name={line.name}
            stroke={seriesColor(i)}
            strokeDasharray={seriesDash(i)}
            strokeWidth={i === 0 ? 3 : 1.5}
            dot={{ r: 4 }}
            legendType={seriesShape(i)}
            connectNulls
            isAnimationActive={false}
          />
        ))}
        <Legend />
        <Tooltip />
      </LineChart>
    </ResponsiveContainer>
  );
}
