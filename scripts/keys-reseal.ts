// npm run keys:reseal [-- start]: seals signers' data again under new data keys, for when a data
// key may have leaked. `start` begins a new generation of every data key; without it the command
// continues: every lasting value still under an older generation is sealed again, batch by batch
// (stop it at any time and run it again), and an older key nothing holds any more is destroyed.
// Servers take up a new generation within a minute; run it once more after that, so what they
// sealed meanwhile is sealed again too. PostgreSQL: beside the running servers; PGlite: with the
// server stopped.
import { beginResealing, resealRows, retireResealedKeys } from "../lib/sealing/reseal";
import { migrateDatabase } from "./migrations/migrate-database";
import { withConfiguredDatabase } from "./with-database";

await withConfiguredDatabase(async (database) => {
  await migrateDatabase(database);
  const started = performance.now();
  if (process.argv.slice(2).includes("start")) console.log(`Began a new generation of ${await beginResealing(database.prisma)} data key(s).`);
  const resealed = await resealRows(database.prisma);
  const retired = await retireResealedKeys(database.prisma);
  const left = await database.prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM data_keys k WHERE k.wrapped IS NOT NULL AND k.generation < (SELECT max(n.generation) FROM data_keys n WHERE n.scope = k.scope AND n.wrapped IS NOT NULL)`,
  );
  console.log(
    `Sealed again ${resealed.signatures} signature(s), ${resealed.paper_signatures} paper signature(s) and ${resealed.supporters} address(es); destroyed ${retired} older key(s) in ${Math.round(performance.now() - started)} ms. ${left[0]?.n ?? 0} older key(s) still hold mail on its way or values sealed meanwhile: run again later.`,
  );
});
