// npm run access-rules -- list
// npm run access-rules -- add block|allow ip|ip-hash|domain|email <pattern> ["note"]
// npm run access-rules -- remove <pattern>
//
// Block and allow rules for every organisation on this install (each organisation's owners set
// their own on the settings page). Opens the database directly: with the embedded PGlite database,
// stop the server first, or use PostgreSQL (DATABASE_URL).
import { addGlobalAccessRule, listGlobalAccessRules, removeGlobalAccessRule } from "../lib/abuse/global-rules";
import { database } from "../lib/db";
import { isAppError } from "../lib/errors";
import { migrateDatabase } from "./migrations/migrate-database";

const usage = "usage: npm run access-rules -- list | add block|allow ip|ip-hash|domain|email <pattern> [note] | remove <pattern>";
const kinds: Record<string, string> = { ip: "IP_RANGE", "ip-hash": "IP_HASH", domain: "EMAIL_DOMAIN", email: "EMAIL_ADDRESS" };

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const current = database();
  try {
    await migrateDatabase(current);
    if (command === "list") {
      for (const rule of await listGlobalAccessRules()) console.log(`${rule.effect.toLowerCase()}\t${rule.kind}\t${rule.pattern}${rule.note ? `\t${rule.note}` : ""}`);
      return 0;
    }
    if (command === "add" && rest.length >= 3) {
      const [effect, kind, pattern, note] = rest;
      const rule = await addGlobalAccessRule({ effect: effect!.toUpperCase(), kind: kinds[kind!] ?? kind, pattern, note });
      console.log(`Added: ${rule.effect.toLowerCase()} ${rule.kind} ${rule.pattern}`);
      return 0;
    }
    if (command === "remove" && rest.length === 1) {
      console.log(`Removed ${await removeGlobalAccessRule({ pattern: rest[0]! })} rule(s).`);
      return 0;
    }
    console.error(usage);
    return 1;
  } catch (error) {
    if (isAppError(error, "VALIDATION")) {
      console.error(`Refused: ${Object.entries(error.fields).map(([field, key]) => `${field}: ${key}`).join(", ")}`);
      return 1;
    }
    throw error;
  } finally {
    await current.close();
  }
}

main().then((code) => process.exit(code));
