import { COLORS, MARGIN_TOP, MARGIN_X, PAGE_HEIGHT, type ReportLayout } from "./layout";
import { wrapText } from "./text-wrap";

/**
 * Tables with wrapped cells. A row that does not fit continues on the next page, where the
 * header row is repeated; a row taller than a page is split between lines, so nothing is ever
 * cut off.
 */
export interface TableColumn {
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  width: number;
  align?: "left" | "right";
  bold?: boolean;
}

export interface TableOptions {
  size?: number;
  /** Tables without a header row (key/value blocks) pass false. */
  header?: boolean;
}

const PADDING_X = 4;
const PADDING_Y = 3.5;

export function drawTable(
  layout: ReportLayout,
  columns: TableColumn[],
  rows: string[][],
  options: TableOptions = {},
): void {
  const size = options.size ?? 8.5;
  const lineHeight = size * 1.35;
  const widths = columns.map((column) => column.width * layout.contentWidth);
  const lefts = widths.map(
    (_, index) => MARGIN_X + widths.slice(0, index).reduce((sum, w) => sum + w, 0),
  );
  const showHeader = options.header !== false;
  const headerLines = columns.map((column, index) =>
    wrapText(layout.fonts.bold, column.header, size, widths[index]! - 2 * PADDING_X),
  );
  const headerHeight =
    Math.max(...headerLines.map((lines) => lines.length)) * lineHeight + 2 * PADDING_Y;

  const drawHeader = (): void => {
    if (!showHeader) return;
    layout.page.drawRectangle({
      x: MARGIN_X,
      y: layout.y - headerHeight,
      width: layout.contentWidth,
      height: headerHeight,
      color: COLORS.fill,
    });
    headerLines.forEach((lines, index) => {
      lines.forEach((line, n) => {
        const top = layout.y - PADDING_Y - n * lineHeight;
        if (columns[index]!.align === "right")
          layout.drawRight(
            line,
            lefts[index]! + PADDING_X,
            widths[index]! - 2 * PADDING_X,
            top,
            size,
            true,
          );
        else layout.drawLine(line, lefts[index]! + PADDING_X, top, size, true);
      });
    });
    layout.y -= headerHeight;
    rule(layout);
  };

  const firstRow = rows[0];
  const firstRowHeight = firstRow
    ? Math.min(3, cellLines(layout, columns, widths, firstRow, size)) * lineHeight + 2 * PADDING_Y
    : 0;
  // Keep the header with (the start of) the first row.
  layout.ensure((showHeader ? headerHeight : 0) + firstRowHeight);
  drawHeader();

  for (const row of rows) {
    let remaining = columns.map((column, index) =>
      wrapText(layout.font(column.bold), row[index] ?? "", size, widths[index]! - 2 * PADDING_X),
    );
    // Move short rows to the next page whole; split only rows taller than what is left.
    const rowHeight =
      Math.max(...remaining.map((lines) => lines.length)) * lineHeight + 2 * PADDING_Y;
    const fullPage = layout.y - layout.bottom;
    const usable = PAGE_HEIGHT - MARGIN_TOP - layout.bottom - (showHeader ? headerHeight : 0);
    if (rowHeight > fullPage && rowHeight <= usable) {
      layout.newPage();
      drawHeader();
    }
    while (remaining.some((lines) => lines.length > 0)) {
      let capacity = Math.floor((layout.y - layout.bottom - 2 * PADDING_Y) / lineHeight);
      if (capacity < 1) {
        layout.newPage();
        drawHeader();
        capacity = Math.floor((layout.y - layout.bottom - 2 * PADDING_Y) / lineHeight);
      }
      const chunk = remaining.map((lines) => lines.slice(0, capacity));
      const chunkLines = Math.max(...chunk.map((lines) => lines.length));
      chunk.forEach((lines, index) => {
        lines.forEach((line, n) => {
          const top = layout.y - PADDING_Y - n * lineHeight;
          const column = columns[index]!;
          if (column.align === "right")
            layout.drawRight(
              line,
              lefts[index]! + PADDING_X,
              widths[index]! - 2 * PADDING_X,
              top,
              size,
              column.bold,
            );
          else layout.drawLine(line, lefts[index]! + PADDING_X, top, size, column.bold);
        });
      });
      layout.y -= chunkLines * lineHeight + 2 * PADDING_Y;
      rule(layout);
      remaining = remaining.map((lines) => lines.slice(capacity));
    }
  }
  layout.y -= 8;
}

function cellLines(
  layout: ReportLayout,
  columns: TableColumn[],
  widths: number[],
  row: string[],
  size: number,
): number {
  return Math.max(
    ...columns.map(
      (column, index) =>
        wrapText(layout.font(column.bold), row[index] ?? "", size, widths[index]! - 2 * PADDING_X)
          .length,
    ),
  );
}

function rule(layout: ReportLayout): void {
  layout.page.drawLine({
    start: { x: MARGIN_X, y: layout.y },
    end: { x: MARGIN_X + layout.contentWidth, y: layout.y },
    thickness: 0.4,
    color: COLORS.rule,
  });
}
