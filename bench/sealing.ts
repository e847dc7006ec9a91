// Sealed signer data at scale, on PostgreSQL: sealing a database from before sealing (the step
// db:migrate runs once), rotating the key-encryption key (npm run keys:rotate) and sealing every
// value again under new data keys (npm run keys:reseal), for --seal-rows signatures (1,000,000).
import { randomBytes } from "node:crypto";
import { argValue } from "../tests/fixtures/cli";
import { insertConfirmedSignatures } from "../tests/fixtures/bulk-signatures";
import { keyEncryptionKey, keyFingerprint } from "../lib/sealing/key-encryption-key";
import { beginResealing, resealRows, retireResealedKeys } from "../lib/sealing/reseal";
import { rewrapDataKeys } from "../lib/sealing/rotate-keys";
import { sealPlainRows } from "../lib/sealing/seal-plain-rows";
import { benchDatabase, createCampaign } from "./export";
import { formatCount, formatMs } from "./support/report";
import type { Benchmark } from "./support/runner";

export const sealingBenchmark: Benchmark = {
  name: "sealing",
  async run(context, args) {
    const rows = Number(argValue("--seal-rows", args) ?? 1_000_000);
    const benchmark = `sealing ${formatCount(rows)} (PostgreSQL)`;
    const bench = await benchDatabase(context, "sealing");
    const campaignId = await createCampaign(bench, 0);
    const written = performance.now();
    await insertConfirmedSignatures((text, params) => bench.client.query(text, params), { campaignId, count: rows, prefix: campaignId, sealIn: null });
    console.log(`[bench] sealing: ${formatCount(rows)} plain signatures written in ${formatMs(performance.now() - written)}`);

    const time = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    const sealMs = await time(() => sealPlainRows(bench.sealIn));
    const plainLeft = await bench.client.query<{ n: number }>(`SELECT (SELECT count(*) FROM signatures WHERE name NOT LIKE 's1.%') + (SELECT count(*) FROM supporters WHERE email NOT LIKE 's1.%') AS n`);
    if (Number(plainLeft.rows[0]!.n) !== 0) throw new Error(`${plainLeft.rows[0]!.n} values left plain`);

    const current = keyEncryptionKey();
    const nextKey = randomBytes(32);
    const next = { id: keyFingerprint(nextKey), key: nextKey };
    const keys = await bench.sealIn.dataKey.count();
    const rotateMs = await time(() => rewrapDataKeys(bench.sealIn, { to: next, from: [current] }));
    // Back under this process's key, for what follows.
    await rewrapDataKeys(bench.sealIn, { to: current, from: [next] });

    const resealMs = await time(async () => {
      await beginResealing(bench.sealIn);
      const resealed = await resealRows(bench.sealIn);
      if (resealed.signatures !== rows) throw new Error(`sealed again ${resealed.signatures} of ${rows} signatures`);
      await retireResealedKeys(bench.sealIn);
    });
    const perSecond = (ms: number) => formatCount((rows * 1000) / ms);
    return [
      { benchmark, figure: "sealing an existing database (db:migrate, once): time", value: formatMs(sealMs) },
      { benchmark, figure: "sealing an existing database: signatures/s (with their addresses)", value: perSecond(sealMs) },
      { benchmark, figure: `key rotation (npm run keys:rotate): ${keys} data keys re-wrapped`, value: formatMs(rotateMs) },
      { benchmark, figure: "sealing again under new data keys (npm run keys:reseal): time", value: formatMs(resealMs) },
      { benchmark, figure: "sealing again: signatures/s (with their addresses)", value: perSecond(resealMs) },
    ];
  },
};
