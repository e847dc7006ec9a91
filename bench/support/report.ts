// One line of the benchmark table: what was measured, its value, and the target it is held to
// (printed beside it; benchmarks never fail on a slow number, only on a wrong result).
export type Figure = {
  benchmark: string;
  figure: string;
  value: string;
  target?: string;
};

export function printTable(figures: Figure[], out: (line: string) => void = console.log): void {
  const header: Figure = { benchmark: "benchmark", figure: "figure", value: "value", target: "target" };
  const rows = [header, ...figures];
  const width = (key: keyof Figure) => Math.max(...rows.map((row) => (row[key] ?? "").length));
  const widths = { benchmark: width("benchmark"), figure: width("figure"), value: width("value"), target: width("target") };
  const line = (row: Figure) =>
    `| ${row.benchmark.padEnd(widths.benchmark)} | ${row.figure.padEnd(widths.figure)} | ${row.value.padStart(widths.value)} | ${(row.target ?? "").padEnd(widths.target)} |`;
  out(line(header));
  out(`|${["benchmark", "figure", "value", "target"].map((key) => "-".repeat(widths[key as keyof typeof widths] + 2)).join("|")}|`);
  for (const row of figures) out(line(row));
}

export const formatMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
export const formatMb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const formatCount = (value: number) => new Intl.NumberFormat("en-GB").format(Math.round(value));
