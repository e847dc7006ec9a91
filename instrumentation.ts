export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ env }, { recordServerAddress }, { startJobs }] = await Promise.all([import("./lib/env"), import("./lib/server-address"), import("./lib/jobs/start-jobs")]);
  // What this server's links point to, for commands run later from another shell (organiser:invite).
  recordServerAddress({ appUrl: env.APP_URL, databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR });
  startJobs();
  const { answerBackupRequests } = await import("./lib/backups/answer-backup-requests");
  await answerBackupRequests();
}
