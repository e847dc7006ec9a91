// npm run keys:rotate: re-wraps every data key under the key-encryption key in DATA_KEY (or
// DATA_KEY_FILE), opening those not yet under it with DATA_KEY_PREVIOUS. The steps: give every
// server DATA_KEY=<new> and DATA_KEY_PREVIOUS=<old> and restart them; run this once; remove
// DATA_KEY_PREVIOUS and restart. Backups taken before can then be read only with the old key:
// destroying it retires them. PGlite: run it while the server is stopped.
import { keyEncryptionKey, previousKeyEncryptionKey } from "../lib/sealing/key-encryption-key";
import { rewrapDataKeys } from "../lib/sealing/rotate-keys";
import { migrateDatabase } from "./migrations/migrate-database";
import { withConfiguredDatabase } from "./with-database";

await withConfiguredDatabase(async (database) => {
  await migrateDatabase(database);
  const started = performance.now();
  const previous = previousKeyEncryptionKey();
  const { rewrapped } = await rewrapDataKeys(database.prisma, { to: keyEncryptionKey(), from: previous ? [previous] : [] });
  const left = await database.prisma.dataKey.count({ where: { wrapped: { not: null }, kekId: { not: keyEncryptionKey().id } } });
  console.log(`Re-wrapped ${rewrapped} data key(s) under ${keyEncryptionKey().id} in ${Math.round(performance.now() - started)} ms; ${left} left under another key.`);
  if (!previous && rewrapped === 0) console.log("DATA_KEY_PREVIOUS is not set: nothing to rotate from.");
  return left === 0;
});
