// The engines of the production topology, started from Debian's packages on free loopback ports:
// a streaming replica of a test cluster (pg_basebackup -R), PgBouncer in transaction mode in front
// of the primary, and Caddy with deploy/Caddyfile's proxy settings in front of the app servers.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "../fixtures/free-port";
import type { PostgresCluster } from "../fixtures/postgres-cluster";
import { findProgram } from "../fixtures/provision";

const root = typeof process.getuid === "function" && process.getuid() === 0;

// PostgreSQL and PgBouncer refuse to run as root: as root, they run as the cluster's own user.
function asPostgres(argv: string[]): string[] {
  return root ? ["runuser", "-u", "postgres", "--", ...argv] : argv;
}

function runChecked(argv: string[]): void {
  const result = spawnSync(argv[0]!, argv.slice(1), { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${argv.slice(0, 3).join(" ")} … failed (${result.status}): ${(result.stderr || result.stdout).trim().split("\n").slice(-5).join(" | ")}`);
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export type Replica = { url: string; port: number; stop(): void };

// A hot standby of `primary`, streaming from it; its folder lives in the primary's, which the
// primary's stop() removes (so this one stops first).
export async function startReplica(primary: PostgresCluster, database: string): Promise<Replica> {
  const dataDir = join(primary.dir, "replica");
  const logFile = join(primary.dir, "replica.log");
  const port = await freePort();
  runChecked(asPostgres([join(primary.binDir, "pg_basebackup"), "-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", dataDir, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"]));
  runChecked(asPostgres([join(primary.binDir, "pg_ctl"), "-D", dataDir, "-l", logFile, "-o", `-p ${port}`, "-w", "-t", "60", "start"]));
  const [command, ...args] = asPostgres([join(primary.binDir, "pg_ctl"), "-D", dataDir, "-m", "immediate", "-w", "stop"]);
  const stop = () => void spawnSync(command!, args, { stdio: "ignore" });
  process.once("exit", stop);
  return { url: `postgresql://postgres@127.0.0.1:${port}/${database}`, port, stop };
}

export type PgBouncer = { url: string; port: number; start(): Promise<void>; kill(): void; stop(): void };

// PgBouncer in transaction mode for `database` on the primary, as deploy/pgbouncer/pgbouncer.ini
// sets it up (trust instead of SCRAM: the test cluster has no passwords).
export async function startPgBouncer(primary: PostgresCluster, database: string): Promise<PgBouncer> {
  const binary = findProgram("pgbouncer");
  if (!binary) throw new Error("pgbouncer is not installed: apt-get install pgbouncer");
  const dir = join(primary.dir, "pgbouncer");
  runChecked(asPostgres(["mkdir", "-p", dir]));
  const port = await freePort();
  const ini = join(dir, "pgbouncer.ini");
  writeFileSync(join(dir, "userlist.txt"), `"postgres" ""\n`);
  writeFileSync(
    ini,
    [
      "[databases]",
      `${database} = host=127.0.0.1 port=${primary.port} dbname=${database}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      "max_client_conn = 400",
      "default_pool_size = 20",
      "server_reset_query =",
      "ignore_startup_parameters = extra_float_digits,options",
      "query_wait_timeout = 10",
      "server_connect_timeout = 5",
      "server_login_retry = 1",
      `logfile = ${join(dir, "pgbouncer.log")}`,
      `pidfile = ${join(dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  );
  const url = `postgresql://postgres@127.0.0.1:${port}/${database}`;
  let child: ChildProcess | undefined;
  const pid = () => Number(readFileSync(join(dir, "pgbouncer.pid"), "utf8").trim());
  const bouncer: PgBouncer = {
    url,
    port,
    async start() {
      const [command, ...args] = asPostgres([binary, ini]);
      child = spawn(command!, args, { stdio: "ignore" });
      const started = child;
      const deadline = performance.now() + 30_000;
      while (!(await answers(url))) {
        if (started.exitCode !== null) throw new Error(`pgbouncer exited (${started.exitCode}); see ${dir}/pgbouncer.log`);
        if (performance.now() > deadline) throw new Error("pgbouncer did not answer within 30 s");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    // A crash: SIGKILL, every client and server connection cut at once.
    kill() {
      try {
        process.kill(pid(), "SIGKILL");
      } catch {
        // already gone
      }
    },
    stop() {
      bouncer.kill();
      child?.kill("SIGKILL");
    },
  };
  process.once("exit", () => bouncer.stop());
  await bouncer.start();
  return bouncer;
}

type HealthEvent = { at: number; host: string; up: boolean };
export type Caddy = { url: string; events: HealthEvent[]; stop(): Promise<void> };

// Caddy with deploy/Caddyfile's site block on plain HTTP at a free port, sending to `upstreams`.
// Two additions for the test: each answer names the app server that gave it (X-Nida-Upstream), and
// the client's X-Forwarded-For is passed on, since every signer here comes from one address.
export async function startCaddy(upstreams: string[], port: number): Promise<Caddy> {
  const binary = findProgram("caddy");
  if (!binary) throw new Error("caddy is not installed: apt-get install caddy");
  const dir = mkdtempSync(join(tmpdir(), "nida-caddy-"));
  const shipped = readFileSync(new URL("../../deploy/Caddyfile", import.meta.url), "utf8");
  const caddyfile = shipped
    .replace(/^\{\n\temail [^\n]+\n\}/m, "{\n\tadmin off\n\tauto_https off\n}")
    .replace(/^nida\.example\.org \{/m, `http://127.0.0.1:${port} {`)
    .replace("reverse_proxy 127.0.0.1:3001 127.0.0.1:3002 {", `reverse_proxy ${upstreams.join(" ")} {\n\t\theader_up X-Forwarded-For {http.request.header.X-Forwarded-For}\n\t\theader_down X-Nida-Upstream {http.reverse_proxy.upstream.hostport}`)
    .replace("/var/log/caddy/nida-access.log", join(dir, "access.log"));
  if (!caddyfile.includes(`http://127.0.0.1:${port}`) || !caddyfile.includes("X-Nida-Upstream")) throw new Error("deploy/Caddyfile no longer has the shape this test adapts");
  writeFileSync(join(dir, "Caddyfile"), caddyfile);
  const child = spawn(binary, ["run", "--config", join(dir, "Caddyfile"), "--adapter", "caddyfile"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: join(dir, "data"), XDG_CONFIG_HOME: join(dir, "config") },
  });
  // The active health checker's verdicts, from Caddy's JSON log.
  const events: HealthEvent[] = [];
  let buffered = "";
  let log = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    log = (log + chunk).slice(-20_000);
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) {
      if (!line.includes("health_checker.active")) continue;
      const entry = JSON.parse(line) as { msg: string; host: string };
      if (entry.msg === "host is up") events.push({ at: performance.now(), host: entry.host, up: true });
      else if (/failed|unhealthy|down|status code/i.test(entry.msg)) events.push({ at: performance.now(), host: entry.host, up: false });
    }
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    }).then(() => rmSync(dir, { recursive: true, force: true }));
  process.once("exit", () => child.kill("SIGKILL"));
  const deadline = performance.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`caddy exited (${child.exitCode}): ${log.slice(-2000)}`);
    const health = await fetch(`${url}/api/health`).catch(() => null);
    if (health?.ok) break;
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`caddy did not proxy /api/health within 30 s: ${log.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, events, stop };
}
