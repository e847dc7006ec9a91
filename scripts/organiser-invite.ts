// npm run organiser:invite -- you@example.org "Organisation name" [--role owner|organiser|viewer] [--locale en|ar|tr|ku|fr|de]
//
// Creates the organisation if needed (the name given as its English name, its slug made from it),
// adds the address as a member (an OWNER unless --role says otherwise), and prints a sign-in link
// when no mail provider is configured, or queues the invitation e-mail when RESEND_API_KEY is set.
// The first organiser of a fresh install is made this way; owners invite everyone else from the web.
//
// The link is for the address the server serves: APP_URL, or http://localhost:PORT, when given
// here; otherwise the address the server last ran at with this database (it writes it down at
// start-up), so a server started with `PORT=4000 npm start` gets links to port 4000.
//
// It opens the database directly. PGlite lets one process open a data folder: stop the server
// first (this command refuses to run while it answers), or use PostgreSQL (DATABASE_URL).
import { database } from "../lib/db";
import { env } from "../lib/env";
import { isAppError } from "../lib/errors";
import type { MemberRole } from "../lib/generated/prisma/enums";
import { defaultLocale, isLocale, localized, locales, type Locale } from "../lib/i18n/locales";
import { migrateDatabase } from "./migrations/migrate-database";
import { createOrganisation } from "../lib/organisations/create-organisation";
import { addMemberFromCommandLine } from "../lib/organisations/invite-member";
import { commandAddress, type CommandAddress } from "../lib/server-address";

const usage = 'usage: npm run organiser:invite -- you@example.org "Organisation name" [--role owner|organiser|viewer] [--locale en|ar|tr|ku|fr|de]';

function parseArgs(argv: string[]): { email: string; organisationName: string; role: MemberRole; locale: Locale } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--")) flags.set(arg.slice(2), argv[++i] ?? "");
    else positional.push(arg);
  }
  const [email, organisationName] = positional;
  if (!email || !organisationName || positional.length > 2) throw new Error(usage);
  const role = (flags.get("role") ?? "owner").toUpperCase();
  if (role !== "OWNER" && role !== "ORGANISER" && role !== "VIEWER") throw new Error(`--role must be owner, organiser or viewer\n${usage}`);
  const locale = flags.get("locale") ?? "en";
  if (!isLocale(locale)) throw new Error(`--locale must be one of ${locales.join(", ")}\n${usage}`);
  return { email, organisationName, role, locale };
}

// Two processes on one PGlite folder corrupt it: refuse while a server answers at its address.
async function serverIsRunning(address: string): Promise<boolean> {
  try {
    const response = await fetch(`${address}/api/health`, { signal: AbortSignal.timeout(1_500) });
    return response.ok;
  } catch {
    return false;
  }
}

const addressOrigin: Record<CommandAddress["from"], string> = {
  APP_URL: "APP_URL",
  PORT: "PORT",
  server: "where the server last ran with this database; set PORT or APP_URL to choose another",
  default: "the default: APP_URL and PORT are not set here, and no server has run with this database yet",
};

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const address = commandAddress();
  if (!env.DATABASE_URL) {
    console.log(`Using the embedded database in ${env.PGLITE_DATA_DIR}. PGlite allows one process per data folder: the Nida server must be stopped while this runs (or use PostgreSQL with DATABASE_URL).`);
    if (await serverIsRunning(address.url)) {
      console.error(`A Nida server is answering at ${address.url}. Stop it first, then run this again.`);
      return 1;
    }
  }
  const current = database();
  try {
    await migrateDatabase(current);
    const organisation = await createOrganisation({ name: args.organisationName });
    const deliver = env.RESEND_API_KEY ? "email" : "print";
    const member = await addMemberFromCommandLine({ organisationId: organisation.id, email: args.email, role: args.role, locale: args.locale, deliver, baseUrl: address.url });

    console.log(`${organisation.created ? "Created" : "Found"} the organisation "${localized(defaultLocale, organisation.name).text}" (${organisation.slug}).`);
    console.log(member.changed ? `${member.email} is now ${member.role} of "${member.organisationName}".` : `${member.email} was already ${member.role} of "${member.organisationName}".`);
    if (member.queued) {
      console.log(`The invitation e-mail with a sign-in link is queued; the server sends it once it is running.`);
    } else {
      console.log(`No mail provider is configured (RESEND_API_KEY is not set), so here is the sign-in link.`);
      console.log(`It is for the server at ${address.url} (${addressOrigin[address.from]}).`);
      console.log(`It works once, until ${member.link.expires.toISOString()}; open it and press "Sign in":`);
      console.log(`\n  ${member.link.continueUrl}\n`);
    }
    return 0;
  } catch (error) {
    if (isAppError(error, "VALIDATION")) {
      console.error(error.fields.name ? "The organisation needs a name." : `That e-mail address is not valid: ${args.email}`);
      return 1;
    }
    throw error;
  } finally {
    await current.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
