import type { RGB } from "pdf-lib";
import { COLORS, MARGIN_X, type ReportLayout } from "./layout";
import { textWidth, wrapText } from "./text-wrap";

/**
 * Score bars drawn as vector graphics. Every bar carries its label on the left and its value as
 * text on the right, so the chart reads without colour (and in pdftotext); the colour is only a
 * second cue (green ≥ 70, amber ≥ 40, red below).
 */
export function scoreColor(score: number): RGB {
  if (score >= 70) return COLORS.good;
  if (score >= 40) return COLORS.medium;
  return COLORS.bad;
}

export interface Bar {
  label: string;
  /** 0–100, null for "not scored" (an empty track). */
  value: number | null;
  valueText: string;
}

export interface BarChartOptions {
  /** Share of the content width for the labels. */
  labelShare?: number;
  size?: number;
  barHeight?: number;
  /** Draws a 0/25/50/75/100 scale with light grid lines behind the bars. */
  scale?: boolean;
}

export function drawBarChart(
  layout: ReportLayout,
  bars: Bar[],
  options: BarChartOptions = {},
): void {
  const size = options.size ?? 9;
  const barHeight = options.barHeight ?? 10;
  const labelWidth = layout.contentWidth * (options.labelShare ?? 0.36);
  // The value column is as wide as its longest text ("nicht bewertet", "10 of 12").
  const valueWidth =
    Math.max(50, ...bars.map((bar) => textWidth(layout.fonts.bold, bar.valueText, size))) + 8;
  const trackX = MARGIN_X + labelWidth + 8;
  const trackWidth = layout.contentWidth - labelWidth - 8 - valueWidth;
  const lineHeight = size * 1.3;

  const rows = bars.map((bar) => {
    const lines = wrapText(layout.fonts.regular, bar.label, size, labelWidth);
    return { bar, lines, height: Math.max(lines.length * lineHeight, barHeight) + 7 };
  });

  let chartTop = 0;
  let scaleStart = true;
  const drawScale = (top: number, bottom: number): void => {
    if (!options.scale) return;
    for (const tick of [0, 25, 50, 75, 100]) {
      const x = trackX + (trackWidth * tick) / 100;
      layout.page.drawLine({
        start: { x, y: top },
        end: { x, y: bottom },
        thickness: 0.3,
        color: COLORS.rule,
      });
      const text = String(tick);
      layout.drawLine(
        text,
        x - textWidth(layout.fonts.regular, text, 7) / 2,
        bottom - 2,
        7,
        false,
        COLORS.muted,
      );
    }
  };

  for (const row of rows) {
    if (layout.y - row.height < layout.bottom + (options.scale ? 14 : 0)) {
      if (!scaleStart) drawScale(chartTop, layout.y);
      layout.newPage();
      scaleStart = true;
    }
    if (scaleStart) {
      chartTop = layout.y;
      scaleStart = false;
    }
    const top = layout.y;
    row.lines.forEach((line, index) =>
      layout.drawLine(line, MARGIN_X, top - index * lineHeight, size),
    );
    const barY = top - Math.max(row.lines.length * lineHeight, barHeight) / 2 - barHeight / 2 + 1;
    layout.page.drawRectangle({
      x: trackX,
      y: barY,
      width: trackWidth,
      height: barHeight,
      color: COLORS.barTrack,
    });
    if (row.bar.value !== null) {
      const value = Math.max(0, Math.min(100, row.bar.value));
      layout.page.drawRectangle({
        x: trackX,
        y: barY,
        width: (trackWidth * value) / 100,
        height: barHeight,
        color: scoreColor(value),
      });
    }
    layout.page.drawRectangle({
      x: trackX,
      y: barY,
      width: trackWidth,
      height: barHeight,
      borderColor: COLORS.rule,
      borderWidth: 0.5,
    });
    layout.drawLine(
      row.bar.valueText,
      trackX + trackWidth + 6,
      barY + barHeight / 2 + size / 2 - 0.5,
      size,
      true,
    );
    layout.y -= row.height;
  }
  if (!scaleStart) {
    drawScale(chartTop, layout.y);
    if (options.scale) layout.y -= 12;
  }
  layout.y -= 6;
}
