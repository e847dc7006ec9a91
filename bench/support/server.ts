// The production server as `npm start` runs it (`scripts/start.ts --no-build`), on a free port.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { freePort } from "../../tests/fixtures/free-port";
import { commandLine, processTree } from "../../tests/fixtures/process-memory";

// lib/env sets NEXTAUTH_URL in this process from its own APP_URL; each server derives its own.
export const benchEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
delete benchEnv.NEXTAUTH_URL;

export type BenchServer = {
  name: string;
  url: string;
  process: ChildProcess;
  // The Next.js server process itself (`next-server`), whose memory the benchmarks report.
  serverPid(): number;
  // Every process the server runs as (npx, tsx, next start, next-server).
  pids(): number[];
  stop(): Promise<void>;
  // SIGKILL to every process of the server at once: a crash, with no chance to clean up.
  kill(): Promise<void>;
};

async function waitForHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server at ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server at ${url} did not become healthy in ${timeoutMs} ms`);
}

// Running: it exists and is not a zombie waiting for a parent (or an init) to reap it.
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function untilGone(pids: number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(alive)) {
    if (Date.now() > deadline) throw new Error(`processes ${pids.filter(alive).join(", ")} still running ${timeoutMs} ms after SIGTERM`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// What a server runs against: its database, and any other setting (NODE_OPTIONS for its Node
// processes, JOBS_ENABLED and RESEND_* for mail, a fixed PORT to restart on the same address).
export type ServerEnv = { DATABASE_URL?: string; PGLITE_DATA_DIR?: string; NODE_OPTIONS?: string } & Record<string, string | undefined>;

// `env` names the database and overrides the defaults below (jobs off, the bench routes on).
// `cwd`: another checkout's build (bench/support/checkout.ts) instead of this one's.
export async function startProductionServer(name: string, env: ServerEnv, cwd?: string): Promise<BenchServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("npx", ["--no-install", "tsx", "scripts/start.ts", "--no-build"], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    cwd,
    env: { ...benchEnv, NIDA_ENV: "test", LISTEN_HOST: "127.0.0.1", APP_URL: url, JOBS_ENABLED: "false", BENCH_ROUTES: "true",
      // Load comes through one loopback address: each request names its signer's own address, as a
      // load balancer would.
      TRUST_PROXY_HOPS: "1", ...env, PORT: String(port) },
  });
  const pids = () => (child.pid && child.exitCode === null ? processTree(child.pid) : []);
  // SIGTERM to the whole process group; done when every process of the server has exited (npx
  // exits at once, while the server itself may still be draining).
  const stop = async () => {
    const tree = pids();
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve();
      child.once("exit", () => resolve());
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        resolve();
      }
    });
    await untilGone(tree, 60_000);
  };
  const kill = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve();
      const tree = pids();
      child.once("exit", () => resolve());
      for (const pid of tree) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    });
  try {
    await waitForHealthy(url, child, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    name,
    url,
    process: child,
    pids,
    serverPid() {
      const pid = pids().find((candidate) => commandLine(candidate).startsWith("next-server"));
      if (!pid) throw new Error(`no next-server process under ${child.pid}`);
      return pid;
    },
    stop,
    kill,
  };
}
