// npm run bench: every benchmark, one after another, then one table of their figures.
// A benchmark is a { name, run(context, args) } returning figures (bench/support/runner.ts); add
// new ones to this list. They share one PostgreSQL cluster (a fresh database each) and one build.
//
//   npm run bench                      everything (about 8 minutes on 2 cores)
//   npm run bench -- --quick           shorter runs, a 100,000-row export, an update to 20,000, a pack of 20,000
//   npm run bench -- http mail         only the named parts: http, lighthouse, pages, mail, mailing, export, pack, sealing, pglite, proof
//   npm run bench -- mailing --recipients 1000000 --send-rate 2   an update to a million supporters
//   npm run bench -- --duration 20 --rounds 5 --connections 50 --rows 1000000 --mail-rate 50 --mail-seconds 20
//   npm run bench -- compare --against 866ccc4   the sign path here and at another commit, alternating
//   npm run bench -- compare --against 866ccc4 --export-rows 1000000   and a million-row export from each
//   npm run bench -- --count-url "/api/campaigns/{slug}/count"   read the public count as JSON
import { compareBenchmark } from "./compare";
import { exportBenchmark } from "./export";
import { httpBenchmark } from "./http";
import { lighthouseBenchmark } from "./lighthouse";
import { mailBenchmark } from "./mail";
import { mailingBenchmark } from "./mailing";
import { packBenchmark } from "./pack";
import { pageWeightBenchmark } from "./page-weight";
import { pgliteBenchmark } from "./pglite";
import { proofOfWorkBenchmark } from "./proof-of-work";
import { sealingBenchmark } from "./sealing";
import { runBenchmarks, type Benchmark } from "./support/runner";

const benchmarks: Benchmark[] = [httpBenchmark, lighthouseBenchmark, pageWeightBenchmark, mailBenchmark, mailingBenchmark, exportBenchmark, packBenchmark, sealingBenchmark, pgliteBenchmark, proofOfWorkBenchmark, compareBenchmark];

const args = process.argv.slice(2);
// --quick: a 100,000-row export unless --rows says otherwise.
if (args.includes("--quick") && !args.includes("--rows")) args.push("--rows", "100000", "--small-rows", "0");
// --quick: an update to 20,000 supporters unless --recipients says otherwise.
if (args.includes("--quick") && !args.includes("--recipients")) args.push("--recipients", "20000");
// --quick: sealing 100,000 signatures unless --seal-rows says otherwise.
if (args.includes("--quick") && !args.includes("--seal-rows")) args.push("--seal-rows", "100000");
// --quick: a pack listing 20,000 signers unless --pack-signers says otherwise.
if (args.includes("--quick") && !args.includes("--pack-signers")) args.push("--pack-signers", "20000");
const named = args.filter((arg) => !arg.startsWith("-") && benchmarks.some((b) => b.name === arg));
process.exit(await runBenchmarks(named.length ? benchmarks.filter((b) => named.includes(b.name)) : benchmarks, args));
