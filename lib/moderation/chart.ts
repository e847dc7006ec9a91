// Geometry of a bar chart, computed here so that the SVG a page renders is plain markup (no client
// script) and the arithmetic can be tested. Coordinates are in the SVG's own units (its viewBox).

export type Direction = "ltr" | "rtl";
// Physical alignment of a label at its x; `textAnchor` turns it into SVG's start/middle/end.
export type Align = "left" | "center" | "right";

export type BarChartInput = {
  values: number[];
  // One label per value (e.g. a short date), of which only some are drawn when space is short.
  labels: string[];
  width: number;
  height: number;
  // Right-to-left: the first value is drawn at the right and the value axis stands on the right.
  direction: Direction;
  fontSize?: number;
  // At most this many category labels along the bottom (fewer if they would not fit).
  maxLabels?: number;
  formatValue?: (value: number) => string;
};

type Bar = { x: number; y: number; width: number; height: number; value: number; label: string };
type AxisLabel = { x: number; y: number; text: string; align: Align };
type Gridline = { x1: number; x2: number; y: number; value: number; label: AxisLabel };

export type BarChart = {
  width: number;
  height: number;
  fontSize: number;
  plot: { x: number; y: number; width: number; height: number };
  bars: Bar[];
  gridlines: Gridline[];
  categoryLabels: AxisLabel[];
  max: number;
};

// A rounded top for the value axis and a step of 1, 2 or 5 × 10ⁿ (never below 1: counts are whole),
// giving about `targetTicks` gridlines above zero.
/** @internal exported for its tests */
export function valueScale(max: number, targetTicks = 4): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const rough = max / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, ([1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude));
  return { max: Math.ceil(max / step) * step, step };
}

// Which categories get a label: evenly spaced, counted back from the last (the most recent day is
// always labelled), at most `maxLabels` of them.
/** @internal exported for its tests */
export function labelledIndices(count: number, maxLabels: number): number[] {
  if (count <= 0) return [];
  const every = Math.max(1, Math.ceil(count / Math.max(1, maxLabels)));
  const indices: number[] = [];
  for (let index = count - 1; index >= 0; index -= every) indices.unshift(index);
  return indices;
}

// SVG anchors follow the text's direction: "start" is the left in LTR and the right in RTL.
export function textAnchor(align: Align, direction: Direction): "start" | "middle" | "end" {
  if (align === "center") return "middle";
  return (align === "left") === (direction === "ltr") ? "start" : "end";
}

// An estimate of a label's width, for margins; Plex digits and Latin letters are about 0.6 em.
function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function barChart(input: BarChartInput): BarChart {
  const fontSize = input.fontSize ?? 14;
  const format = input.formatValue ?? String;
  const scale = valueScale(Math.max(0, ...input.values));
  const ticks = Array.from({ length: Math.round(scale.max / scale.step) + 1 }, (_, index) => index * scale.step);
  const tickTexts = ticks.map(format);
  const widestCategory = Math.max(0, ...input.labels.map((text) => textWidth(text, fontSize)));

  // Laid out left to right; mirrored at the end for right-to-left.
  const gutter = Math.ceil(Math.max(...tickTexts.map((text) => textWidth(text, fontSize)))) + 8;
  const plot = {
    x: gutter,
    y: Math.ceil(fontSize * 0.75),
    width: input.width - gutter - Math.max(8, Math.ceil(widestCategory / 2)),
    height: input.height - Math.ceil(fontSize * 0.75) - Math.ceil(fontSize * 1.8),
  };
  // As many category labels as fit side by side with a gap of one em, up to `maxLabels`.
  const fitting = Math.max(1, Math.floor(plot.width / (widestCategory + fontSize)));
  const labelled = labelledIndices(input.values.length, Math.min(input.maxLabels ?? 6, fitting));
  const baseline = plot.y + plot.height;
  const band = plot.width / Math.max(1, input.values.length);
  const barWidth = Math.max(1, band * (band > 6 ? 0.7 : 0.85));

  const mirror = (x: number, width = 0) => (input.direction === "rtl" ? input.width - x - width : x);
  const flip = (align: Align): Align => (input.direction === "rtl" && align !== "center" ? (align === "left" ? "right" : "left") : align);

  const bars = input.values.map((value, index) => {
    // A day with signatures is never drawn as nothing.
    const height = value > 0 ? Math.max(1.5, (value / scale.max) * plot.height) : 0;
    const x = plot.x + index * band + (band - barWidth) / 2;
    return { x: round(mirror(x, barWidth)), y: round(baseline - height), width: round(barWidth), height: round(height), value, label: input.labels[index] ?? "" };
  });

  const gridlines = ticks.map((value, index) => {
    const y = round(baseline - (value / scale.max) * plot.height);
    return {
      x1: round(mirror(plot.x)),
      x2: round(mirror(plot.x + plot.width)),
      y,
      value,
      label: { x: round(mirror(plot.x - 6)), y: round(y + fontSize * 0.35), text: tickTexts[index]!, align: flip("right") },
    };
  });

  const categoryLabels = labelled.map((index) => ({
    x: round(mirror(plot.x + index * band + band / 2)),
    y: round(baseline + fontSize * 1.35),
    text: input.labels[index] ?? "",
    align: "center" as const,
  }));

  return {
    width: input.width,
    height: input.height,
    fontSize,
    plot: { ...plot, x: round(mirror(plot.x, plot.width)) },
    bars,
    gridlines,
    categoryLabels,
    max: scale.max,
  };
}
