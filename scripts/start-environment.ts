// The environments `npm start` gives its children. The build and the server need different
// limits: `next build`'s type check needs far more heap than the server, so the server's heap
// limit must never reach the build (a fresh clone's first start would die "out of memory").
import type { Env } from "../lib/env";

type Inherited = NodeJS.ProcessEnv;

// The build runs with the caller's environment as it is: nothing of the server's tuning.
export function buildEnvironment(inherited: Inherited): NodeJS.ProcessEnv {
  return { ...inherited, NEXT_TELEMETRY_DISABLED: "1" };
}

export function serverEnvironment(inherited: Inherited, env: Pick<Env, "SERVER_MAX_HEAP_MB" | "NODE_OPTIONS">, options: { dev: boolean }): NodeJS.ProcessEnv {
  const server: NodeJS.ProcessEnv = { ...inherited, NEXT_TELEMETRY_DISABLED: "1" };
  if (options.dev) return server;
  // A bounded heap makes V8 collect before the process grows: a large CSV export then stays within
  // a small machine's memory (measured by `npm run bench -- export`). An explicit limit wins.
  if (env.SERVER_MAX_HEAP_MB > 0 && !env.NODE_OPTIONS?.includes("--max-old-space-size")) {
    server.NODE_OPTIONS = [env.NODE_OPTIONS, `--max-old-space-size=${env.SERVER_MAX_HEAP_MB}`].filter(Boolean).join(" ");
  }
  // glibc gives each thread that allocates at once an arena of its own and rarely hands their
  // memory back: the threads that compress a large download each keep theirs. Two arenas keep a
  // large export within a small machine's memory (measured by `npm run bench -- export`).
  server.MALLOC_ARENA_MAX ??= "2";
  return server;
}
