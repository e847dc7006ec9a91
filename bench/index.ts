// npm run bench: every benchmark, one after another, then one table of their figures.
// A benchmark is a { name, run(context, args) } returning figures (bench/support/runner.ts); add
// new ones to this list. They share one PostgreSQL cluster (a fresh database each) and one build.
import { exportBenchmark } from "./export";
import { runBenchmarks, type Benchmark } from "./support/runner";

const benchmarks: Benchmark[] = [exportBenchmark];

// `npm run bench -- export` runs only the named benchmarks.
const named = process.argv.slice(2).filter((arg) => !arg.startsWith("-") && benchmarks.some((b) => b.name === arg));
process.exit(await runBenchmarks(named.length ? benchmarks.filter((b) => named.includes(b.name)) : benchmarks));
