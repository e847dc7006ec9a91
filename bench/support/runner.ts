// Runs benchmarks one after another in one context and prints all their figures in one table.
import { cpus, loadavg, totalmem } from "node:os";
import { BenchContext } from "./context";
import { printTable, type Figure } from "./report";

export type Benchmark = {
  name: string;
  // Returns its figures; throws only when a result is wrong (a benchmark never fails for being slow).
  run(context: BenchContext, args: string[]): Promise<Figure[]>;
};

export async function runBenchmarks(benchmarks: Benchmark[], args: string[] = process.argv.slice(2)): Promise<number> {
  const context = new BenchContext();
  // The figures mean little without the machine and how busy it was while they were taken.
  const load = () => loadavg().map((value) => value.toFixed(1)).join(" / ");
  const figures: Figure[] = [
    { benchmark: "machine", figure: "cores, memory", value: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(0)} GB` },
    { benchmark: "machine", figure: "load average (1 / 5 / 15 min) at start", value: load() },
  ];
  let failed = false;
  const stop = async () => {
    await context.close();
    process.exit(130);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    for (const benchmark of benchmarks) {
      console.log(`\n[bench] ${benchmark.name}`);
      try {
        figures.push(...(await benchmark.run(context, args)));
      } catch (error) {
        failed = true;
        console.error(`[bench] ${benchmark.name} failed:`, error instanceof Error ? error.message : error);
        figures.push({ benchmark: benchmark.name, figure: "FAILED", value: "-", target: "" });
      }
    }
  } finally {
    await context.close();
  }
  figures.push({ benchmark: "machine", figure: "load average (1 / 5 / 15 min) at end", value: load() });
  console.log("");
  printTable(figures);
  return failed ? 1 : 0;
}
