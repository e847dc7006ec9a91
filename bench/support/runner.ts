// Runs benchmarks one after another in one context and prints all their figures in one table.
import { BenchContext } from "./context";
import { printTable, type Figure } from "./report";

export type Benchmark = {
  name: string;
  // Returns its figures; throws only when a result is wrong (a benchmark never fails for being slow).
  run(context: BenchContext, args: string[]): Promise<Figure[]>;
};

export async function runBenchmarks(benchmarks: Benchmark[], args: string[] = process.argv.slice(2)): Promise<number> {
  const context = new BenchContext();
  const figures: Figure[] = [];
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
  console.log("");
  printTable(figures);
  return failed ? 1 : 0;
}
