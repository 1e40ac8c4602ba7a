/**
 * Okabe–Ito colours (safe for the common colour-vision deficiencies), in an order that keeps
 * neighbours distinct on white; the yellow is left out (too little contrast on white). Every
 * series also gets its own dash pattern and marker shape, and every chart is labelled, so no
 * value is told by colour alone.
 */
export const SERIES_COLORS = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#D55E00",
  "#CC79A7",
  "#56B4E9",
  "#000000",
] as const;
export const SERIES_DASHES = ["", "6 3", "2 2", "8 3 2 3", "1 3", "10 4", "4 4"] as const;
export const SERIES_SHAPES = [
  "circle",
  "square",
  "triangle",
  "diamond",
  "star",
  "cross",
  "wye",
] as const;

export const seriesColor = (index: number) => SERIES_COLORS[index % SERIES_COLORS.length]!;
export const seriesDash = (index: number) => SERIES_DASHES[index % SERIES_DASHES.length]!;
export const seriesShape = (index: number) => SERIES_SHAPES[index % SERIES_SHAPES.length]!;
