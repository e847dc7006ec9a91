import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { driverUrl, openDatabase, type DatabaseTarget } from "../db";
import { childEnvironment } from "../env";
import { controlSocketPath, probe, requestBackup } from "./pglite-control";

// Backups of either database, and their restore into an empty one.
// - PGlite: the data folder as a gzipped tar (PGlite's own dumpDataDir), taken by the running
//   server through its control socket, or from the folder itself when no server holds it.
// - PostgreSQL: `pg_dump --format=custom`, restored by `pg_restore` in one transaction. Both
//   connect to the primary itself (a pooler in transaction mode cannot carry their sessions).

export type BackupKind = "pglite" | "postgres";
export type BackupResult = { kind: BackupKind; file: string; bytes: number; takenBy: "server" | "this process" | "pg_dump" };

export const backupExtension: Record<BackupKind, string> = { pglite: ".tar.gz", postgres: ".dump" };

// The URL to back up from or restore to: the direct one when a pooler is in between.
function postgresUrl(target: DatabaseTarget): string | null {
  const url = target.migrationUrl ?? target.databaseUrl;
  return url ? driverUrl(url) : null;
}

export async function backupDatabase(options: { target: DatabaseTarget; file: string }): Promise<BackupResult> {
  const partial = `${options.file}.partial`;
  const url = postgresUrl(options.target);
  try {
    if (url) {
      await runPostgresTool("pg_dump", ["--format=custom", "--no-sync", `--file=${partial}`], url);
      renameSync(partial, options.file);
      return { kind: "postgres", file: options.file, bytes: statSync(options.file).size, takenBy: "pg_dump" };
    }
    const { bytes, takenBy } = await pgliteBackup(options.target.pgliteDataDir);
    writeFileSync(partial, bytes, { mode: 0o600 });
    renameSync(partial, options.file);
    return { kind: "pglite", file: options.file, bytes: bytes.byteLength, takenBy };
  } finally {
    rmSync(partial, { force: true });
  }
}

async function pgliteBackup(dataDir: string): Promise<{ bytes: Uint8Array; takenBy: BackupResult["takenBy"] }> {
  if (dataDir.startsWith("memory://")) throw new Error("an in-memory database (memory://) has nothing to back up");
  const fromServer = await requestBackup(dataDir);
  if (fromServer) return { bytes: fromServer, takenBy: "server" };
  if (!existsSync(`${dataDir}/PG_VERSION`)) throw new Error(`there is no embedded database in ${dataDir}`);
  assertNotOpen(dataDir);
  // No server holds the folder: this process may open it.
  const database = openDatabase({ pgliteDataDir: dataDir });
  try {
    return { bytes: await database.pglite!.dumpDataDir(), takenBy: "this process" };
  } finally {
    await database.close();
  }
}

export async function restoreDatabase(options: { target: DatabaseTarget; file: string }): Promise<{ kind: BackupKind; tables: number }> {
  if (!existsSync(options.file)) throw new Error(`no backup at ${options.file}`);
  const url = postgresUrl(options.target);
  if (url) {
    await assertEmptyPostgres(url);
    await runPostgresTool("pg_restore", ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", options.file], url);
    return { kind: "postgres", tables: await publicTableCount(url) };
  }
  const dataDir = options.target.pgliteDataDir;
  await assertPgliteFolderFree(dataDir);
  const pglite = new PGlite(dataDir, { loadDataDir: new Blob([readFileSync(options.file)]) });
  try {
    const tables = await pglite.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    return { kind: "pglite", tables: tables.rows[0]!.n };
  } finally {
    await pglite.close();
  }
}

// Restoring or moving into a database that already holds tables would mix two installs.
export async function assertEmptyPostgres(url: string): Promise<void> {
  const tables = await publicTableCount(url);
  if (tables > 0) throw new Error(`the target database is not empty (${tables} tables in its public schema): restore into a new, empty database`);
}

async function publicTableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0]!.n;
  } finally {
    await client.end();
  }
}

// The embedded database is restored into a folder that is empty or missing, and that no running
// server answers for.
async function assertPgliteFolderFree(dataDir: string): Promise<void> {
  if (dataDir.startsWith("memory://")) throw new Error("set PGLITE_DATA_DIR to the folder to restore into");
  if ((await probe(controlSocketPath(dataDir))) === "answering") throw new Error(`a running Nida server holds ${dataDir}: stop it first`);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) throw new Error(`${dataDir} is not empty: restore into a new folder (or move this one away)`);
}

// PGlite keeps a postmaster.pid in the folder while it has it open and removes it when it closes:
// one left there with no server answering is an open folder, or a crash's remains.
export function assertNotOpen(dataDir: string): void {
  if (existsSync(`${dataDir}/postmaster.pid`)) {
    throw new Error(`${dataDir} is open in another process (its postmaster.pid is there) and no Nida server answers for it; if no process uses it (a crash left the file), start Nida on it once and stop it, then try again`);
  }
}

// pg_dump and pg_restore from PATH (Debian: the postgresql-client package). The password goes in
// the environment, not on the command line, where other users of the machine could read it.
function runPostgresTool(tool: "pg_dump" | "pg_restore", args: string[], url: string): Promise<void> {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  const env = childEnvironment(password ? { PGPASSWORD: password } : {});
  return new Promise((done, failed) => {
    const child = spawn(tool, [...args, `--dbname=${parsed.toString()}`], { env, stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (errors += chunk));
    child.once("error", (error: NodeJS.ErrnoException) =>
      failed(error.code === "ENOENT" ? new Error(`${tool} is not installed: apt-get install postgresql-client (the same major version as the server, or newer)`) : error),
    );
    child.once("close", (code) => (code === 0 ? done() : failed(new Error(`${tool} failed (exit ${code}): ${errors.trim().split("\n").slice(-5).join(" | ")}`))));
  });
}
