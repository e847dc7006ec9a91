import { describe, expect, it } from "vitest";
import { barChart, labelledIndices, textAnchor, valueScale } from "../../../lib/moderation/chart";

const days = (count: number) => Array.from({ length: count }, (_, index) => `${index + 1} Nov`);

describe("valueScale", () => {
  it("rounds the top of the axis up to a step of 1, 2 or 5 × 10ⁿ", () => {
    expect(valueScale(7)).toEqual({ max: 8, step: 2 });
    expect(valueScale(100)).toEqual({ max: 100, step: 50 });
    expect(valueScale(101)).toEqual({ max: 150, step: 50 });
    expect(valueScale(12_345)).toEqual({ max: 15_000, step: 5_000 });
  });

  it("never uses fractional steps for counts, and draws an empty chart from 0 to 1", () => {
    expect(valueScale(3)).toEqual({ max: 3, step: 1 });
    expect(valueScale(1)).toEqual({ max: 1, step: 1 });
    expect(valueScale(0)).toEqual({ max: 1, step: 1 });
  });
});

describe("labelledIndices", () => {
  it("always labels the last category and spaces the others evenly back from it", () => {
    expect(labelledIndices(30, 5)).toEqual([5, 11, 17, 23, 29]);
    expect(labelledIndices(7, 5)).toEqual([0, 2, 4, 6]);
    expect(labelledIndices(3, 5)).toEqual([0, 1, 2]);
    expect(labelledIndices(0, 5)).toEqual([]);
  });
});

describe("textAnchor", () => {
  it("maps a physical side to SVG's start and end, which follow the text direction", () => {
    expect(textAnchor("right", "ltr")).toBe("end");
    expect(textAnchor("right", "rtl")).toBe("start");
    expect(textAnchor("left", "ltr")).toBe("start");
    expect(textAnchor("left", "rtl")).toBe("end");
    expect(textAnchor("center", "rtl")).toBe("middle");
  });
});

describe("barChart", () => {
  const values = [0, 3, 10, 0, 5];
  const ltr = barChart({ values, labels: days(5), width: 400, height: 200, direction: "ltr" });
  const rtl = barChart({ values, labels: days(5), width: 400, height: 200, direction: "rtl" });

  it("draws one bar per value, height proportional to the value, standing on one baseline", () => {
    expect(ltr.bars.map((bar) => bar.value)).toEqual(values);
    const baseline = ltr.plot.y + ltr.plot.height;
    for (const bar of ltr.bars) expect(bar.y + bar.height).toBeCloseTo(baseline, 1);
    expect(ltr.max).toBe(10);
    expect(ltr.bars[2]!.height).toBeCloseTo(ltr.plot.height, 1);
    expect(ltr.bars[4]!.height).toBeCloseTo(ltr.plot.height / 2, 1);
    expect(ltr.bars[0]!.height).toBe(0);
  });

  it("keeps every bar and label inside the drawing", () => {
    for (const chart of [ltr, rtl]) {
      for (const bar of chart.bars) {
        expect(bar.x).toBeGreaterThanOrEqual(0);
        expect(bar.x + bar.width).toBeLessThanOrEqual(chart.width);
        expect(bar.y).toBeGreaterThanOrEqual(0);
      }
      for (const label of chart.categoryLabels) expect(label.y).toBeLessThanOrEqual(chart.height);
    }
  });

  it("runs left to right in English, oldest day first, with the axis on the left", () => {
    const xs = ltr.bars.map((bar) => bar.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const line of ltr.gridlines) {
      expect(line.label.x).toBeLessThan(ltr.bars[0]!.x);
      expect(line.label.align).toBe("right");
    }
  });

  it("is the mirror image in Arabic: oldest day on the right, the axis on the right", () => {
    ltr.bars.forEach((bar, index) => {
      const mirrored = rtl.bars[index]!;
      expect(mirrored.x).toBeCloseTo(400 - bar.x - bar.width, 1);
      expect(mirrored.height).toBe(bar.height);
    });
    const xs = rtl.bars.map((bar) => bar.x);
    expect(xs).toEqual([...xs].sort((a, b) => b - a));
    for (const line of rtl.gridlines) {
      expect(line.label.x).toBeGreaterThan(rtl.bars[0]!.x + rtl.bars[0]!.width);
      expect(line.label.align).toBe("left");
    }
    expect(rtl.categoryLabels.map((label) => label.text)).toEqual(ltr.categoryLabels.map((label) => label.text));
  });

  it("labels the value axis at each step from zero to the top", () => {
    expect(ltr.gridlines.map((line) => line.value)).toEqual([0, 5, 10]);
    const formatted = barChart({ values: [1500], labels: ["x"], width: 400, height: 200, direction: "ltr", formatValue: (value) => value.toLocaleString("en-GB") });
    expect(formatted.gridlines.map((line) => line.label.text)).toEqual(["0", "500", "1,000", "1,500"]);
  });

  it("labels only as many days as fit, always including today", () => {
    const month = barChart({ values: Array(30).fill(1), labels: days(30), width: 400, height: 200, direction: "ltr" });
    expect(month.categoryLabels.length).toBeGreaterThan(1);
    expect(month.categoryLabels.length).toBeLessThanOrEqual(6);
    expect(month.categoryLabels.at(-1)!.text).toBe("30 Nov");
    const positions = month.categoryLabels.map((label) => label.x);
    const gaps = positions.slice(1).map((x, index) => x - positions[index]!);
    // Each label (about 6 characters at 14 units) has room beside the next one.
    for (const gap of gaps) expect(gap).toBeGreaterThan(6 * 14 * 0.6);

    const longLabels = barChart({ values: Array(30).fill(1), labels: days(30).map((day) => `${day} (a long label)`), width: 400, height: 200, direction: "ltr" });
    expect(longLabels.categoryLabels.length).toBeLessThan(month.categoryLabels.length);
  });

  it("draws a day with a single signature, however tall the busiest day", () => {
    const chart = barChart({ values: [1, 10_000], labels: ["a", "b"], width: 400, height: 200, direction: "ltr" });
    expect(chart.bars[0]!.height).toBeGreaterThan(0);
  });
});
